package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.problem.ProblemException;

import java.util.UUID;

/**
 * A family reference donor as a laboratory reaches him: only a laboratory of the missing person's party, and a
 * donor outside the caller's reach is not found (named by his id only). Typing takes a sample his consent covers.
 */
@ApplicationScoped
public class LaboratoryDonors {

    private final EntityManager entityManager;
    private final RegisterAccess registerAccess;

    public LaboratoryDonors(EntityManager entityManager, RegisterAccess registerAccess) {
        this.entityManager = entityManager;
        this.registerAccess = registerAccess;
    }

    /** A donor being typed, his person, and the laboratory's examiner typing him. */
    public record Typing(FamilyDonor donor, MissingPerson person, Actor actor) {
    }

    /** The donor locked for a typing of {@code sampleId}: consented, and the sample one his consent covers. */
    public Typing forTyping(UUID donorId, String sampleId) {
        FamilyDonor donor = entityManager.find(FamilyDonor.class, donorId, LockModeType.PESSIMISTIC_WRITE);
        MissingPerson person = reachable(donor, donorId);
        if (donor.status() != FamilyDonor.Status.CONSENTED) {
            throw new RuleViolation("donor", "The donor withdrew consent: no profile may be recorded");
        }
        // A donor without registered samples (his consent withdrawn, or registered before they were required)
        // accepts none: a profile is taken only under a sample his consent covers.
        if (!donor.sampleIds().contains(sampleId)) {
            throw new RuleViolation("sampleId", "Not one of the samples registered with the donor's consent");
        }
        return new Typing(donor, person, new Actor(registerAccess.subject(), registerAccess.organisation()));
    }

    /** The donor, for a laboratory of his person's party to read his profiles. */
    public FamilyDonor forReading(UUID donorId) {
        FamilyDonor donor = entityManager.find(FamilyDonor.class, donorId);
        reachable(donor, donorId);
        return donor;
    }

    private MissingPerson reachable(FamilyDonor donor, UUID donorId) {
        MissingPerson person = donor == null ? null : entityManager.find(MissingPerson.class, donor.personId());
        if (person == null || !registerAccess.mayRead(person.party())) {
            throw ProblemException.notFound("Donor " + donorId);
        }
        registerAccess.requireLaboratoryOf(person.party());
        return person;
    }
}

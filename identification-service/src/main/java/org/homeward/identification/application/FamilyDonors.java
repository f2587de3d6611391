package org.homeward.identification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.FamilyDonor;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.Relationship;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Family reference donors, kept by the laboratories identifying for the missing person's party (DNA and
 * family references never leave the laboratory). Withdrawing consent erases the reference data at once,
 * and the erasure is audited.
 */
@ApplicationScoped
@Transactional
public class FamilyDonors {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public FamilyDonors(EntityManager entityManager, RegisterAccess access, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record Register(UUID personId, Relationship relationship, String donorName, FamilyDonor.Consent consent,
                           List<String> sampleIds) {
    }

    public FamilyDonor register(Register command) {
        MissingPerson person = person(command.personId());
        access.requireLaboratoryOf(person.party());
        FamilyDonor donor = new FamilyDonor(person.id(), command.relationship(), command.donorName(), command.consent(),
                command.sampleIds(), access.organisation(), Instant.now(clock));
        entityManager.persist(donor);
        audit.record("donor.register", "family_donor", donor.id().toString());
        return donor;
    }

    public List<FamilyDonor> of(UUID personId) {
        MissingPerson person = person(personId);
        access.requireLaboratoryOf(person.party());
        audit.record("donor.list.read", "missing_person", personId.toString());
        return entityManager.createQuery("select d from FamilyDonor d where d.personId = :person order by d.registeredAt",
                FamilyDonor.class).setParameter("person", personId).getResultList();
    }

    public FamilyDonor withdrawConsent(UUID donorId) {
        FamilyDonor donor = entityManager.find(FamilyDonor.class, donorId, LockModeType.PESSIMISTIC_WRITE);
        if (donor == null) {
            throw ProblemException.notFound("Donor " + donorId);
        }
        access.requireLaboratoryOf(person(donor.personId()).party());
        donor.withdrawConsent(Instant.now(clock));
        // Nothing is derived from reference samples yet (DNA profiles come with the kinship engine); when
        // it is, it is erased here, in this transaction.
        audit.record("donor.consent-withdrawn.erased", "family_donor", donorId.toString());
        return donor;
    }

    private MissingPerson person(UUID id) {
        MissingPerson person = entityManager.find(MissingPerson.class, id);
        if (person == null || !access.mayRead(person.party())) {
            throw ProblemException.notFound("Missing person " + id);
        }
        return person;
    }
}

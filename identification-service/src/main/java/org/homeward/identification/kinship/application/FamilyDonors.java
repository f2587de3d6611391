package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.identification.shared.IdentificationConfig;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.Relationship;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Family reference donors, kept by the laboratories identifying for the missing person's party (DNA and
 * family references never leave the laboratory). Withdrawing consent erases the reference data at once,
 * and the erasure is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class FamilyDonors {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;

    private final DnaProfiles profiles;
    private final LineageProfiles lineageProfiles;
    private final KinshipCandidates candidates;
    private final KinshipWork work;
    private final KinshipReferences references;
    private final IdentificationConfig config;

    public FamilyDonors(EntityManager entityManager, RegisterAccess access, AuditLog audit, Clock clock,
                        DnaProfiles profiles, LineageProfiles lineageProfiles, KinshipCandidates candidates, KinshipWork work,
                        KinshipReferences references, IdentificationConfig config) {
        this.config = config;
        this.references = references;
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.profiles = profiles;
        this.lineageProfiles = lineageProfiles;
        this.candidates = candidates;
        this.work = work;
    }

    public record Register(UUID personId, Relationship relationship, String donorName, FamilyDonor.Consent consent,
                           List<String> sampleIds) {
    }

    public FamilyDonor register(Register command) {
        MissingPerson person = person(command.personId());
        access.requireLaboratoryOf(person.party());
        refuseImpossibleFamily(person.id(), command.relationship());
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

    /**
     * The family withdrew consent. A coordinator of the person's party (who hears it from the family) makes it
     * take effect at once; an examiner's record of it waits for a second examiner or a coordinator (four eyes,
     * unless the laboratory works with one examiner), since the erasure cannot be undone.
     */
    public FamilyDonor withdrawConsent(UUID donorId, String reason) {
        FamilyDonor donor = lockedDonor(donorId);
        String party = personOf(donor).party();
        Actor actor = new Actor(access.subject(), access.organisation());
        if (!access.isCoordinatorOf(party)) {
            access.requireLaboratoryOf(party);
            if (config.requiresSecondExaminer(access.organisation())) {
                donor.requestWithdrawal(actor, reason, Instant.now(clock));
                audit.record("donor.consent-withdrawal.requested", "family_donor", donorId.toString());
                return donor;
            }
        }
        erase(donor, party, actor, reason);
        return donor;
    }

    /** A second examiner's or a coordinator's confirmation of an examiner's request to withdraw. */
    public FamilyDonor confirmWithdrawal(UUID donorId) {
        FamilyDonor donor = lockedDonor(donorId);
        String party = personOf(donor).party();
        if (!access.isCoordinatorOf(party)) {
            access.requireLaboratoryOf(party);
        }
        if (!donor.withdrawalRequested()) {
            throw new InvalidTransition("No withdrawal of this donor's consent awaits confirmation");
        }
        erase(donor, party, new Actor(access.subject(), access.organisation()), null);
        return donor;
    }

    private FamilyDonor lockedDonor(UUID donorId) {
        FamilyDonor donor = entityManager.find(FamilyDonor.class, donorId, LockModeType.PESSIMISTIC_WRITE);
        if (donor == null || !access.mayRead(personOf(donor).party())) {
            // Named by the donor's id only: the person's id is not the caller's to learn.
            throw ProblemException.notFound("Donor " + donorId);
        }
        return donor;
    }

    private MissingPerson personOf(FamilyDonor donor) {
        return entityManager.find(MissingPerson.class, donor.personId());
    }

    private void erase(FamilyDonor donor, String party, Actor actor, String reason) {
        UUID donorId = donor.id();
        Instant now = Instant.now(clock);
        // In the lock order of KinshipWork: the jobs first (the family, and every case with a candidate resting
        // on the donor, to be ranked again), then the party's matching lock, so that no job in flight writes a
        // candidate from this donor after the erasure.
        // Whom the sample reaches: his person's stated family, and every file with the same relative merged
        // with it (the mother registered for each son).
        KinshipReferences.Reach reach = references.asReference(donor)
                .map(sample -> references.reachOf(donor.personId(), party, sample))
                .orElseGet(() -> {
                    // A donor typed on lineage markers only: they are lent to his person's stated family.
                    Set<UUID> persons = new TreeSet<>(references.relatedTo(donor.personId(), party));
                    persons.add(donor.personId());
                    return new KinshipReferences.Reach(persons, Set.of(donorId));
                });
        reach.persons().forEach(reached -> work.enqueue(KinshipWork.Kind.PERSON, reached, party, now));
        new TreeSet<>(candidates.casesResting(reach)).forEach(caseId -> work.enqueue(KinshipWork.Kind.CASE, caseId, party,
                now));
        work.lockParty(party);
        donor.withdrawConsent(actor, reason, now);
        // Everything derived from the sample goes in this transaction: the profiles, and every candidate the
        // references produced with it; the families are matched again with the donors who remain.
        profiles.eraseDonorProfile(donorId, party, now);
        lineageProfiles.eraseDonorProfiles(donorId);
        // A job may have written a candidate from the donor before the lock was ours: its case is queued too.
        candidates.eraseDerivedFrom(reach, actor, now)
                .forEach(caseId -> work.enqueueIfAbsent(KinshipWork.Kind.CASE, caseId, party, now));
        audit.record("donor.consent-withdrawn.erased", "family_donor", donorId.toString());
    }

    /** Two parents at most: a third cannot be placed in the family's pedigree. */
    private void refuseImpossibleFamily(UUID personId, Relationship relationship) {
        if (relationship != Relationship.PARENT) {
            return;
        }
        long already = entityManager.createQuery("select count(d) from FamilyDonor d where d.personId = :person"
                        + " and d.relationship = :relationship and d.status = :consented", Long.class)
                .setParameter("person", personId).setParameter("relationship", relationship)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getSingleResult();
        if (already >= 2) {
            throw new org.homeward.platform.domain.RuleViolation("relationship", "The person already has two "
                    + relationship + " donors; a third cannot be placed in the family's pedigree");
        }
    }

    private MissingPerson person(UUID id) {
        return access.readable(entityManager.find(MissingPerson.class, id), id);
    }
}

package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.Examination;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.comparison.FingerprintComparison;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A case's post-mortem record, written and read by the examiners of the assigned laboratory (DESIGN.md 6). */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class PostMortemRecords {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public PostMortemRecords(EntityManager entityManager, CaseAccess access, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the sections {@code changes} states as the next version; {@code examinationId}, optional, names the
     * examination of this case they come from. The first recording starts the examination of a RECEIVED case.
     */
    public PostMortemRecord record(UUID caseId, PostMortem changes, UUID examinationId) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        if (examinationId != null) {
            Examination examination = entityManager.find(Examination.class, examinationId);
            if (examination == null || !examination.caseId().equals(caseId)) {
                throw new RuleViolation("examinationId", "No examination " + examinationId + " of this case");
            }
        }
        if (changes.fingerprints() != null) {
            comparedPersonsExist(remainsCase, changes.fingerprints().comparisons());
        }
        remainsCase.examined(actor, now).ifPresent(entityManager::persist);
        PostMortemRecord next = PostMortemRecord.next(latest(caseId).orElse(null), caseId, changes, examinationId, actor, now);
        entityManager.persist(next);
        audit.record("case.post-mortem.record", "case", caseId.toString());
        return next;
    }

    /** Every version, oldest first; the last is the record as it stands. */
    public List<PostMortemRecord> history(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.post-mortem.read", "case", caseId.toString());
        return entityManager.createQuery("select r from PostMortemRecord r where r.caseId = :id order by r.version",
                PostMortemRecord.class).setParameter("id", caseId).getResultList();
    }

    /** The record as it stands, for the reconciliation (which checks access and audits itself). */
    Optional<PostMortemRecord> latest(UUID caseId) {
        return entityManager.createQuery("select r from PostMortemRecord r where r.caseId = :id order by r.version desc",
                PostMortemRecord.class).setParameter("id", caseId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** A comparison names a person of the register the case's remains are identified for. */
    private void comparedPersonsExist(RemainsCase remainsCase, List<FingerprintComparison> comparisons) {
        for (FingerprintComparison comparison : comparisons) {
            MissingPerson person = entityManager.find(MissingPerson.class, comparison.missingPersonId());
            if (person == null || !person.party().equals(remainsCase.toParty())) {
                throw new RuleViolation("fingerprints.comparisons.missingPersonId", "No missing person "
                        + comparison.missingPersonId() + " in the register of " + remainsCase.toParty());
            }
            if (person.status() == PersonStatus.MERGED) {
                throw new RuleViolation("fingerprints.comparisons.missingPersonId", "Entry " + person.id()
                        + " was merged into " + person.mergedInto() + ": name that entry");
            }
        }
    }
}

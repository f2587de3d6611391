package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CustodyChain;
import org.homeward.identification.cases.CustodyEntry;
import org.homeward.identification.cases.Examination;
import org.homeward.identification.cases.ExaminationKind;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The laboratory's evidence: examinations and the chain of custody, recorded and read by its examiners. */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class CaseEvidence {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public CaseEvidence(EntityManager entityManager, CaseAccess access, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an examination records, as the examiner reports it. */
    public record RecordExamination(ExaminationKind kind, String examiner, LocalDate examinedOn, String method,
                                    String findings) {
    }

    public Examination recordExamination(UUID caseId, RecordExamination command) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        remainsCase.examined(actor, now).ifPresent(entityManager::persist);
        Examination examination = new Examination(caseId, command.kind(), command.examiner(), command.examinedOn(),
                command.method(), command.findings(), actor, now, LocalDate.now(clock));
        entityManager.persist(examination);
        audit.record("case.examination.record", "case", caseId.toString());
        return examination;
    }

    public List<Examination> examinations(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.examinations.read", "case", caseId.toString());
        return entityManager.createQuery("select e from Examination e where e.caseId = :id"
                + " order by e.examinedOn, e.recorded.at", Examination.class).setParameter("id", caseId).getResultList();
    }

    /** Who took the remains or a sample into custody, where and since when. */
    public record RecordCustody(String item, String sampleType, String heldBy, String location, Instant heldFrom) {
    }

    public CustodyEntry recordCustody(UUID caseId, RecordCustody command) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        remainsCase.ensureAcceptsEvidence();
        CustodyEntry entry = chain(caseId).append(command.item(), command.sampleType(), command.heldBy(),
                command.location(), command.heldFrom(), access.actor(), Instant.now(clock));
        entityManager.persist(entry);
        audit.record("case.custody.record", "case", caseId.toString());
        return entry;
    }

    public CustodyChain custody(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.custody.read", "case", caseId.toString());
        return chain(caseId);
    }

    private CustodyChain chain(UUID caseId) {
        return new CustodyChain(caseId, entityManager.createQuery("select e from CustodyEntry e where e.caseId = :id"
                + " order by e.position", CustodyEntry.class).setParameter("id", caseId).getResultList());
    }
}

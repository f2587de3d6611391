package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.RegisterImport;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.paging.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bulk imports into the register: submitted whole and validated at once, then linked in the background. */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class RegisterImports {

    /** The most reports one import may hold; the byte limit is the endpoint's body limit (32 MiB). */
    public static final int MAX_ROWS = 100_000;

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public RegisterImports(EntityManager entityManager, RegisterAccess access, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param format csv or json; @param upload the body as received */
    public RegisterImport submit(String party, String format, byte[] upload) {
        access.requireCoordinatorOf(party);
        List<ReportedPerson> rows = ReportRows.parse(format, upload, MAX_ROWS, LocalDate.now(clock));
        if (rows.isEmpty()) {
            throw new RuleViolation("reports", "An import holds at least one report");
        }
        if (rows.stream().anyMatch(r -> !party.equals(r.party()))) {
            throw new RuleViolation("reports", "Every report of an import is of the importing party, " + party);
        }
        RegisterImport job = new RegisterImport(party, format, upload, rows.size(), access.organisation(), Instant.now(clock));
        entityManager.persist(job);
        audit.record("register.import.submit", "register_import", job.id().toString());
        return job;
    }

    /** Resumes a failed import of the caller's party (its coordinators), from the first row not yet linked. */
    public RegisterImport resume(UUID id) {
        RegisterImport job = entityManager.find(RegisterImport.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !access.mayRead(job.party())) {
            throw ProblemException.notFound("Import " + id);
        }
        access.requireCoordinatorOf(job.party());
        job.resumed();
        audit.record("register.import.resume", "register_import", id.toString());
        return job;
    }

    /** The party's imports in one status, newest first (failed ones wait for a resume). */
    public List<RegisterImport> list(RegisterImport.Status status, PageRequest page) {
        Set<String> parties = access.readableParties();
        if (parties.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select j from RegisterImport j where j.party in :parties"
                        + " and j.status = :status order by j.submittedAt desc, j.id", RegisterImport.class)
                .setParameter("parties", parties).setParameter("status", status)
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    public RegisterImport get(UUID id) {
        RegisterImport job = entityManager.find(RegisterImport.class, id);
        if (job == null || !access.mayRead(job.party())) {
            throw ProblemException.notFound("Import " + id);
        }
        return job;
    }
}

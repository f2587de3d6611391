package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.RegisterImport;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bulk imports into the register: submitted whole and validated at once, then linked in the background. */
@ApplicationScoped
@Transactional
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

    /** @param format csv or json */
    public RegisterImport submit(String party, String format, String text) {
        access.requireCoordinatorOf(party);
        List<ReportedPerson> rows = ReportRows.parse(format, text, MAX_ROWS, LocalDate.now(clock));
        if (rows.isEmpty()) {
            throw new RuleViolation("reports", "An import holds at least one report");
        }
        if (rows.stream().anyMatch(r -> !party.equals(r.party()))) {
            throw new RuleViolation("reports", "Every report of an import is of the importing party, " + party);
        }
        RegisterImport job = new RegisterImport(party, format, text, rows.size(), access.organisation(), Instant.now(clock));
        entityManager.persist(job);
        audit.record("register.import.submit", "register_import", job.id().toString());
        return job;
    }

    public RegisterImport get(UUID id) {
        RegisterImport job = entityManager.find(RegisterImport.class, id);
        if (job == null || !access.mayRead(job.party())) {
            throw ProblemException.notFound("Import " + id);
        }
        return job;
    }
}

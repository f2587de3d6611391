package org.homeward.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Exports a period of the audit log as JSON lines, oldest first, each entry with its link of the chain,
 * so that an auditor can keep a copy elsewhere and check it against the hashes later.
 */
@ApplicationScoped
public class AuditExport {

    private static final int PAGE = 1000;

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final ObjectMapper json;

    public AuditExport(EntityManager entityManager, AuditLog auditLog, ObjectMapper json) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.json = json;
    }

    /** One exported line. */
    public record Line(Long id, Instant occurredAt, String actorSubject, String actorOrganisation, String actorParty,
                       String action, String resourceType, String resourceId, String purpose,
                       Long sealSeq, String prevHash, String hash) {
    }

    /** Records the export itself (in the caller's request) before anything is written. */
    @Transactional
    public void recordExport(Instant from, Instant to) {
        auditLog.record("audit.export", "audit_log", from + "/" + to);
    }

    public void write(Instant from, Instant to, OutputStream out) {
        long afterId = 0;
        List<Line> page;
        do {
            long after = afterId;
            page = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                            "select new org.homeward.platform.audit.AuditExport$Line(e.id, e.occurredAt, e.actorSubject,"
                                    + " e.actorOrganisation, e.actorParty, e.action, e.resourceType, e.resourceId, e.purpose,"
                                    + " s.seq, s.prevHash, s.hash) from AuditEntry e left join AuditSeal s on s.auditId = e.id"
                                    + " where e.occurredAt >= :from and e.occurredAt < :to and e.id > :after order by e.id",
                            Line.class)
                    .setParameter("from", from).setParameter("to", to).setParameter("after", after)
                    .setMaxResults(PAGE).getResultList());
            try {
                for (Line line : page) {
                    out.write(json.writeValueAsBytes(line));
                    out.write('\n');
                    afterId = line.id();
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } while (page.size() == PAGE);
    }
}

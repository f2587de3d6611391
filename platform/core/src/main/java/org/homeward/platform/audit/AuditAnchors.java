package org.homeward.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.homeward.platform.paging.PageRequest;
import org.jboss.logging.Logger;
import org.homeward.platform.persistence.DatabaseClock;
import org.homeward.platform.persistence.TransactionLock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Anchors the audit chain outside the database. At a fixed interval the chain's head is recorded and
 * announced ({@link AuditAnchor}, which the messaging library publishes to the auditors' webhooks). An anchor
 * kept elsewhere is checked by the verification: a chain rewritten by the database's owner no longer holds the
 * link it names, even if the stored anchors were rewritten with it.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
    private static final String ANCHOR_LOCK = "homeward-audit-anchor";

    private final EntityManager entityManager;
    private final Event<AuditAnchor> anchored;

    public AuditAnchors(EntityManager entityManager, Event<AuditAnchor> anchored) {
        this.entityManager = entityManager;
        this.anchored = anchored;
    }

    /** A link of the chain someone kept: its sequence and hash. */
    public record KeptAnchor(long seq, String hash) {
    }

    /** How the anchors checked fared: how many, and the first (lowest sequence) the chain no longer holds. */
    public record AnchorCheck(int checked, Long firstBrokenSeq) {
    }

    @Scheduled(every = "${homeward.audit.anchor-every:1h}", delayed = "${homeward.audit.anchor-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void anchorScheduled() {
        anchor();
    }

    /** Anchors the chain's head if it moved since the last anchor (replicas take turns); returns the new anchor. */
    public Optional<AuditAnchor> anchor() {
        return QuarkusTransaction.requiringNew().call(() -> {
            TransactionLock.hold(entityManager, ANCHOR_LOCK);
            @SuppressWarnings("unchecked")
            List<Object[]> head = entityManager.createNativeQuery(
                    "select seq, audit_id, hash from audit_seal order by seq desc limit 1").getResultList();
            if (head.isEmpty()) {
                return Optional.empty();
            }
            long seq = ((Number) head.get(0)[0]).longValue();
            Number last = (Number) entityManager.createNativeQuery("select max(seq) from audit_anchor").getSingleResult();
            if (last != null && last.longValue() > seq) {
                // Only a removal of sealed entries puts the head below an anchor: said loudly, every round.
                LOG.errorf("The audit chain's head (link %d) is below its last anchor (link %d): sealed entries were"
                        + " removed; verify the chain with the anchors kept outside", seq, last.longValue());
                return Optional.empty();
            }
            if (last != null && last.longValue() == seq) {
                return Optional.empty();
            }
            AuditAnchor anchor = new AuditAnchor(seq, ((Number) head.get(0)[1]).longValue(), (String) head.get(0)[2],
                    DatabaseClock.now(entityManager));
            entityManager.createNativeQuery("insert into audit_anchor (seq, audit_id, head_hash, anchored_at)"
                            + " values (?1, ?2, ?3, ?4)").setParameter(1, anchor.seq()).setParameter(2, anchor.auditId())
                    .setParameter(3, anchor.headHash()).setParameter(4, anchor.anchoredAt()).executeUpdate();
            anchored.fire(anchor); // in this transaction: its announcement is written with it or not at all
            return Optional.of(anchor);
        });
    }

    /** The anchors recorded, newest first. */
    public List<AuditAnchor> list(PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select seq, audit_id, head_hash, anchored_at from audit_anchor order by seq desc")
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList());
        return rows.stream().map(row -> new AuditAnchor(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (String) row[2], instant(row[3]))).toList();
    }

    /**
     * Checks every stored anchor and every one the caller kept against the chain as it is: an anchor holds
     * when the link of its sequence still has its hash.
     */
    public AnchorCheck check(List<KeptAnchor> kept) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The stored ones in one statement (they grow by one an hour); the few the caller kept one by one.
            Object[] stored = (Object[]) entityManager.createNativeQuery("select count(*), min(a.seq)"
                    + " filter (where s.hash is distinct from a.head_hash) from audit_anchor a"
                    + " left join audit_seal s on s.seq = a.seq").getSingleResult();
            Long broken = stored[1] == null ? null : ((Number) stored[1]).longValue();
            for (KeptAnchor anchor : kept) {
                @SuppressWarnings("unchecked")
                List<String> hash = entityManager.createNativeQuery("select hash from audit_seal where seq = ?1")
                        .setParameter(1, anchor.seq()).getResultList();
                if ((hash.isEmpty() || !hash.get(0).equals(anchor.hash())) && (broken == null || anchor.seq() < broken)) {
                    broken = anchor.seq();
                }
            }
            return new AnchorCheck(((Number) stored[0]).intValue() + kept.size(), broken);
        });
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant()
                : value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : (Instant) value;
    }
}

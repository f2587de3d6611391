package org.homeward.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the audit log tamper-evident by chaining its entries with hashes ({@link AuditSeal}).
 *
 * <p>Entries are sealed by a background job rather than when written, so that audited requests never wait
 * on one another for the chain's head. The job seals, in id order, every committed entry not yet sealed;
 * an entry committed late by a long transaction is sealed in a later run, so the chain follows seal order
 * and every entry is in it exactly once. Replicas take turns through an advisory lock. The job looks only
 * at entries written since shortly before the last sealed one (transactions end within a minute, replicas'
 * clocks are synchronised); a verification looks at every entry, seals any straggler the job missed, and
 * counts an entry still unsealed after that window as a failure.
 */
@ApplicationScoped
public class AuditChain {

    private static final String SEAL_LOCK = "homeward-audit-seal";
    private static final int BATCH = 1000;
    /** Longer than any transaction may run, so an entry committed late still falls inside the search window. */
    private static final Duration LATE_COMMIT_WINDOW = Duration.ofMinutes(10);

    private final EntityManager entityManager;
    private final AuditLog auditLog;

    public AuditChain(EntityManager entityManager, AuditLog auditLog) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
    }

    /** A verification is itself audited, in the auditor's request. */
    @Transactional
    public void recordVerification() {
        auditLog.record("audit.verify", "audit_log", null);
    }

    /**
     * What a verification found; {@code firstBrokenSeq} is null when every link holds. {@code headHash} is the
     * anchor an auditor keeps outside the database: a later chain must still contain it.
     * {@code firstBrokenAnchorSeq} is the first anchor (stored, or kept by the caller) whose link the chain no
     * longer holds: a chain rewritten whole, hashes and all, by the database's owner.
     */
    public record Verification(boolean valid, long sealedEntries, long unsealedEntries, long staleUnsealedEntries,
                               Long firstBrokenSeq, String headHash, long headSeq, int anchorsChecked,
                               Long firstBrokenAnchorSeq) {

        /** This verification with the anchors' check added; valid only if every anchor holds too. */
        public Verification withAnchors(AuditAnchors.AnchorCheck anchors) {
            return new Verification(valid && anchors.firstBrokenSeq() == null, sealedEntries, unsealedEntries,
                    staleUnsealedEntries, firstBrokenSeq, headHash, headSeq, anchors.checked(), anchors.firstBrokenSeq());
        }
    }

    @Scheduled(every = "${homeward.audit.seal-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sealScheduled() {
        seal(false);
    }

    /** Seals every committed entry not yet in the chain, looking at the whole log; returns how many. */
    public int sealPending() {
        return seal(true);
    }

    private int seal(boolean wholeLog) {
        int total = 0;
        int sealed;
        do {
            sealed = QuarkusTransaction.requiringNew().call(() -> sealBatch(wholeLog));
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch(boolean wholeLog) {
        Object turn = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:lock))")
                .setParameter("lock", SEAL_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(turn)) {
            return 0;
        }
        List<AuditSeal> head = entityManager.createQuery("select s from AuditSeal s order by s.seq desc", AuditSeal.class)
                .setMaxResults(1).getResultList();
        Instant since = head.isEmpty() || wholeLog ? Instant.EPOCH
                : entityManager.find(AuditEntry.class, head.get(0).auditId).occurredAt.minus(LATE_COMMIT_WINDOW);
        // Read-only: the entries are only hashed, so the session keeps no snapshots to compare at flush.
        List<AuditEntry> pending = entityManager.createQuery("select e from AuditEntry e where e.occurredAt >= :since"
                        + " and not exists (select 1 from AuditSeal s where s.auditId = e.id) order by e.id", AuditEntry.class)
                .setParameter("since", since).setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(BATCH).getResultList();
        String previous = head.isEmpty() ? AuditHash.GENESIS : head.get(0).hash;
        List<Link> links = new ArrayList<>(pending.size());
        for (AuditEntry entry : pending) {
            Link link = new Link(entry.id, previous, AuditHash.of(previous, entry));
            links.add(link);
            previous = link.hash();
        }
        insertInOrder(links, Instant.now());
        return pending.size();
    }

    /** A link computed but not yet written ({@link AuditSeal} is the row). */
    private record Link(long auditId, String prevHash, String hash) {
    }

    /**
     * One JDBC batch instead of a persist per link: the sequence is generated by the database (identity), which
     * makes Hibernate insert each entity on its own round trip. The batch runs its rows in list order, so seq
     * still follows the chain.
     */
    private void insertInOrder(List<Link> links, Instant sealedAt) {
        if (links.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_seal (audit_id, prev_hash, hash, sealed_at) values (?, ?, ?, ?)")) {
                OffsetDateTime at = sealedAt.atOffset(ZoneOffset.UTC);
                for (Link link : links) {
                    insert.setLong(1, link.auditId());
                    insert.setString(2, link.prevHash());
                    insert.setString(3, link.hash());
                    insert.setObject(4, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Recomputes every link in seal order, a page per transaction; the first link that does not hold is reported. */
    public Verification verify() {
        String previous = AuditHash.GENESIS;
        long sealed = 0;
        long afterSeq = 0;
        Long broken = null;
        List<Object[]> page;
        do {
            long after = afterSeq;
            page = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                            "select s, e from AuditSeal s left join AuditEntry e on e.id = s.auditId"
                                    + " where s.seq > :after order by s.seq", Object[].class)
                    .setParameter("after", after).setMaxResults(BATCH).getResultList());
            for (Object[] link : page) {
                AuditSeal seal = (AuditSeal) link[0];
                AuditEntry entry = (AuditEntry) link[1];
                if (broken == null && (entry == null || !seal.prevHash.equals(previous)
                        || !seal.hash.equals(AuditHash.of(previous, entry)))) {
                    broken = seal.seq;
                }
                previous = seal.hash;
                afterSeq = seal.seq;
                sealed++;
            }
        } while (page.size() == BATCH);
        Object[] unsealed = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select count(*), count(*) filter (where a.occurred_at < now() - make_interval(secs => :window))"
                                + " from audit_log a where not exists (select 1 from audit_seal s where s.audit_id = a.id)")
                .setParameter("window", (double) LATE_COMMIT_WINDOW.toSeconds()).getSingleResult());
        long stale = ((Number) unsealed[1]).longValue();
        return new Verification(broken == null && stale == 0, sealed, ((Number) unsealed[0]).longValue(), stale,
                broken, previous, afterSeq, 0, null);
    }
}

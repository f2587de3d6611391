package org.homeward.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
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
     */
    public record Verification(boolean valid, long sealedEntries, long unsealedEntries, long staleUnsealedEntries,
                               Long firstBrokenSeq, String headHash) {
    }

    @Scheduled(every = "${homeward.audit.seal-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        List<AuditEntry> pending = entityManager.createQuery("select e from AuditEntry e where e.occurredAt >= :since"
                        + " and not exists (select 1 from AuditSeal s where s.auditId = e.id) order by e.id", AuditEntry.class)
                .setParameter("since", since).setMaxResults(BATCH).getResultList();
        String previous = head.isEmpty() ? AuditHash.GENESIS : head.get(0).hash;
        Instant now = Instant.now();
        for (AuditEntry entry : pending) {
            AuditSeal seal = new AuditSeal();
            seal.auditId = entry.id;
            seal.prevHash = previous;
            seal.hash = AuditHash.of(previous, entry);
            seal.sealedAt = now;
            entityManager.persist(seal);
            previous = seal.hash;
        }
        return pending.size();
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
                broken, previous);
    }
}

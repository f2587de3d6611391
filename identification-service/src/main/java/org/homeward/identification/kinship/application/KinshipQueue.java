package org.homeward.identification.kinship.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching's queue as operators see it: jobs waiting, jobs that failed five times and wait for an
 * operator, the age of the oldest waiting job (gauges, measured on a schedule so that a slow database never
 * slows the metrics endpoint), and the re-drive of failed jobs once their cause is mended.
 */
@ApplicationScoped
public class KinshipQueue {

    private static final Logger LOG = Logger.getLogger(KinshipQueue.class);

    /** A job the matching gave up on: what it was for, when it was queued, the kind of its last error. */
    public record FailedJob(UUID id, String kind, UUID subjectId, String party, Instant enqueuedAt, int attempts,
                            String lastError) {
    }

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public KinshipQueue(EntityManager entityManager, AuditLog audit, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.audit = audit;
        Gauge.builder("homeward.kinship.jobs.waiting", waiting, AtomicLong::get)
                .description("Kinship matching jobs waiting to run").register(registry);
        Gauge.builder("homeward.kinship.jobs.failed", failed, AtomicLong::get)
                .description("Kinship matching jobs that failed " + KinshipMatcher.MAX_ATTEMPTS + " times and wait"
                        + " for an operator").register(registry);
        Gauge.builder("homeward.kinship.oldest.job.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest waiting kinship matching job").register(registry);
    }

    @Scheduled(every = "${homeward.kinship.measure-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select count(*) filter (where attempts < ?1), count(*) filter (where attempts >= ?1),"
                            + " coalesce(extract(epoch from now() - min(enqueued_at) filter (where attempts < ?1)), 0)"
                            + " from kinship_job").setParameter(1, KinshipMatcher.MAX_ATTEMPTS).getSingleResult());
            waiting.set(((Number) row[0]).longValue());
            failed.set(((Number) row[1]).longValue());
            oldestAgeSeconds.set(((Number) row[2]).longValue());
        } catch (RuntimeException databaseAway) {
            // Keep the last figures; readiness reports the database, and this runs again shortly.
            LOG.debugf("Kinship queue not measured: %s", databaseAway.getClass().getSimpleName());
        }
    }

    @Transactional
    public List<FailedJob> failedJobs() {
        audit.record("kinship.jobs.failed.read", "kinship_job", "failed");
        return entityManager.createNativeQuery("select id, kind, subject_id, party, enqueued_at, attempts, last_error"
                        + " from kinship_job where attempts >= ?1 order by enqueued_at limit 500")
                .setParameter(1, KinshipMatcher.MAX_ATTEMPTS).getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    return new FailedJob((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
                            toInstant(row[4]), ((Number) row[5]).intValue(), (String) row[6]);
                }).toList();
    }

    /** Gives every failed job its attempts back: the next round runs them. Answers how many. */
    @Transactional
    @RerunsLostRaces
    public int redriveFailed() {
        int count = entityManager.createNativeQuery("update kinship_job set attempts = 0, last_error = null"
                + " where attempts >= ?1").setParameter(1, KinshipMatcher.MAX_ATTEMPTS).executeUpdate();
        audit.record("kinship.jobs.redrive", "kinship_job", Integer.toString(count));
        return count;
    }

    /**
     * Queues every open case with a DNA profile (of one party, or of all when {@code party} is null) to be matched
     * again, after a change the matching cannot see: a lineage database, rates or a party's identification policy.
     * A case already queued keeps its place. Answers how many were queued.
     */
    @Transactional
    @RerunsLostRaces
    public int rematchOpenCases(String party) {
        List<String> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();
        var insert = entityManager.createNativeQuery("insert into kinship_job (id, kind, subject_id, party, enqueued_at)"
                        + " select gen_random_uuid(), 'CASE', c.id, c.to_party, now() from remains_case c"
                        + " join dna_profile p on p.case_id = c.id where c.status in (:open)"
                        + (party == null ? "" : " and c.to_party = :party")
                        // In id order, as every caller queues: no deadlock with a recording queueing the same cases.
                        + " order by c.id on conflict (kind, subject_id) do nothing")
                .setParameter("open", open);
        if (party != null) {
            insert.setParameter("party", party);
        }
        int count = insert.executeUpdate();
        audit.record("kinship.jobs.rematch", "kinship_job", (party == null ? "all" : party) + ":" + count);
        return count;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

package org.homeward.platform.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the relay has not yet published: row count and age of the oldest row. Measured on a
 * schedule, not on scrape, so that a slow database never slows the metrics endpoint.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager entityManager;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxBacklog(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("homeward.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("homeward.outbox.oldest.unpublished.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").register(registry);
        Gauge.builder("homeward.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked because the broker refuses them for good").register(registry);
    }

    @Scheduled(every = "${homeward.outbox.measure-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try {
            measureNow();
        } catch (RuntimeException databaseAway) {
            // Keep the last figures; readiness already reports the database, and this runs again shortly.
            LOG.debugf("Outbox backlog not measured: %s", databaseAway.getClass().getSimpleName());
        }
    }

    private void measureNow() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select count(*), min(timestamp), count(*) filter (where parked_at is not null)"
                        + " from outbox_event where published_at is null").getSingleResult());
        backlog.set(((Number) row[0]).longValue());
        parked.set(((Number) row[2]).longValue());
        Instant oldest = row[1] == null ? null : toInstant(row[1]);
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Instant.now().getEpochSecond() - oldest.getEpochSecond()));
    }

    public long backlog() {
        return backlog.get();
    }

    public long parked() {
        return parked.get();
    }

    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}

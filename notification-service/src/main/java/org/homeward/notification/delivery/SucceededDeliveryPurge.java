package org.homeward.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * Deliveries and their attempts would otherwise grow for ever: SUCCEEDED ones are purged once they are older
 * than {@code homeward.webhooks.succeeded-retention} (their attempts go with them, by cascade). FAILED ones
 * stay, for a subscriber to queue them again after fixing its endpoint; PENDING ones are still being
 * delivered. Small batches, each its own transaction, so a large backlog never holds long locks; rows another
 * replica is purging at the same moment are skipped, not waited for.
 */
@ApplicationScoped
public class SucceededDeliveryPurge {

    private static final int BATCH = 1000;

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Counter purged;

    public SucceededDeliveryPurge(EntityManager entityManager, WebhookConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.purged = Counter.builder("homeward.webhook.deliveries.purged").register(registry);
    }

    @Scheduled(every = "${homeward.webhooks.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        purgeSucceededBefore(Instant.now().minus(config.succeededRetention()));
    }

    /** Purges deliveries that succeeded before {@code cutoff}, with their attempts; returns how many. */
    public int purgeSucceededBefore(Instant cutoff) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                            delete from delivery where id in (
                                select id from delivery where status = 'SUCCEEDED' and delivered_at < :cutoff
                                limit :batch for update skip locked)""")
                    .setParameter("cutoff", cutoff).setParameter("batch", BATCH).executeUpdate());
            total += batch;
        } while (batch == BATCH);
        purged.increment(total);
        return total;
    }
}

package org.homeward.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.notification.Subscription;
import org.homeward.platform.crypto.Resealing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves every subscription's signing secrets to the current encryption key, bound to their row: after a key
 * rotation (the old key listed under homeward.webhooks.retired-encryption-keys) and for secrets sealed before
 * binding. Runs every homeward.webhooks.reseal-every; the gauge says how many subscriptions are left.
 */
@ApplicationScoped
public class SecretKeyRotation {

    private final EntityManager entityManager;
    private final SecretCipher cipher;
    private final AtomicLong notCurrent = new AtomicLong();

    public SecretKeyRotation(EntityManager entityManager, SecretCipher cipher, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.cipher = cipher;
        Gauge.builder("homeward.webhooks.sealed-secrets.not-current", notCurrent, AtomicLong::get)
                .description("Subscriptions holding a secret not sealed with the current encryption key")
                .register(registry);
    }

    @Scheduled(every = "${homeward.webhooks.reseal-every:10m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void resealAll() {
        Resealing.Outcome outcome = Resealing.pass(entityManager, cipher.currentPrefix(), new Resealing.Rows(
                "subscription", "left(secret_encrypted, :length) <> :prefix"
                        + " or left(previous_secret_encrypted, :length) <> :prefix",
                id -> entityManager.find(Subscription.class, id).resealed(cipher::open, cipher::seal)));
        notCurrent.set(outcome.notCurrent());
    }
}

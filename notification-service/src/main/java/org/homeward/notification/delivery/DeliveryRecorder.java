package org.homeward.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.notification.Delivery;
import org.homeward.notification.DeliveryAttempt;
import org.homeward.notification.RetrySchedule;
import org.homeward.notification.Subscription;
import org.homeward.notification.messaging.SubscriptionEvents;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records an attempt and what follows from it, in one transaction: only 2xx is success; 410 disables the
 * endpoint; 429 and 503 wait at least their Retry-After; anything else (3xx included: redirects are not
 * followed) is retried on the schedule until it runs out.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final MeterRegistry registry;
    private final SubscriptionEvents events;

    public DeliveryRecorder(EntityManager entityManager, WebhookConfig config, MeterRegistry registry,
                            SubscriptionEvents events) {
        this.entityManager = entityManager;
        this.config = config;
        this.schedule = new RetrySchedule(config.retrySchedule());
        this.registry = registry;
        this.events = events;
    }

    void record(UUID deliveryId, Integer status, String excerpt, String error, Instant started, Duration retryAfter) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = entityManager.find(Delivery.class, deliveryId);
            Subscription subscription = entityManager.find(Subscription.class, delivery.subscriptionId());
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.deliveryId = deliveryId;
            attempt.attemptedAt = started;
            attempt.statusCode = status;
            attempt.latencyMs = Duration.between(started, now).toMillis();
            attempt.responseExcerpt = excerpt;
            attempt.error = error;
            entityManager.persist(attempt);
            if (status != null && status >= 200 && status < 300) {
                delivery.succeeded(status, now);
                subscription.recordSuccess(now);
                registry.counter("homeward.webhook.deliveries", "outcome", "succeeded").increment();
                return;
            }
            if (status != null && status == 410) {
                delivery.failed(status, null);
                subscription.disable("The endpoint answered 410 Gone");
                events.disabled(subscription);
                registry.counter("homeward.webhook.deliveries", "outcome", "gone").increment();
                LOG.infof("Subscription %s disabled: its endpoint answered 410", subscription.id());
                return;
            }
            Duration honoured = status != null && (status == 429 || status == 503) ? retryAfter : null;
            Instant next = schedule.pauseAfter(delivery.attempts() + 1, honoured, ThreadLocalRandom.current()::nextDouble)
                    .map(now::plus).orElse(null);
            delivery.failed(status, next);
            if (subscription.recordFailure(now, config.disableAfter())) {
                events.disabled(subscription);
                LOG.infof("Subscription %s disabled after %s without a successful delivery", subscription.id(),
                        config.disableAfter());
            }
            registry.counter("homeward.webhook.deliveries", "outcome", next == null ? "failed" : "retrying").increment();
        });
    }
}

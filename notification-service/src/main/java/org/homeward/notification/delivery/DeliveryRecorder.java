package org.homeward.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.homeward.notification.Delivery;
import org.homeward.platform.persistence.DatabaseClock;
import org.homeward.notification.DeliveryAttempt;
import org.homeward.notification.RetrySchedule;
import org.homeward.notification.Subscription;
import org.homeward.notification.messaging.SubscriptionEvents;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records an attempt and what follows from it, in one transaction: only 2xx is success; 410 disables the
 * endpoint; 429 and 503 wait at least their Retry-After; anything else (3xx included: redirects are not
 * followed) is retried on the schedule until it runs out.
 *
 * <p>Only the holder of the delivery's lease records: the outcome of an attempt whose lease was taken over
 * (it outlived it, or the replica stalled) is dropped, so a late answer never overwrites a newer one. The
 * write is conditional on the versions read; when something else changed the rows meanwhile it is read and
 * judged again.
 */
@ApplicationScoped
public class DeliveryRecorder {

    /** What an attempt came to: the endpoint's answer, or the error that stopped it. */
    record Outcome(Integer status, String excerpt, String error, Duration retryAfter) {
        static Outcome answered(int status, String excerpt, Duration retryAfter) {
            return new Outcome(status, excerpt, null, retryAfter);
        }

        static Outcome error(String error) {
            return new Outcome(null, null, error, null);
        }

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);
    /** Conflicts come from a concurrent retry, claim or subscription change; a few re-reads settle them. */
    private static final int CONFLICT_READS = 3;
    private static final String LEASE_LOST = "lease-lost";

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final MeterRegistry registry;
    private final SubscriptionEvents events;
    private final DeliveryClaims claims;

    public DeliveryRecorder(EntityManager entityManager, WebhookConfig config, MeterRegistry registry,
                            SubscriptionEvents events, DeliveryClaims claims) {
        this.entityManager = entityManager;
        this.config = config;
        this.schedule = new RetrySchedule(config.retrySchedule());
        this.registry = registry;
        this.events = events;
        this.claims = claims;
    }

    /** Records the outcome if {@code claim} still holds the delivery's lease; returns whether it did. */
    boolean record(Claim claim, Outcome outcome, Instant started) {
        return !LEASE_LOST.equals(recordInOneTransaction(claim, outcome, started, false).outcome());
    }

    /**
     * Records the outcome like {@link #record} and, in the same transaction, claims the endpoint's next due
     * delivery for the same worker ({@link DeliveryClaims#claimNextOfEndpoint}) and reads it: one transaction
     * per delivery on a busy endpoint. Should that transaction fail for any reason but a conflict, the outcome
     * is recorded alone and nothing is claimed.
     */
    Optional<LeasedDelivery> recordAndClaimNext(Claim claim, Outcome outcome, Instant started) {
        return recordInOneTransaction(claim, outcome, started, true).next();
    }

    private record Recorded(String outcome, Optional<LeasedDelivery> next) {
    }

    private Recorded recordInOneTransaction(Claim claim, Outcome outcome, Instant started, boolean claimNext) {
        Duration latency = Duration.between(started, Instant.now());
        for (int read = 1; ; read++) {
            try {
                Recorded recorded = QuarkusTransaction.requiringNew().call(() -> {
                    Delivery delivery = entityManager.find(Delivery.class, claim.deliveryId());
                    String name = recordOnce(delivery, claim, outcome, started, latency,
                            DatabaseClock.now(entityManager)); // due times are compared with the claims' now()
                    return new Recorded(name, claimNext && !LEASE_LOST.equals(name)
                            ? claims.claimNextOfEndpoint(delivery.subscriptionId()).map(claims::load)
                            : Optional.empty());
                });
                registry.counter("homeward.webhook.deliveries", "outcome", recorded.outcome()).increment();
                return recorded;
            } catch (RuntimeException e) {
                if (claimNext && !isConflict(e)) {
                    // Handing the endpoint on must never cost the record of an attempt that went out. Logged as
                    // a warning: a hand-over that always fails would otherwise only show as slower delivery.
                    LOG.warnf("Recording delivery %s with its endpoint's next failed (%s); recording it alone",
                            claim.deliveryId(), e.getClass().getSimpleName());
                    return recordInOneTransaction(claim, outcome, started, false);
                }
                if (!isConflict(e) || read == CONFLICT_READS) {
                    throw e;
                }
            }
        }
    }

    /** Returns the outcome's name for the metric. */
    private String recordOnce(Delivery delivery, Claim claim, Outcome outcome, Instant started, Duration latency,
                              Instant now) {
        if (delivery == null || !delivery.isLeasedBy(claim.leaseToken())) {
            LOG.infof("The outcome of an attempt of delivery %s is dropped: its lease was taken over", claim.deliveryId());
            return LEASE_LOST;
        }
        Subscription subscription = entityManager.find(Subscription.class, delivery.subscriptionId());
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id();
        attempt.attemptedAt = started;
        attempt.statusCode = outcome.status();
        attempt.latencyMs = latency.toMillis();
        attempt.responseExcerpt = outcome.excerpt();
        attempt.error = outcome.error();
        entityManager.persist(attempt);
        String recorded = apply(outcome, delivery, subscription, now);
        // Written here, not at commit, so that a conflict surfaces as such and the loop above can read again.
        entityManager.flush();
        return recorded;
    }

    private String apply(Outcome outcome, Delivery delivery, Subscription subscription, Instant now) {
        Integer status = outcome.status();
        if (outcome.succeeded()) {
            delivery.succeeded(status, now);
            subscription.recordSuccess(now);
            return "succeeded";
        }
        if (status != null && status == 410) {
            delivery.failed(status, null);
            subscription.disable("The endpoint answered 410 Gone");
            events.disabled(subscription);
            LOG.infof("Subscription %s disabled: its endpoint answered 410", subscription.id());
            return "gone";
        }
        Duration honoured = status != null && (status == 429 || status == 503) ? outcome.retryAfter() : null;
        Instant next = schedule.pauseAfter(delivery.attempts() + 1, honoured, ThreadLocalRandom.current()::nextDouble)
                .map(now::plus).orElse(null);
        delivery.failed(status, next);
        if (subscription.recordFailure(now, config.disableAfter())) {
            events.disabled(subscription);
            LOG.infof("Subscription %s disabled after %s without a successful delivery", subscription.id(),
                    config.disableAfter());
        }
        return next == null ? "failed" : "retrying";
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}

package org.homeward.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers due webhooks. A claim takes at most one due delivery per endpoint, and none from an endpoint
 * that already has one in flight, so a slow or hanging endpoint only ever holds one worker and never
 * delays the others. Claims are leases in the database (several replicas may run; a crashed replica's
 * claims expire), serialised by an advisory lock so two replicas never claim the same delivery. A lease
 * outlasts the longest attempt (checked at start), so it never runs out while its attempt is still going.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final SsrfGuard guard;
    private final WebhookSender sender;
    private final DeliveryRecorder recorder;
    private final SecretCipher cipher;
    private final Timer latency;
    private ExecutorService workers;
    private Semaphore capacity;
    /** Released whenever an attempt ends, so the dispatcher looks for that endpoint's next delivery at once. */
    private final Semaphore attemptEnded = new Semaphore(0);
    private Thread dispatcher;
    private volatile boolean running;

    /** A delivery leased to one claim: only the holder of the token may record the attempt's outcome. */
    public record Claim(UUID deliveryId, UUID leaseToken) {
    }

    public DeliveryWorker(EntityManager entityManager, WebhookConfig config, SsrfGuard guard, WebhookSender sender,
                          DeliveryRecorder recorder, SecretCipher cipher, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.guard = guard;
        this.sender = sender;
        this.recorder = recorder;
        this.cipher = cipher;
        this.latency = Timer.builder("homeward.webhook.attempt.latency").register(registry);
    }

    void start(@Observes StartupEvent event) {
        AttemptBudget.of(config).requireShorterThan(config.lease());
        if (config.workers() == 0) {
            LOG.info("homeward.webhooks.workers is 0: this replica delivers no webhooks");
            return;
        }
        running = true;
        workers = Executors.newFixedThreadPool(config.workers(), runnable -> new Thread(runnable, "webhook-delivery"));
        capacity = new Semaphore(config.workers());
        dispatcher = new Thread(this::dispatchLoop, "webhook-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
            workers.shutdownNow();
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                int free = capacity.availablePermits();
                List<Claim> claimed = free == 0 ? List.of() : claim(free);
                for (Claim claim : claimed) {
                    capacity.acquire();
                    workers.execute(() -> {
                        try {
                            deliver(claim);
                        } finally {
                            capacity.release();
                            attemptEnded.release();
                        }
                    });
                }
                if (claimed.isEmpty()) {
                    attemptEnded.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    attemptEnded.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database unreachable: deliveries wait in the database; try again shortly.
                LOG.warnf("Webhook dispatcher could not claim deliveries (%s)", e.getClass().getSimpleName());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Claims up to {@code limit} due deliveries, the next one of each endpoint that has none in flight and
     * whose rate limit allows another request, and stamps the endpoint's last attempt. Each claimed delivery
     * is leased under a fresh token, which its worker must still hold to record the outcome.
     *
     * <p>Fair under saturation: endpoints are taken in the order they have waited for a turn, counted from
     * when their next delivery fell due or, if later, from their last attempt, so that with more busy
     * endpoints than workers each gets its turn before any gets a second one.
     */
    @SuppressWarnings("unchecked")
    List<Claim> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('homeward-webhook-claim'))")
                    .getSingleResult();
            List<Object[]> due = entityManager.createNativeQuery("""
                            select next.id, s.id from subscription s
                            cross join lateral (
                                select d.id, d.next_attempt_at from delivery d
                                where d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <= now()
                                  and (d.locked_until is null or d.locked_until < now())
                                order by d.next_attempt_at limit 1) next
                            where s.status = 'ACTIVE'
                              and (s.last_attempt_at is null
                                   or s.last_attempt_at <= now() - make_interval(secs => 1.0 / s.rate_limit_per_second))
                              and not exists (select 1 from delivery busy where busy.subscription_id = s.id
                                              and busy.status = 'PENDING' and busy.locked_until >= now())
                            order by greatest(next.next_attempt_at, s.last_attempt_at), next.next_attempt_at, s.id
                            limit :limit""")
                    .setParameter("limit", limit)
                    .getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            Map<UUID, UUID> endpointOf = new LinkedHashMap<>();
            due.forEach(row -> endpointOf.put((UUID) row[0], (UUID) row[1]));
            UUID token = UUID.randomUUID();
            // Conditional on the row still being free: a retry or recovery may have changed it since the select.
            Set<UUID> leased = Set.copyOf(entityManager.createNativeQuery("""
                            update delivery set locked_until = now() + make_interval(secs => :lease),
                                                lease_token = :token, version = version + 1
                            where id in (:ids) and status = 'PENDING' and (locked_until is null or locked_until < now())
                            returning id""", UUID.class)
                    .setParameter("lease", config.lease().toMillis() / 1000.0)
                    .setParameter("token", token)
                    .setParameter("ids", endpointOf.keySet()).getResultList());
            List<UUID> claimed = endpointOf.keySet().stream().filter(leased::contains).toList();
            if (!claimed.isEmpty()) {
                entityManager.createNativeQuery("update subscription set last_attempt_at = now() where id in (:ids)")
                        .setParameter("ids", claimed.stream().map(endpointOf::get).toList()).executeUpdate();
            }
            return claimed.stream().map(id -> new Claim(id, token)).toList();
        });
    }

    /** One attempt: check the lease and the target, sign afresh, send, record the outcome. */
    void deliver(Claim claim) {
        UUID deliveryId = claim.deliveryId();
        Instant started = Instant.now();
        Delivery delivery;
        Subscription subscription;
        try {
            Object[] loaded = QuarkusTransaction.requiringNew().call(() -> {
                Delivery d = entityManager.find(Delivery.class, deliveryId);
                return new Object[] {d, entityManager.find(Subscription.class, d.subscriptionId())};
            });
            delivery = (Delivery) loaded[0];
            subscription = (Subscription) loaded[1];
        } catch (RuntimeException e) {
            LOG.warnf("Could not load delivery %s (%s); its lease will expire and it will be retried", deliveryId,
                    e.getClass().getSimpleName());
            return;
        }
        if (!delivery.isLeasedBy(claim.leaseToken())) {
            LOG.debugf("Delivery %s is no longer leased to this claim; not sending it", deliveryId);
            return;
        }
        SsrfGuard.Target target;
        try {
            target = guard.check(subscription.url());
        } catch (TargetRefused refused) {
            recorder.record(claim, DeliveryRecorder.Outcome.error("Refused: " + refused.getMessage()), started);
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        List<String> secrets = subscription.signingSecrets(Instant.now()).stream().map(cipher::decrypt).toList();
        String webhookId = delivery.eventId().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Homeward-Webhooks/1");
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", WebhookSigner.signatureHeader(secrets, webhookId, timestamp, delivery.payload()));
        if (delivery.traceparent() != null) {
            headers.put("traceparent", delivery.traceparent());
        }
        // Only the send is guarded: a failure to record an answer must not be recorded as a failed send (that
        // would send a delivered webhook again); the lease then expires and recovery takes over.
        DeliveryRecorder.Outcome outcome;
        try {
            WebhookSender.Answer answer = sender.post(target, headers, delivery.payload());
            latency.record(Duration.between(started, Instant.now()));
            outcome = DeliveryRecorder.Outcome.answered(answer.status(), answer.bodyExcerpt(),
                    RetryAfter.parse(answer.headers().get("retry-after"), Instant.now()));
        } catch (TimeoutException e) {
            outcome = DeliveryRecorder.Outcome.error("Timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            outcome = DeliveryRecorder.Outcome.error("Connection failed: " + cause.getClass().getSimpleName());
        }
        try {
            recorder.record(claim, outcome, started);
        } catch (RuntimeException e) {
            LOG.warnf("The outcome of delivery %s could not be recorded (%s); its lease expires and it is retried",
                    deliveryId, e.getClass().getSimpleName());
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

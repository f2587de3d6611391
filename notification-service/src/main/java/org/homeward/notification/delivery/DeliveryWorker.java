package org.homeward.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Delivers due webhooks: a dispatcher hands claimed deliveries ({@link DeliveryClaims}) to a pool of
 * workers. A worker that has recorded an attempt claims its next delivery in the same transaction when it
 * can, and goes on with it; the dispatcher claims for workers that could not, and for idle ones. A lease
 * outlasts the longest attempt (checked at start), so it never runs out while its attempt is still going.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final WebhookConfig config;
    private final DeliveryClaims claims;
    private final SsrfGuard guard;
    private final WebhookSender sender;
    private final DeliveryRecorder recorder;
    private final SecretCipher cipher;
    private final Timer latency;
    private ExecutorService workers;
    private Semaphore capacity;
    /** Released whenever a worker stops, so the dispatcher looks for that endpoint's next delivery at once. */
    private final Semaphore attemptEnded = new Semaphore(0);
    private Thread dispatcher;
    private volatile boolean running;

    public DeliveryWorker(WebhookConfig config, DeliveryClaims claims, SsrfGuard guard, WebhookSender sender,
                          DeliveryRecorder recorder, SecretCipher cipher, MeterRegistry registry) {
        this.config = config;
        this.claims = claims;
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

    /**
     * A rolling deploy must not send again what was in flight: claiming stops, each attempt under way is left
     * to finish (at most the attempt budget) and its outcome recorded, and every delivery claimed but not yet
     * attempted is released for another replica. Only an attempt that outlives the budget is cut off; its
     * lease then runs out and it is retried, as after a crash.
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (dispatcher == null) {
            return;
        }
        dispatcher.interrupt();
        workers.shutdown();
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
            Duration grace = AttemptBudget.of(config).longest().plusSeconds(5);
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Webhook attempts still running after %s; cut off, their leases run out", grace);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                int free = capacity.availablePermits();
                List<Claim> claimed = free == 0 ? List.of() : claim(free);
                for (int handed = 0; handed < claimed.size(); handed++) {
                    if (!running || !capacity.tryAcquire(1, TimeUnit.SECONDS)) {
                        // Stopping (or, never expected, no worker freed): what was claimed goes back at once.
                        claimed.subList(handed, claimed.size()).forEach(this::release);
                        break;
                    }
                    Claim claim = claimed.get(handed);
                    try {
                        workers.execute(() -> {
                            try {
                                deliverWhileClaimed(claim);
                            } finally {
                                capacity.release();
                                attemptEnded.release();
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException stopping) {
                        capacity.release();
                        claimed.subList(handed, claimed.size()).forEach(this::release);
                        break;
                    }
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

    /** Claims up to {@code limit} due deliveries (see {@link DeliveryClaims#claim}). */
    List<Claim> claim(int limit) {
        return claims.claim(limit);
    }

    /**
     * Delivers the claimed delivery and then each one the recording transaction claimed next: a delivery costs
     * one transaction for its outcome and the next claim, instead of one for a claim by the dispatcher, one to
     * read the delivery and one for its outcome.
     */
    private void deliverWhileClaimed(Claim first) {
        Optional<LeasedDelivery> next = load(first);
        while (next.isPresent() && running) {
            next = attempt(next.get(), this::mayGoOn);
        }
        next.ifPresent(unsent -> release(unsent.claim()));
    }

    /** Gives a claimed delivery that will not be attempted here back at once, rather than when its lease ends. */
    private void release(Claim claim) {
        try {
            claims.release(claim);
        } catch (RuntimeException e) {
            LOG.debugf("Could not release the lease of delivery %s (%s); it runs out", claim.deliveryId(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Whether a worker that has just finished an attempt may claim its endpoint's next delivery: only while
     * the replica runs and has idle workers; with more busy endpoints than workers, turns are the dispatcher's.
     */
    private boolean mayGoOn() {
        return running && capacity.availablePermits() > 0;
    }

    /** One attempt, and nothing claimed after it. */
    static final String UNDECRYPTABLE_SECRET = "The subscription's signing secret cannot be decrypted with the"
            + " configured key: restore the key, or rotate the secret";

    void deliver(Claim claim) {
        load(claim).ifPresent(leased -> attempt(leased, () -> false));
    }

    private Optional<LeasedDelivery> load(Claim claim) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> claims.load(claim)));
        } catch (RuntimeException e) {
            LOG.warnf("Could not load delivery %s (%s); its lease will expire and it will be retried",
                    claim.deliveryId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * One attempt: check the lease and the target, sign afresh, send, record the outcome and, if
     * {@code claimNext} says so once the answer is in, claim and read the endpoint's next delivery in the same
     * transaction; returns that.
     */
    private Optional<LeasedDelivery> attempt(LeasedDelivery leased, BooleanSupplier claimNext) {
        Claim claim = leased.claim();
        Instant started = Instant.now();
        if (!leased.stillLeased()) {
            LOG.debugf("Delivery %s is no longer leased to this claim; not sending it", claim.deliveryId());
            return Optional.empty();
        }
        Delivery delivery = leased.delivery();
        Subscription subscription = leased.subscription();
        SsrfGuard.Target target;
        try {
            target = guard.check(subscription.url());
        } catch (TargetRefused refused) {
            return record(claim, DeliveryRecorder.Outcome.error("Refused: " + refused.getMessage()), started,
                    claimNext);
        }
        long timestamp = Instant.now().getEpochSecond();
        List<String> secrets;
        try {
            secrets = subscription.signingSecrets(Instant.now(), cipher::open);
        } catch (RuntimeException undecryptable) {
            // A key changed or a value damaged: recorded as the attempt's failure, so the delivery follows its
            // retry schedule to FAILED instead of being leased and dropped for ever.
            return record(claim, DeliveryRecorder.Outcome.error(UNDECRYPTABLE_SECRET), started, claimNext);
        }
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
            return Optional.empty();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            outcome = DeliveryRecorder.Outcome.error("Connection failed: " + cause.getClass().getSimpleName());
        }
        return record(claim, outcome, started, claimNext);
    }

    private Optional<LeasedDelivery> record(Claim claim, DeliveryRecorder.Outcome outcome, Instant started,
                                            BooleanSupplier claimNext) {
        try {
            if (claimNext.getAsBoolean()) {
                return recorder.recordAndClaimNext(claim, outcome, started);
            }
            recorder.record(claim, outcome, started);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("The outcome of delivery %s could not be recorded (%s); its lease expires and it is retried",
                    claim.deliveryId(), e.getClass().getSimpleName());
            return Optional.empty();
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

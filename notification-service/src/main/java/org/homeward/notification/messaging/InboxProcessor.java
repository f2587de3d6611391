package org.homeward.notification.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The idempotent-consumer half of the messaging plumbing. For each record: parse the CloudEvent (tolerant
 * reader), then in one new transaction record its id as processed and apply it, or skip it if already
 * processed. The caller's Kafka offset is committed only after this returns, so after the commit.
 *
 * <p>Transient failures (database down, lock timeout, anything not a {@link PoisonMessage}) are retried
 * with capped backoff for as long as it takes, blocking the partition so order is kept; they are never
 * dead-lettered. A poison message is rethrown for the channel's dead-letter strategy.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Tolerant: producers may add optional fields without breaking this consumer. */
    private static final ObjectMapper EVENT_READER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .findAndAddModules()
            .build();

    private final EntityManager entityManager;
    private final ConsumerStatus status;
    private final MeterRegistry registry;

    public InboxProcessor(EntityManager entityManager, ConsumerStatus status, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.status = status;
        this.registry = registry;
    }

    public static CloudEvent parse(String value) {
        if (value == null) {
            throw new PoisonMessage("The record has no value");
        }
        CloudEvent event;
        try {
            event = EVENT_READER.readValue(value, CloudEvent.class);
        } catch (Exception e) {
            throw new PoisonMessage("Not a CloudEvent in JSON structured mode: " + e.getClass().getSimpleName());
        }
        if (event.id() == null || event.type() == null || event.data() == null || event.data().isNull()) {
            throw new PoisonMessage("The CloudEvent lacks id, type or data");
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonMessage("Unsupported CloudEvents specversion");
        }
        return event;
    }

    /** Applies the record exactly once, retrying transient failures until they pass. */
    public void process(String value, EventHandler handler) {
        CloudEvent event = parse(value);
        int attempt = 0;
        while (true) {
            try {
                applyOnce(event, handler);
                status.recovered(handler.consumer());
                return;
            } catch (PoisonMessage poison) {
                registry.counter("homeward.events.poison", "consumer", handler.consumer()).increment();
                throw poison;
            } catch (RuntimeException transientFailure) {
                attempt++;
                status.retrying(handler.consumer(), transientFailure);
                Duration backoff = backoff(attempt);
                LOG.warnf("Consumer %s could not apply event %s (%s), attempt %d; retrying in %s",
                        handler.consumer(), event.id(), transientFailure.getClass().getSimpleName(), attempt, backoff);
                sleep(backoff);
            }
        }
    }

    /** One attempt, for re-driving a dead letter: poison and transient failures both reach the caller. */
    public boolean applyOnce(CloudEvent event, EventHandler handler) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery(
                            "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :at)"
                                    + " on conflict do nothing")
                    .setParameter("consumer", handler.consumer())
                    .setParameter("id", event.id())
                    .setParameter("at", Instant.now())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
        registry.counter(applied ? "homeward.events.applied" : "homeward.events.duplicates",
                "consumer", handler.consumer()).increment();
        return applied;
    }

    private static Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(attempt, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Shutting down: leave the record unacknowledged so it is redelivered after restart.
            throw new ConsumerStopping();
        }
    }

    /** The service is stopping while a record was being retried; it will be consumed again. */
    public static class ConsumerStopping extends RuntimeException {
        ConsumerStopping() {
            super("Consumer stopping", null, false, false);
        }
    }
}

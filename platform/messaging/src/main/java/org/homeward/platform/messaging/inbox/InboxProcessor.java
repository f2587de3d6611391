package org.homeward.platform.messaging.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.failpoint.Failpoints;
import org.homeward.platform.messaging.outbox.EventIds;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The idempotent-consumer half of the messaging plumbing. For each record: parse the CloudEvent (tolerant
 * reader), then in one new transaction record its id as processed and apply it, or skip it if already
 * processed. The caller's Kafka offset is committed only after this returns, so after the commit.
 *
 * <p>Failures are told apart by {@link FailureKind}: transient ones are retried with capped backoff for as
 * long as it takes, blocking the partition so order is kept, and never dead-lettered; poison is rethrown at
 * once for the channel's dead-letter strategy; any other failure is retried a bounded number of times
 * while the database answers, then dead-lettered too, so one bad record cannot stop a partition for ever.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** Tolerant: producers may add optional fields without breaking this consumer. */
    private static final ObjectMapper EVENT_READER = StrictJson.tolerantReader();

    private final EntityManager entityManager;
    private final ConsumerStatus status;
    private final MeterRegistry registry;
    private final InboxConfig config;
    private final Failpoints failpoints;

    public InboxProcessor(EntityManager entityManager, ConsumerStatus status, MeterRegistry registry,
                          InboxConfig config, Failpoints failpoints) {
        this.entityManager = entityManager;
        this.status = status;
        this.registry = registry;
        this.config = config;
        this.failpoints = failpoints;
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

    /** Applies the record exactly once, retrying what may pass on a later attempt. */
    public void process(String value, EventHandler handler) {
        CloudEvent event;
        try {
            event = parse(value);
        } catch (PoisonMessage poison) {
            registry.counter("homeward.events.poison", "consumer", handler.consumer()).increment();
            throw poison;
        }
        int attempt = 0;
        int handlerFailures = 0;
        while (true) {
            try {
                applyOnce(event, handler);
                failpoints.reach(Failpoints.INBOX_AFTER_COMMIT, handler.consumer());
                status.recovered(handler.consumer());
                return;
            } catch (RuntimeException failure) {
                FailureKind kind = FailureKind.of(failure);
                if (kind == FailureKind.HANDLER_FAILURE && !databaseAnswers()) {
                    kind = FailureKind.TRANSIENT;
                }
                if (kind == FailureKind.HANDLER_FAILURE) {
                    handlerFailures++;
                }
                if (kind == FailureKind.POISON || handlerFailures >= config.maxHandlerFailures()) {
                    status.recovered(handler.consumer());
                    registry.counter("homeward.events.poison", "consumer", handler.consumer()).increment();
                    throw asPoison(failure, kind, handlerFailures);
                }
                attempt++;
                status.retrying(handler.consumer(), failure);
                Duration backoff = Backoff.next(attempt, config.maxBackoff());
                LOG.warnf("Consumer %s could not apply event %s (%s, %s), attempt %d; retrying in %s",
                        handler.consumer(), event.id(), kind, failure.getClass().getSimpleName(), attempt, backoff);
                Backoff.sleep(backoff);
            }
        }
    }

    /** One attempt, for re-driving a dead letter: every failure reaches the caller. */
    public boolean applyOnce(CloudEvent event, EventHandler handler) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> applyInCurrentTransaction(event, handler));
        registry.counter(applied ? "homeward.events.applied" : "homeward.events.duplicates",
                "consumer", handler.consumer()).increment();
        return applied;
    }

    /**
     * Records the event as processed and applies it in the caller's transaction, or does nothing if it was
     * processed already; false then. For a caller that applies many events in one transaction (a rebuild).
     */
    public boolean applyInCurrentTransaction(CloudEvent event, EventHandler handler) {
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
        // Events written by the handler take ids derived from this one, the same on any re-application.
        return EventIds.causedBy(handler.consumer(), event.id(), () -> {
            handler.handle(event);
            return true;
        });
    }

    /**
     * Processed ids are forgotten after the retention, which is longer than any redelivery window; without
     * this the table grows for ever.
     */
    @Scheduled(every = "${homeward.inbox.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeProcessed() {
        purgeProcessedBefore(Instant.now().minus(config.processedRetention()));
    }

    public int purgeProcessedBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from processed_event where processed_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    private boolean databaseAnswers() {
        try {
            QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("select 1").getSingleResult());
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** The dead-letter reason names the kind and the SQLState or exception class, never the data. */
    private static PoisonMessage asPoison(RuntimeException failure, FailureKind kind, int handlerFailures) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonMessage poison) {
                return poison;
            }
        }
        String state = FailureKind.sqlState(failure);
        String reason = kind == FailureKind.POISON
                ? "The database refuses the event's effect (SQLState " + state + ")"
                : "The handler failed " + handlerFailures + " times while the database answered ("
                        + failure.getClass().getSimpleName() + (state == null ? "" : ", SQLState " + state) + ")";
        // No cause attached: the channel copies the cause's message into the dead letter's headers and its
        // log, and a database's message quotes the refused row.
        return new PoisonMessage(reason);
    }

    /** The service is stopping while a record was being retried; it will be consumed again. */
    public static class ConsumerStopping extends RuntimeException {
        ConsumerStopping() {
            super("Consumer stopping", null, false, false);
        }
    }
}

package org.homeward.platform.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.platform.messaging.inbox.Backoff;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads this service's dead-letter topic into the dead_letter table (once per original record) for the
 * operator endpoint, and counts dead letters in a metric. Like the inbox, it retries while the database is
 * unreachable instead of stopping.
 */
@ApplicationScoped
public class DeadLetterRecorder {

    public static final String CHANNEL = "dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterRecorder.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final MeterRegistry registry;

    public DeadLetterRecorder(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void record(ConsumerRecord<String, String> record) {
        String sourceTopic = header(record, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, "unknown");
        int partition = Integer.parseInt(header(record, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, "-1"));
        long offset = Long.parseLong(header(record, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, "-1"));
        String reason = header(record, KafkaDeadLetterQueue.DEAD_LETTER_REASON, "no reason given");
        String payload = record.value();
        // A dead letter must never be lost: while the database is away, retry for as long as it takes (the
        // offset is committed only after the insert); a payload the database cannot hold is kept out.
        for (int attempt = 1; ; attempt++) {
            try {
                if (insert(storable(sourceTopic, TOPIC_LENGTH), partition, offset, storable(record.key(), KEY_LENGTH), payload,
                        storable(reason, REASON_LENGTH)) > 0) {
                    registry.counter("homeward.dead.letters", "topic", sourceTopic).increment();
                }
                return;
            } catch (RuntimeException failure) {
                if (FailureKind.of(failure) == FailureKind.POISON && payload != null) {
                    payload = null;
                    reason = reason + " (payload not storable: SQLState " + FailureKind.sqlState(failure) + ")";
                    continue;
                }
                Duration backoff = Backoff.next(attempt, MAX_BACKOFF);
                LOG.warnf("Could not record a dead letter of %s (%s), attempt %d; retrying in %s", sourceTopic,
                        failure.getClass().getSimpleName(), attempt, backoff);
                Backoff.sleep(backoff);
            }
        }
    }

    private int insert(String sourceTopic, int partition, long offset, String key, String payload, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "insert into dead_letter (id, source_topic, source_partition, source_offset, record_key, payload,"
                                + " reason, received_at, status) values (:id, :topic, :partition, :offset, :key, :payload,"
                                + " :reason, :at, 'PENDING') on conflict (source_topic, source_partition, source_offset) do nothing")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", sourceTopic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("key", key)
                .setParameter("payload", payload)
                .setParameter("reason", reason)
                .setParameter("at", Instant.now())
                .executeUpdate());
    }

    /** The source_topic, record_key and reason columns' sizes. */
    static final int TOPIC_LENGTH = 249;
    static final int KEY_LENGTH = 500;
    static final int REASON_LENGTH = 1000;

    /**
     * The text as the table can hold it: a NUL (which PostgreSQL refuses in any text) written out as a backslash,
     * "u" and four zeros, and cut to the column's size with a mark that it was cut. A key or reason the table refused would stall
     * the recorder, since a dead letter is retried until it is stored.
     */
    static String storable(String text, int length) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("\0", "\\u0000");
        return escaped.length() <= length ? escaped : escaped.substring(0, length - 1) + "…";
    }

    private static String header(ConsumerRecord<String, String> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.homeward.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads this service's dead-letter topic into the dead_letter table (once per original record) for the
 * operator endpoint, and counts dead letters in a metric.
 */
@ApplicationScoped
public class DeadLetterRecorder {

    public static final String CHANNEL = "dead-letters";

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
        int inserted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "insert into dead_letter (id, source_topic, source_partition, source_offset, record_key, payload,"
                                + " reason, received_at, status) values (:id, :topic, :partition, :offset, :key, :payload,"
                                + " :reason, :at, 'PENDING') on conflict (source_topic, source_partition, source_offset) do nothing")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", sourceTopic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("key", record.key())
                .setParameter("payload", record.value())
                .setParameter("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .setParameter("at", Instant.now())
                .executeUpdate());
        if (inserted > 0) {
            registry.counter("homeward.dead.letters", "topic", sourceTopic).increment();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.homeward.platform.messaging.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.InboxProcessor;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.homeward.platform.messaging.outbox.KafkaSecuritySettings;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drops a {@link RebuildableReadModel} and rebuilds it from its topic, for an operator who finds a
 * projection damaged (a bad migration, a restored database, a bug fixed in the handler).
 *
 * <p>Order matters: first the projection and its processed-event ids are deleted in one transaction, then
 * the end offsets are taken, then every partition is read from its beginning to those offsets through the
 * same inbox as the live consumer. Whatever the live consumer applied before the deletion is replayed;
 * whatever it applies after is kept (and counted as a duplicate if the replay reaches it too). The replay
 * reads without a consumer group, so it neither moves the live consumer's offsets nor waits for a
 * rebalance, and it reads every partition whichever replica the group gave it to.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Instance<RebuildableReadModel> models;
    private final InboxProcessor inbox;
    private final EntityManager entityManager;
    private final Map<String, Object> kafkaSecurity;
    private final String bootstrapServers;
    private final Duration brokerTimeout;
    private final ReentrantLock running = new ReentrantLock();

    public ReadModelRebuild(@Any Instance<RebuildableReadModel> models, InboxProcessor inbox, EntityManager entityManager,
                            @Identifier("default-kafka-broker") Instance<Map<String, Object>> serviceKafkaConfig,
                            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
                            @ConfigProperty(name = "homeward.replay.broker-timeout", defaultValue = "PT30S") Duration brokerTimeout) {
        this.models = models;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.kafkaSecurity = KafkaSecuritySettings.of(serviceKafkaConfig.isResolvable() ? serviceKafkaConfig.get() : Map.of());
        this.bootstrapServers = bootstrapServers;
        this.brokerTimeout = brokerTimeout;
    }

    /** The rebuildable projections of this service, by consumer name. */
    public List<RebuildableReadModel> readModels() {
        return models.stream().toList();
    }

    /** Rebuilds the named projection; one rebuild at a time per replica. */
    public RebuildReport rebuild(String consumer) {
        RebuildableReadModel model = models.stream().filter(m -> m.consumer().equals(consumer)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Read model " + consumer));
        if (!running.tryLock()) {
            throw new ProblemException(ProblemType.CONFLICT, "A read model is being rebuilt in this replica; try again when it ends");
        }
        try {
            RebuildReport report = replay(model);
            LOG.infof("Read model %s rebuilt from %s: %s", consumer, model.topic(), report);
            return report;
        } catch (KafkaException broker) {
            LOG.warnf("Rebuild of %s interrupted by the broker (%s); the projection is partial until it is run again",
                    consumer, broker.getClass().getSimpleName());
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "The broker did not answer during the rebuild; the read model is partial: run the rebuild again");
        } finally {
            running.unlock();
        }
    }

    private RebuildReport replay(RebuildableReadModel model) {
        Instant startedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            model.clear();
            entityManager.createNativeQuery("delete from processed_event where consumer = :consumer")
                    .setParameter("consumer", model.consumer()).executeUpdate();
        });
        long read = 0;
        long applied = 0;
        long duplicates = 0;
        long refused = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties(model),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(model.topic(), brokerTimeout)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, brokerTimeout);
            while (!reachedEnds(consumer, ends)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        consumer.pause(List.of(partition)); // the live consumer's part from here on
                        continue;
                    }
                    read++;
                    try {
                        CloudEvent event = InboxProcessor.parse(record.value());
                        if (inbox.applyOnce(event, model)) {
                            applied++;
                        } else {
                            duplicates++;
                        }
                    } catch (RuntimeException failure) {
                        if (FailureKind.of(failure) == FailureKind.TRANSIENT) {
                            throw new ProblemException(ProblemType.UNAVAILABLE, "The database did not answer during the"
                                    + " rebuild; the read model is partial: run the rebuild again");
                        }
                        refused++; // dead-lettered by the live consumer when it met the record
                    }
                }
            }
            return new RebuildReport(model.consumer(), model.topic(), partitions.size(), read, applied, duplicates,
                    refused, startedAt, Instant.now());
        }
    }

    private boolean reachedEnds(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), brokerTimeout) >= end.getValue());
    }

    private Properties properties(RebuildableReadModel model) {
        Properties properties = new Properties();
        properties.putAll(kafkaSecurity);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + model.consumer());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(brokerTimeout.toMillis()));
        return properties;
    }
}

package org.homeward.platform.messaging.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.homeward.platform.messaging.inbox.InboxProcessor;
import org.homeward.platform.messaging.inbox.PoisonMessage;
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

/**
 * Drops a {@link RebuildableReadModel} and rebuilds it from its topic, for an operator who finds a
 * projection damaged (a bad migration, a restored database, a bug fixed in the handler).
 *
 * <p>All of it is one database transaction: readers go on seeing the old projection until the rebuilt one
 * replaces it at the commit (never a half-built one that would authorise against an agreement's older
 * state), and a rebuild that fails changes nothing. In it: a transaction-scoped advisory lock (one rebuild
 * of a projection at a time across replicas), the projection and its processed-event ids deleted, then the
 * end offsets taken, then every partition read from its beginning to those offsets through the inbox. The
 * live consumer keeps running: what it applied before the deletion is replayed, what it applies after is
 * kept (its writes to rows the rebuild holds wait for the commit), and an event both reach is applied once.
 * The replay reads without a consumer group, so it neither moves the live consumer's offsets nor waits for
 * a rebalance, and it reads every partition whichever replica the group gave it to.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Instance<RebuildableReadModel> models;
    private final InboxProcessor inbox;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Map<String, Object> kafkaSecurity;
    private final String bootstrapServers;
    private final Duration brokerTimeout;
    private final Duration maxDuration;

    public ReadModelRebuild(@Any Instance<RebuildableReadModel> models, InboxProcessor inbox, EntityManager entityManager,
                            AuditLog audit,
                            @Identifier("default-kafka-broker") Instance<Map<String, Object>> serviceKafkaConfig,
                            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
                            @ConfigProperty(name = "homeward.replay.broker-timeout", defaultValue = "PT30S") Duration brokerTimeout,
                            @ConfigProperty(name = "homeward.replay.max-duration", defaultValue = "PT10M") Duration maxDuration) {
        this.models = models;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.audit = audit;
        this.kafkaSecurity = KafkaSecuritySettings.of(serviceKafkaConfig.isResolvable() ? serviceKafkaConfig.get() : Map.of());
        this.bootstrapServers = bootstrapServers;
        this.brokerTimeout = brokerTimeout;
        this.maxDuration = maxDuration;
    }

    /** The rebuildable projections of this service, by consumer name. */
    public List<RebuildableReadModel> readModels() {
        return models.stream().toList();
    }

    /** Rebuilds the named projection, or answers why not (404, 409, 503); a failed rebuild changes nothing. */
    public RebuildReport rebuild(String consumer) {
        RebuildableReadModel model = models.stream().filter(m -> m.consumer().equals(consumer)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Read model " + consumer));
        try {
            RebuildReport report = QuarkusTransaction.requiringNew().timeout((int) maxDuration.toSeconds())
                    .call(() -> replay(model));
            LOG.infof("Read model %s rebuilt from %s: %s", consumer, model.topic(), report);
            return report;
        } catch (KafkaException broker) {
            LOG.warnf("Rebuild of %s stopped by the broker (%s); the projection is unchanged", consumer,
                    broker.getClass().getSimpleName());
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "The broker did not answer during the rebuild; nothing was changed: run it again");
        } catch (ProblemException answered) {
            throw answered;
        } catch (RuntimeException unfinished) {
            // The transaction outlived homeward.replay.max-duration, or the commit failed: rolled back.
            LOG.warnf("Rebuild of %s did not finish (%s); the projection is unchanged", consumer,
                    unfinished.getClass().getSimpleName());
            throw new ProblemException(ProblemType.UNAVAILABLE, "The rebuild did not finish within "
                    + maxDuration + " or could not commit; nothing was changed");
        }
    }

    private RebuildReport replay(RebuildableReadModel model) {
        Instant startedAt = Instant.now();
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", "homeward-rebuild-" + model.consumer()).getSingleResult();
        if (!locked) {
            throw new ProblemException(ProblemType.CONFLICT, "This read model is being rebuilt; try again when it ends");
        }
        model.clear();
        entityManager.createNativeQuery("delete from processed_event where consumer = :consumer")
                .setParameter("consumer", model.consumer()).executeUpdate();
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
            Instant progress = Instant.now();
            while (!reachedEnds(consumer, ends)) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    if (Duration.between(progress, Instant.now()).compareTo(brokerTimeout) > 0) {
                        throw new KafkaException("No record for " + brokerTimeout + " before the end offsets");
                    }
                    continue;
                }
                progress = Instant.now();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        consumer.pause(List.of(partition)); // the live consumer's part from here on
                        continue;
                    }
                    read++;
                    try {
                        CloudEvent event = InboxProcessor.parse(record.value());
                        if (applyRefusingPoison(event, model)) {
                            applied++;
                        } else {
                            duplicates++;
                        }
                    } catch (PoisonMessage poison) {
                        refused++;
                        LOG.warnf("Rebuild of %s: the record at %s offset %d can never apply (%s); skipped",
                                model.consumer(), partition, record.offset(), poison.getMessage());
                    } catch (RuntimeException failure) {
                        throw unapplicable(failure, partition, record.offset());
                    }
                }
            }
            audit.record("read-model.rebuilt", "read_model", model.consumer());
            return new RebuildReport(model.consumer(), model.topic(), partitions.size(), read, applied, duplicates,
                    refused, startedAt, Instant.now());
        }
    }

    /**
     * A handler refuses an event it can never apply before it writes anything (EventHandler's contract);
     * only the processed id written just before is taken back. Any other failure ends the rebuild, and
     * the rollback leaves the projection as it was.
     */
    private boolean applyRefusingPoison(CloudEvent event, RebuildableReadModel model) {
        try {
            return inbox.applyInCurrentTransaction(event, model);
        } catch (PoisonMessage poison) {
            entityManager.createNativeQuery("delete from processed_event where consumer = :consumer and event_id = :id")
                    .setParameter("consumer", model.consumer()).setParameter("id", event.id()).executeUpdate();
            throw poison;
        }
    }

    /**
     * A record the database refused (a constraint, say: the live consumer dead-lettered it) or that met a
     * handler failure ends the rebuild, which then changes nothing; the answer says where and why, never
     * what the record holds.
     */
    private static ProblemException unapplicable(RuntimeException failure, TopicPartition partition, long offset) {
        if (FailureKind.of(failure) == FailureKind.TRANSIENT) {
            return new ProblemException(ProblemType.UNAVAILABLE,
                    "The database did not answer during the rebuild; nothing was changed: run it again");
        }
        String state = FailureKind.sqlState(failure);
        LOG.warnf("Rebuild stopped at %s offset %d (%s%s); nothing was changed", partition, offset,
                failure.getClass().getSimpleName(), state == null ? "" : ", SQLState " + state);
        return new ProblemException(ProblemType.CONFLICT, "The record at " + partition + " offset " + offset
                + " cannot be applied (" + (state == null ? failure.getClass().getSimpleName() : "SQLState " + state)
                + "); nothing was changed");
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

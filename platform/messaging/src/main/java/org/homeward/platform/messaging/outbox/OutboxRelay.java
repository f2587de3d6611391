package org.homeward.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.failpoint.Failpoints;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes outbox rows to Kafka in commit order, outside any business transaction (it runs on the
 * scheduler's thread, so no request transaction can leak into the send: quarkus#39098, #47480).
 *
 * <p>Several replicas may run: a transaction-scoped advisory lock makes one of them the publisher of a
 * batch, which keeps each aggregate's events in order. A row is marked published only after the broker
 * acknowledged it (acks=all, idempotent producer); a crash in between republishes it, and consumers drop
 * the duplicate by event id. While the broker is unreachable the relay backs off and health says so.
 *
 * <p>A row the broker refuses for good (too large, topic not authorised, invalid topic) is parked rather
 * than retried, so one row cannot block every topic: it is counted, listed for operators, and published
 * again when an operator asks. Later rows of the same aggregate wait behind it, which keeps each aggregate's
 * order; the rows of every other aggregate go on. (A refusal only the broker can make, after later rows of
 * the aggregate were already sent, cannot hold those back: keep max-record-bytes at or below the topics'
 * max.message.bytes so size is refused by the client first; consumers' latest-wins absorbs the rest.)
 *
 * <p>A topic that is configured but missing on the broker (auto-creation off, never created) looks to the
 * producer like a broker away: a metadata timeout. The relay asks the broker (TopicPresence); if it answers
 * without the topic, that topic's rows are left out of the batches (so they neither hold back the other topics
 * nor make the relay spin) and the topic is asked after again at most once a second; missing for longer than
 * homeward.outbox.missing-topic-grace, its rows are parked ("TopicMissing") for an operator, who creates the
 * topic (or grants the relay DESCRIBE on it) and publishes them again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String RELAY_LOCK = "homeward-outbox-relay";

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final RelayStatus status;
    private final Counter published;
    private final Counter failures;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaProducer<String, String> producer;
    private TopicPresence topics;
    /** Topics found missing on the broker: since when, and when they were last asked after. */
    private final Map<String, MissingTopic> missingTopics = new java.util.concurrent.ConcurrentHashMap<>();

    private record MissingTopic(Instant since, Instant askedAt) {
    }

    private final Map<String, Object> kafkaSecurity;
    private final Counter parked;
    private final Failpoints failpoints;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, RelayStatus status, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Instance<Map<String, Object>> serviceKafkaConfig,
                       Failpoints failpoints) {
        this.entityManager = entityManager;
        this.failpoints = failpoints;
        this.config = config;
        this.status = status;
        this.kafkaSecurity = KafkaSecuritySettings.of(serviceKafkaConfig.isResolvable() ? serviceKafkaConfig.get() : Map.of());
        this.parked = Counter.builder("homeward.outbox.parkings")
                .description("Outbox rows the broker refused for good, parked for an operator").register(registry);
        this.published = Counter.builder("homeward.outbox.published").description("Outbox rows published to Kafka")
                .register(registry);
        this.failures = Counter.builder("homeward.outbox.publish.failures")
                .description("Relay attempts that failed (broker or database unreachable)").register(registry);
    }

    /**
     * Publishes right after a business transaction that wrote to the outbox commits, on the relay's own
     * thread (never the committing one), so events leave within milliseconds rather than at the next poll.
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                relay();
            });
        }
    }

    /** The safety net: rows committed by other replicas, or left behind by a failure, are found here. */
    @Scheduled(every = "${homeward.outbox.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        relay();
    }

    private void relay() {
        if (!status.mayAttempt(Instant.now()) || !running.tryLock()) {
            return;
        }
        try {
            askAfterMissingTopics();
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == config.batchSize());
            status.succeeded();
        } catch (RuntimeException e) {
            failures.increment();
            Duration backoff = status.failed(e, Instant.now(), config.maxBackoff());
            LOG.warnf("Outbox relay could not publish (%s); next attempt in %s", e.getClass().getSimpleName(), backoff);
            resetProducer();
        } finally {
            running.unlock();
        }
    }

    private int publishBatch() throws Exception {
        Object leader = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:lock))")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        // Rows of an aggregate that has a parked row wait behind it, so each aggregate stays in order; rows of a
        // topic missing on the broker wait (until its grace ends) without being read at all.
        List<OutboxEvent> batch = entityManager.createQuery(
                        "select e from OutboxEvent e where e.publishedAt is null and e.parkedAt is null"
                                + " and e.aggregateType not in :waiting"
                                + " and not exists (select 1 from OutboxEvent p where p.parkedAt is not null"
                                + " and p.publishedAt is null and p.aggregateType = e.aggregateType"
                                + " and p.aggregateId = e.aggregateId and p.position < e.position)"
                                + " order by e.position", OutboxEvent.class)
                .setParameter("waiting", waitingAggregateTypes())
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer();
        Map<OutboxEvent, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        Set<String> halted = new HashSet<>();
        Map<String, Boolean> missingThisBatch = new HashMap<>();
        for (OutboxEvent event : batch) {
            if (halted.contains(aggregateOf(event))) {
                continue;
            }
            String topic = config.topicFor(event.aggregateType);
            MissingTopic missing = missingTopics.get(topic);
            if (missing != null && isMissing(topic, missingThisBatch)) {
                // Still missing (asked again once a batch: a republished row's topic may exist by now): within
                // its grace the row waits, after it the row is parked.
                if (missing.since().plus(config.missingTopicGrace()).isAfter(Instant.now())) {
                    halted.add(aggregateOf(event));
                } else {
                    park(event, "TopicMissing", halted);
                }
                continue;
            }
            Future<RecordMetadata> ack = kafka.send(toRecord(event));
            if (ack.isDone()) {
                // Failures the client knows at once: a record over max.request.size is parked and stops the
                // aggregate's later rows before they are sent; a topic missing on the broker holds its own rows
                // back; anything else (no metadata, broker away) ends the batch now rather than after every row
                // has waited for it.
                Throwable refusal = failureOf(ack);
                if (refusal instanceof org.apache.kafka.common.errors.TimeoutException
                        && isMissing(topic, missingThisBatch)) {
                    halted.add(aggregateOf(event)); // waits; the next batches leave the topic out
                    continue;
                }
                if (refusal != null && !isPermanent(refusal)) {
                    throw new ExecutionException(refusal);
                }
                if (refusal != null) {
                    park(event, refusal, halted);
                    continue;
                }
            }
            acks.put(event, ack);
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        Instant now = Instant.now();
        int acknowledged = 0;
        for (Map.Entry<OutboxEvent, Future<RecordMetadata>> entry : acks.entrySet()) {
            OutboxEvent event = entry.getKey();
            try {
                entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!halted.contains(aggregateOf(event))) {
                    event.publishedAt = now;
                    acknowledged++;
                }
            } catch (ExecutionException e) {
                if (!isPermanent(e.getCause())) {
                    throw e;
                }
                // Only the aggregate's first refused row is parked; its later rows wait behind it.
                if (!halted.contains(aggregateOf(event))) {
                    park(event, e.getCause(), halted);
                }
            }
        }
        failpoints.reach(Failpoints.RELAY_AFTER_SEND);
        published.increment(acknowledged);
        return batch.size();
    }

    /**
     * Whether a topic is missing on the broker (asked once a batch): one whose metadata could not be had, or
     * one already known missing whose row is in the batch. Missing, it is remembered and its rows wait; found,
     * it is forgotten. A broker that does not answer fails the batch as any outage does.
     */
    private boolean isMissing(String topic, Map<String, Boolean> missingThisBatch) throws Exception {
        Boolean missing = missingThisBatch.get(topic);
        if (missing == null) {
            missing = topics().isMissing(topic);
            missingThisBatch.put(topic, missing);
            if (!missing) {
                missingTopics.remove(topic);
            } else if (missingTopics.putIfAbsent(topic, new MissingTopic(Instant.now(), Instant.now())) == null) {
                LOG.errorf("Topic %s is missing on the broker (or not visible to the relay): its rows wait, and are"
                        + " parked if it is still missing after %s", topic, config.missingTopicGrace());
            }
        }
        return missing;
    }

    /** Asks after each missing topic at most once a second: one that appeared is published to again. */
    private void askAfterMissingTopics() {
        Instant now = Instant.now();
        missingTopics.forEach((topic, missing) -> {
            if (missing.askedAt().plusSeconds(1).isAfter(now)) {
                return;
            }
            try {
                if (topics().isMissing(topic)) {
                    missingTopics.put(topic, new MissingTopic(missing.since(), now));
                } else {
                    missingTopics.remove(topic);
                    LOG.infof("Topic %s is on the broker now: its rows are published", topic);
                }
            } catch (Exception brokerAway) {
                if (brokerAway instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // Not known either way: the topic stays as it was, the batch finds out about the broker itself.
            }
        });
    }

    /** The aggregate types whose topic is missing and still within its grace: left out of the batches. */
    private List<String> waitingAggregateTypes() {
        Instant now = Instant.now();
        List<String> waiting = new java.util.ArrayList<>(List.of("")); // never empty: "" is no aggregate type
        config.topics().forEach((type, topic) -> {
            MissingTopic missing = missingTopics.get(topic);
            if (missing != null && missing.since().plus(config.missingTopicGrace()).isAfter(now)) {
                waiting.add(type);
            }
        });
        return waiting;
    }

    private static String aggregateOf(OutboxEvent event) {
        return event.aggregateType + "/" + event.aggregateId;
    }

    private void park(OutboxEvent event, Throwable cause, Set<String> halted) {
        park(event, cause.getClass().getSimpleName(), halted);
    }

    private void park(OutboxEvent event, String reason, Set<String> halted) {
        halted.add(aggregateOf(event));
        if (event.parkedAt == null) {
            event.parkedAt = Instant.now();
            event.parkReason = reason;
            parked.increment();
            LOG.errorf("Outbox row %s (%s) parked for an operator (%s)", event.id, event.type, event.parkReason);
        }
    }

    /** The failure of a completed send, or null if it succeeded. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Refusals that no retry can overcome; everything else (timeouts, unreachable broker) is retried. */
    static boolean isPermanent(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof TopicAuthorizationException
                || cause instanceof InvalidTopicException || cause instanceof SerializationException;
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topicFor(event.aggregateType),
                event.aggregateId, event.payload);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (event.tracingSpanContext != null && event.tracingSpanContext.startsWith("traceparent=")) {
            record.headers().add("traceparent",
                    event.tracingSpanContext.substring("traceparent=".length()).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Published rows are deleted after the retention window: outbox rows may hold restricted data. */
    @Scheduled(every = "${homeward.outbox.purge-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
            properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(config.maxRecordBytes()));
            properties.putAll(kafkaSecurity);
            int timeoutMs = (int) config.sendTimeout().toMillis();
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs + 5));
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized TopicPresence topics() {
        if (topics == null) {
            topics = new TopicPresence(config.bootstrapServers(), kafkaSecurity, config.sendTimeout());
        }
        return topics;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        if (topics != null) {
            topics.close();
            topics = null;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        wakeUps.shutdownNow();
        resetProducer();
    }
}

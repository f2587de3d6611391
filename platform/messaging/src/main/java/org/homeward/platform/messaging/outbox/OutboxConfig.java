package org.homeward.platform.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * The outbox of one service. {@code source} and {@code topics} have no defaults: each service names its
 * own, and an aggregate type without a topic stops the service at start (see {@link OutboxTopicsCheck}),
 * so a restricted record can never fall back to a public topic through a missing setting.
 */
@ConfigMapping(prefix = "homeward.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. /homeward/agreement-service. */
    String source();

    /** The broker the relay publishes to: the service's own broker unless an operator says otherwise. */
    String bootstrapServers();

    /** Topic per aggregate type, e.g. {@code agreement -> homeward.agreement.events}. */
    Map<String, String> topics();

    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /**
     * How long a topic may be missing on the broker (configured, not created, or not visible to the relay's
     * credentials) before its rows are parked; meanwhile its rows wait and every other topic is published.
     */
    @WithDefault("PT1M")
    Duration missingTopicGrace();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Largest record the relay sends; a larger one is parked. Keep it at or below the topics' max.message.bytes. */
    @WithDefault("1048576")
    int maxRecordBytes();

    /** Published rows are deleted after this long (they may hold restricted data). */
    @WithDefault("PT1H")
    Duration retention();

    /**
     * How often the relay looks for unpublished rows besides being woken by each commit (a scheduler
     * interval; the scheduler's minimum is one second).
     */
    @WithDefault("1s")
    String pollEvery();

    @WithDefault("1m")
    String purgeEvery();

    /** How often the backlog metrics are measured. */
    @WithDefault("5s")
    String measureEvery();

    /** The topic of an aggregate type; an unknown type is a programming error, never a public fallback. */
    default String topicFor(String aggregateType) {
        String topic = topics().get(aggregateType);
        if (topic == null) {
            throw new IllegalStateException("No topic for aggregate type '" + aggregateType
                    + "': set homeward.outbox.topics.\"" + aggregateType + "\"");
        }
        return topic;
    }
}

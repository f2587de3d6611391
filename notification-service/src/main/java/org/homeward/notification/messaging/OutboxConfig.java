package org.homeward.notification.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "homeward.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/homeward/notification-service")
    String source();

    /** The broker the relay publishes to: the service's own broker unless an operator says otherwise. */
    String bootstrapServers();

    /** Topic per aggregate type; aggregate types not listed go to {@link #defaultTopic()}. */
    Map<String, String> topics();

    @WithDefault("homeward.notification.events")
    String defaultTopic();

    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("PT30S")
    Duration maxBackoff();

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

    default String topicFor(String aggregateType) {
        return topics().getOrDefault(aggregateType, defaultTopic());
    }
}

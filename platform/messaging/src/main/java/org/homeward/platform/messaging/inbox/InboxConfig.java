package org.homeward.platform.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "homeward.inbox")
public interface InboxConfig {

    /**
     * Attempts of a record whose handler fails for a reason that is neither transient nor poison, while the
     * database answers, before it goes to the dead letters.
     */
    @WithDefault("5")
    int maxHandlerFailures();

    /** Longest pause between attempts of a failing record. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /**
     * How long a processed event id is remembered. Longer than any redelivery can come (the topics keep
     * records 7 days by default); a replay from the start beyond it is absorbed by latest-wins sequences.
     */
    @WithDefault("P8D")
    Duration processedRetention();

    /** Re-driven dead letters (which may hold restricted data) are deleted after this; pending ones stay. */
    @WithDefault("P30D")
    Duration deadLetterRetention();

    @WithDefault("1h")
    String purgeEvery();
}

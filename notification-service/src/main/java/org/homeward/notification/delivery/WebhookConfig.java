package org.homeward.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "homeward.webhooks")
public interface WebhookConfig {

    /** AES-256 key (base64) that encrypts signing secrets at rest. Required; never logged. */
    String encryptionKey();

    /** Pauses before attempt 1, 2, ... (the first is usually 0). */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H")
    List<Duration> retrySchedule();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long to wait for the whole answer of an endpoint. */
    @WithDefault("PT10S")
    Duration responseTimeout();

    /** An endpoint with no successful delivery for this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long the previous secret stays valid (and signed with) after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** Deliveries in flight at once in this replica; at most one per endpoint. */
    @WithDefault("16")
    int workers();

    /** How long a claimed delivery stays locked to this replica before another may take it over. */
    @WithDefault("PT60S")
    Duration lease();

    @WithDefault("PT0.2S")
    Duration idlePoll();

    /**
     * Addresses or CIDR ranges that are allowed even though they are internal (loopback, private ...).
     * Empty in production; local development allows its own receiver.
     */
    Optional<List<String>> allowedRanges();

    /** Fixed host name resolutions (tests, local development); anything else uses the system resolver. */
    Map<String, String> staticHosts();

    /** Base URLs of the services whose resources webhook payloads link to, by service: agreement, transfer ... */
    Map<String, String> links();
}

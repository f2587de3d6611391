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

    /** The current key's id, written in front of each value it seals (a new key gets a new id). */
    @WithDefault("k1")
    String encryptionKeyId();

    /**
     * Keys rotated out, by id: still read until SecretKeyRotation has sealed every subscription's secrets again
     * (gauge homeward.webhooks.sealed-secrets.not-current at 0) and the idempotency records sealed with them
     * have expired (homeward.idempotency.retention); then remove them.
     */
    Map<String, String> retiredEncryptionKeys();

    /**
     * Whether secrets sealed before they were bound to their subscription still open (an upgrade in progress);
     * once homeward.webhooks.sealed-secrets.not-current is 0, set it to false.
     */
    @WithDefault("true")
    boolean acceptUnboundValues();

    /** How often secrets sealed with a retired key (or before they were bound to their row) are sealed again. */
    @WithDefault("10m")
    Duration resealEvery();

    /** Pauses before attempt 1, 2, ... (the first is usually 0). */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H")
    List<Duration> retrySchedule();

    /** How long connecting to an endpoint may take (including waiting for a free connection). */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /**
     * How long an endpoint has, once connected, for its whole answer: a total deadline, not an idle timeout, so
     * an endpoint that trickles bytes is cut off (the request is reset) when it runs out.
     */
    @WithDefault("PT10S")
    Duration responseTimeout();

    /** An endpoint with no successful delivery for this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** The most subscriptions one organisation may hold, so that none takes the workers' time from the others. */
    @WithDefault("20")
    int maxSubscriptionsPerOrganisation();

    /** The most test events one subscription may be sent in a minute. */
    @WithDefault("5")
    int testsPerMinute();

    /** How long the previous secret stays valid (and signed with) after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /**
     * Deliveries in flight at once in this replica; at most one per endpoint. 0: this replica serves the API
     * and fans events out, and leaves delivering to the others.
     */
    @WithDefault("16")
    int workers();

    /**
     * How long a claimed delivery stays locked to this replica before another may take it over. Must be longer
     * than the longest attempt (connect-timeout + response-timeout), or the start is refused.
     */
    @WithDefault("PT60S")
    Duration lease();

    @WithDefault("PT0.2S")
    Duration idlePoll();

    /**
     * Addresses or CIDR ranges that are allowed even though they are internal (loopback, private ...), on any
     * port. Empty in production; local development and the tests allow their own receiver on 127.0.0.1.
     */
    Optional<List<String>> allowedRanges();

    /** Ports allowed besides 80 and 443, for any host: single ports or ranges ({@code 8443}, {@code 9000-9099}). */
    Optional<List<String>> allowedPorts();

    /** Succeeded deliveries and their attempts are purged this long after they succeeded. */
    @WithDefault("P30D")
    Duration succeededRetention();

    /** How often succeeded deliveries past their retention are purged. */
    @WithDefault("1h")
    String purgeEvery();

    /** Fixed host name resolutions (tests, local development); anything else uses the system resolver. */
    Map<String, String> staticHosts();

    /** Base URLs of the services whose resources webhook payloads link to, by service: agreement, transfer, identification. */
    Map<String, String> links();
}

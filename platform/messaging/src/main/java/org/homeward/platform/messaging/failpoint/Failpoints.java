package org.homeward.platform.messaging.failpoint;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash points for the end-to-end fault tests: the process halts, as under {@code kill -9}, the n-th time
 * it reaches a named point (between a consumer's database commit and its offset commit, between the relay's
 * send and its mark). They exist only in the test profile {@code e2e}: set anywhere else,
 * {@code homeward.failpoints} stops the service at start-up rather than let it crash in production.
 */
@Singleton
public class Failpoints {

    /** After a consumer's transaction committed, before the channel commits the record's offset. */
    public static final String INBOX_AFTER_COMMIT = "inbox.after-commit";
    /** After the broker acknowledged a relay batch, before the rows are marked published. */
    public static final String RELAY_AFTER_SEND = "relay.after-send";

    static final String PROFILE = "e2e";
    private static final Logger LOG = Logger.getLogger(Failpoints.class);

    private final Map<String, Integer> haltAt;
    private final Map<String, AtomicInteger> reached = new ConcurrentHashMap<>();

    /** {@code homeward.failpoints}: {@code point=n} pairs, comma-separated, e.g. {@code inbox.after-commit=300}. */
    @Inject
    public Failpoints(@ConfigProperty(name = "homeward.failpoints") Optional<String> configured) {
        this(configured, ConfigUtils.getProfiles());
    }

    Failpoints(Optional<String> configured, List<String> activeProfiles) {
        this.haltAt = parse(configured.orElse(""));
        if (!haltAt.isEmpty() && !activeProfiles.contains(PROFILE)) {
            throw new IllegalStateException("homeward.failpoints is for the end-to-end tests only (profile " + PROFILE
                    + "); remove it from this service's configuration");
        }
        haltAt.forEach((point, n) -> LOG.warnf("Failpoint %s armed: the process halts the %d-th time it is reached", point, n));
    }

    /** No point armed: for a relay or processor built by hand. */
    public static Failpoints none() {
        return new Failpoints(Optional.empty(), List.of());
    }

    /** Halts the JVM at once (no shutdown hooks, no commit) if {@code point} is armed and reached for the n-th time. */
    public void reach(String point) {
        Integer n = haltAt.get(point);
        if (n != null && reached.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == n) {
            LOG.errorf("Failpoint %s reached for the %d-th time: halting", point, n);
            Runtime.getRuntime().halt(137);
        }
    }

    boolean armed() {
        return !haltAt.isEmpty();
    }

    private static Map<String, Integer> parse(String configured) {
        Map<String, Integer> points = new HashMap<>();
        for (String pair : configured.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split("=");
            if (parts.length != 2 || !List.of(INBOX_AFTER_COMMIT, RELAY_AFTER_SEND).contains(parts[0])) {
                throw new IllegalArgumentException("homeward.failpoints: expected point=n with a known point, got " + pair);
            }
            points.put(parts[0], Integer.parseInt(parts[1]));
        }
        return points;
    }
}

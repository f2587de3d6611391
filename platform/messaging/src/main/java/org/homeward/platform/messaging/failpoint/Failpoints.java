package org.homeward.platform.messaging.failpoint;

import io.quarkus.runtime.Startup;
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
 * it reaches a named point (a consumer between its database commit and its offset commit, the relay between
 * the broker's acknowledgement and marking the rows). They exist only in the test profile {@code e2e}: set
 * anywhere else, {@code homeward.failpoints} stops the service at start-up rather than let it crash later.
 * In that profile a test may also arm them while the service runs ({@link FailpointRoute}), which saves it a
 * restart.
 *
 * <p>These few lines live in the library's code path, not under deploy/local with the other test support,
 * because the points they mark are inside the inbox and the relay; unarmed, reaching one is a map lookup.
 */
@Startup
@Singleton
public class Failpoints {

    /** After a consumer's transaction committed, before the channel commits the record's offset. */
    public static final String INBOX_AFTER_COMMIT = "inbox.after-commit";
    /** After the broker acknowledged a relay batch, before the rows are marked published. */
    public static final String RELAY_AFTER_SEND = "relay.after-send";

    static final String PROFILE = "e2e";
    private static final List<String> POINTS = List.of(INBOX_AFTER_COMMIT, RELAY_AFTER_SEND);
    private static final Logger LOG = Logger.getLogger(Failpoints.class);

    private final Map<String, Integer> haltAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reached = new ConcurrentHashMap<>();
    private final boolean endToEnd;

    /**
     * {@code homeward.failpoints}: comma-separated {@code point=n} or {@code point@qualifier=n} pairs, for
     * example {@code inbox.after-commit@agreement-service.fulfilment-ledger=1,relay.after-send=4}; the
     * qualifier of the inbox point is the consumer's name.
     */
    @Inject
    public Failpoints(@ConfigProperty(name = "homeward.failpoints") Optional<String> configured) {
        this(configured, ConfigUtils.getProfiles(), System.getenv("KUBERNETES_SERVICE_HOST") != null);
    }

    Failpoints(Optional<String> configured, List<String> activeProfiles) {
        this(configured, activeProfiles, false);
    }

    Failpoints(Optional<String> configured, List<String> activeProfiles, boolean inKubernetes) {
        this.endToEnd = activeProfiles.contains(PROFILE);
        if (endToEnd && inKubernetes) {
            throw new IllegalStateException("The " + PROFILE + " profile is for the local end-to-end tests; it is refused"
                    + " in a Kubernetes pod");
        }
        Map<String, Integer> points = parse(configured.orElse(""));
        if (!points.isEmpty() && !endToEnd) {
            throw new IllegalStateException("homeward.failpoints is for the end-to-end tests only (profile " + PROFILE
                    + "); remove it from this service's configuration");
        }
        arm(points);
    }

    /** No point armed: for a relay or processor built by hand. */
    public static Failpoints none() {
        return new Failpoints(Optional.empty(), List.of());
    }

    public void reach(String point) {
        halt(point);
    }

    /** Reaching {@code point} for {@code qualifier} (a consumer) counts for {@code point@qualifier} and for {@code point}. */
    public void reach(String point, String qualifier) {
        halt(point + "@" + qualifier);
        halt(point);
    }

    boolean armed() {
        return !haltAt.isEmpty();
    }

    /** Whether the end-to-end profile is active, so that points may be armed at all. */
    public boolean armable() {
        return endToEnd;
    }

    /**
     * Arms points while the service runs, in the {@code homeward.failpoints} syntax; each counts from now.
     *
     * @throws IllegalStateException    outside the end-to-end profile
     * @throws IllegalArgumentException for a malformed pair or an unknown point
     */
    public void arm(String pairs) {
        if (!endToEnd) {
            throw new IllegalStateException("Failpoints are for the end-to-end tests only (profile " + PROFILE + ")");
        }
        arm(parse(pairs));
    }

    private void arm(Map<String, Integer> points) {
        points.forEach((point, n) -> {
            reached.remove(point);
            haltAt.put(point, n);
            LOG.warnf("Failpoint %s armed: the process halts the %d-th time it is reached", point, n);
        });
    }

    /** Halts the JVM at once (no shutdown hooks, no commit) when {@code key} is armed and reached for the n-th time. */
    private void halt(String key) {
        Integer n = haltAt.get(key);
        if (n != null && reached.computeIfAbsent(key, p -> new AtomicInteger()).incrementAndGet() == n) {
            LOG.errorf("Failpoint %s reached for the %d-th time: halting", key, n);
            Runtime.getRuntime().halt(137);
        }
    }

    private static Map<String, Integer> parse(String configured) {
        Map<String, Integer> points = new HashMap<>();
        for (String pair : configured.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split("=");
            String point = parts[0].split("@")[0];
            if (parts.length != 2 || !POINTS.contains(point) || !parts[1].matches("[1-9][0-9]{0,8}")) {
                throw new IllegalArgumentException("homeward.failpoints: expected point[@qualifier]=n (n > 0) with a point of "
                        + POINTS + ", got " + pair);
            }
            points.put(parts[0], Integer.parseInt(parts[1]));
        }
        return points;
    }
}

package org.homeward.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * Request body limits. Most endpoints take small JSON documents; an endpoint that takes uploads gets its
 * own larger limit by path pattern. The global {@code quarkus.http.limits.max-body-size} must be at least
 * the largest of these.
 */
@ConfigMapping(prefix = "homeward.http")
public interface BodySizeLimits {

    /** Limit for any endpoint without a pattern of its own. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Regular expression on the request path to its limit in bytes. */
    Map<String, Long> bodyLimits();

    default long limitFor(String path) {
        return bodyLimits().entrySet().stream()
                .filter(entry -> path.matches(entry.getKey()))
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(maxBodyBytes());
    }
}

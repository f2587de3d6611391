package org.homeward.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "homeward.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; DESIGN.md asks for at least 24 hours. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often expired keys are deleted (a scheduler interval). */
    @WithDefault("1h")
    String purgeEvery();
}

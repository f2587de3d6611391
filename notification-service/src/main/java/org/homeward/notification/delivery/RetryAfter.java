package org.homeward.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A Retry-After header, in seconds or as an HTTP date; capped at a day so an endpoint cannot park deliveries forever. */
final class RetryAfter {

    private static final Duration CAP = Duration.ofDays(1);

    private RetryAfter() {
    }

    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration seconds = Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            return seconds.compareTo(CAP) > 0 ? CAP : seconds;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until.compareTo(CAP) > 0 ? CAP : until;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}

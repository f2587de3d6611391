package org.homeward.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a failed attempt: the n-th entry is the pause before attempt n+1 (the first
 * entry, usually zero, is the first attempt). Each pause is jittered by up to +-20% so that a recovering
 * endpoint is not hit by every delivery at once. A Retry-After from the endpoint is honoured if longer.
 */
public record RetrySchedule(List<Duration> pauses) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24)));

    public RetrySchedule {
        if (pauses.isEmpty()) {
            throw new IllegalArgumentException("A retry schedule has at least one entry");
        }
        pauses = List.copyOf(pauses);
    }

    /** The pause before the next attempt, after {@code attemptsMade} attempts; empty when none is left. */
    public Optional<Duration> pauseAfter(int attemptsMade, Duration retryAfter, DoubleSupplier random) {
        if (attemptsMade >= pauses.size()) {
            return Optional.empty();
        }
        Duration planned = pauses.get(attemptsMade);
        long jittered = Math.round(planned.toMillis() * (0.8 + 0.4 * random.getAsDouble()));
        long pause = Math.max(jittered, retryAfter == null ? 0 : retryAfter.toMillis());
        return Optional.of(Duration.ofMillis(pause));
    }
}

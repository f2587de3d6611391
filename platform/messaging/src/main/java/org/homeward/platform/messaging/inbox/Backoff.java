package org.homeward.platform.messaging.inbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with jitter for consumers retrying a record, and the pause itself. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration next(int attempt, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), 100L << Math.min(attempt, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** Sleeps; when interrupted (the service stops) the record is left unacknowledged for redelivery. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxProcessor.ConsumerStopping();
        }
    }
}

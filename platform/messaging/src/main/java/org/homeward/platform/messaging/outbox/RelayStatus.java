package org.homeward.platform.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** The outbox relay's recent outcome and its backoff while the broker or database is unreachable. */
@ApplicationScoped
public class RelayStatus {

    private volatile int consecutiveFailures;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile String lastFailure;

    boolean mayAttempt(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    void succeeded() {
        consecutiveFailures = 0;
        nextAttempt = Instant.MIN;
        lastFailure = null;
    }

    /** Exponential backoff with full jitter, capped, so replicas do not retry in lockstep. */
    Duration failed(Exception cause, Instant now, Duration cap) {
        consecutiveFailures++;
        long ceiling = Math.min(cap.toMillis(), 250L << Math.min(consecutiveFailures, 16));
        Duration backoff = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        nextAttempt = now.plus(backoff);
        lastFailure = cause.getClass().getSimpleName();
        return backoff;
    }

    public boolean healthy() {
        return consecutiveFailures == 0;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastFailure() {
        return lastFailure;
    }
}

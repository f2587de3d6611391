package org.homeward.notification.delivery;

import java.time.Duration;

/**
 * The longest one attempt may take: connecting (connect-timeout), then the whole answer (response-timeout,
 * a total deadline). A delivery's lease must outlast it; otherwise the lease could run out while the attempt
 * is still going, another worker would send the same delivery at once, and the first answer would be lost.
 */
record AttemptBudget(Duration connect, Duration response) {

    static AttemptBudget of(WebhookConfig config) {
        return new AttemptBudget(config.connectTimeout(), config.responseTimeout());
    }

    Duration longest() {
        return connect.plus(response);
    }

    /** Refuses to start when the lease does not outlast the longest attempt, naming the settings to change. */
    void requireShorterThan(Duration lease) {
        if (lease.compareTo(longest()) <= 0) {
            throw new IllegalStateException("homeward.webhooks.lease (" + lease + ") must be longer than"
                    + " homeward.webhooks.connect-timeout + homeward.webhooks.response-timeout (" + connect + " + "
                    + response + " = " + longest() + "): an attempt could outlive its lease and the delivery go out"
                    + " twice at once; refusing to start");
        }
    }
}

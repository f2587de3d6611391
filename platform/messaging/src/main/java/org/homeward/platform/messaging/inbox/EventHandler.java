package org.homeward.platform.messaging.inbox;

import org.homeward.platform.messaging.CloudEvent;

/**
 * Applies one kind of consumed event to this service's state, inside the transaction that also records
 * the event as processed. Implementations throw {@link PoisonMessage} for events that can never apply;
 * any other exception is treated as transient and retried.
 */
public interface EventHandler {

    /** Stable name of the consumer, the first half of the processed-events key. */
    String consumer();

    /** The topic this handler consumes; dead letters from it are re-driven through this handler. */
    String topic();

    void handle(CloudEvent event);
}

package org.homeward.platform.messaging.outbox;

import java.util.Set;

/**
 * A bean of a service that appends events to the outbox declares the aggregate types it writes, so that a
 * type without a configured topic is found when the service starts rather than when an event is written.
 */
public interface OutboxPublisher {

    Set<String> aggregateTypes();
}

package org.homeward.platform.messaging.outbox;

import java.util.UUID;

/** Fired when a row is written to the outbox; observed after commit to wake the relay. */
public record OutboxAppended(UUID eventId) {
}

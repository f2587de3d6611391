package org.homeward.platform.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.util.Set;
import java.util.UUID;

/** The test application's publisher: a "thing" event carries a value, optional padding and a failure switch. */
@ApplicationScoped
public class ThingEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "thing";
    public static final String TOPIC = "homeward.platform-test.events";
    public static final String CHANGED = "platform-test.thing.changed";

    public record ThingChanged(String thingId, long sequence, int value, boolean explode, String padding) {
    }

    private final Outbox outbox;

    public ThingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    @Transactional
    public UUID changed(String thingId, long sequence, int value) {
        return outbox.append(AGGREGATE_TYPE, thingId, CHANGED, new ThingChanged(thingId, sequence, value, false, null));
    }

    @Transactional
    public UUID changedWithPadding(String thingId, long sequence, int paddingBytes) {
        return outbox.append(AGGREGATE_TYPE, thingId, CHANGED,
                new ThingChanged(thingId, sequence, 1, false, "p".repeat(paddingBytes)));
    }

    /** Appends, then fails: the transaction rolls back, and the event with it. */
    @Transactional
    public void changedThenFailed(String thingId) {
        outbox.append(AGGREGATE_TYPE, thingId, CHANGED, new ThingChanged(thingId, 1, 1, false, null));
        throw new IllegalStateException("the business change failed after its event was appended");
    }
}

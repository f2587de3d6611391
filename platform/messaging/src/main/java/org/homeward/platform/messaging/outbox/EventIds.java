package org.homeward.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ids of outbox events. An event written while a consumed event is applied takes an id derived from
 * the consumer, the consumed event's id and its place among the events that application writes; any other
 * event a random one.
 *
 * <p>Why: applying a consumed event again from scratch (a database restored from a backup and its consumer
 * group rewound, a read model rebuilt, a dead letter re-driven) then writes the very same events, and every
 * consumer downstream recognises them as duplicates by id: a webhook subscriber is not told twice that a case
 * was opened. Handlers are deterministic in what they write for a given state, so the n-th event is the same
 * event.
 */
public final class EventIds {

    private static final ThreadLocal<Cause> CAUSE = new ThreadLocal<>();

    private EventIds() {
    }

    /** Runs the application of a consumed event, so that the events it writes take derived ids. */
    public static <T> T causedBy(String consumer, UUID consumedEventId, Supplier<T> application) {
        Cause outer = CAUSE.get();
        CAUSE.set(new Cause(consumer + "|" + consumedEventId));
        try {
            return application.get();
        } finally {
            if (outer == null) {
                CAUSE.remove();
            } else {
                CAUSE.set(outer);
            }
        }
    }

    /** The id of the next event written on this thread. */
    static UUID next() {
        Cause cause = CAUSE.get();
        return cause == null ? UUID.randomUUID() : cause.next();
    }

    private static final class Cause {
        private final String name;
        private int written;

        Cause(String name) {
            this.name = name;
        }

        UUID next() {
            written++;
            return UUID.nameUUIDFromBytes((name + "|" + written).getBytes(StandardCharsets.UTF_8));
        }
    }
}

package org.homeward.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ids of outbox events. An event written while a consumed event is applied takes an id derived from
 * the consumer, the consumed event's id and what the event is: its aggregate, its type and the aggregate's
 * sequence it carries (and, for several such events alike, their order); any other event a random one.
 *
 * <p>Why: applying a consumed event again from scratch (a database restored from a backup and its consumer
 * group rewound, a dead letter re-driven) then writes the very same events, and every consumer downstream
 * recognises them as duplicates by id: a webhook subscriber is not told twice that a case was opened. An
 * application that, on a different state, writes a different event (another aggregate, type or sequence)
 * gives it another id, so a different event is never taken for a duplicate.
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

    /**
     * The id of the next event written on this thread.
     *
     * @param sequence the aggregate's sequence the event carries, or null
     */
    static UUID next(String aggregateType, String aggregateId, String eventType, Long sequence) {
        Cause cause = CAUSE.get();
        return cause == null ? UUID.randomUUID() : cause.next(aggregateType + "|" + aggregateId + "|" + eventType + "|" + sequence);
    }

    private static final class Cause {
        private final String name;
        private final Map<String, Integer> written = new HashMap<>();

        Cause(String name) {
            this.name = name;
        }

        UUID next(String event) {
            int alike = written.merge(event, 1, Integer::sum);
            return UUID.nameUUIDFromBytes((name + "|" + event + "|" + alike).getBytes(StandardCharsets.UTF_8));
        }
    }
}

package org.homeward.platform.messaging.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Refuses to start a service whose publishers write an aggregate type that has no topic configured. */
@ApplicationScoped
public class OutboxTopicsCheck {

    void verifyAtStart(@Observes StartupEvent start, OutboxConfig config, @Any Instance<OutboxPublisher> publishers) {
        verify(config.topics(), publishers.stream().map(OutboxPublisher::aggregateTypes).toList());
    }

    /** Throws naming every aggregate type that lacks a topic. */
    public static void verify(Map<String, String> topics, Collection<Set<String>> declared) {
        Set<String> missing = new TreeSet<>();
        declared.forEach(types -> types.stream().filter(type -> !topics.containsKey(type)).forEach(missing::add));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The outbox has no topic for aggregate type(s) " + missing
                    + "; set homeward.outbox.topics.\"<type>\" for each");
        }
    }
}

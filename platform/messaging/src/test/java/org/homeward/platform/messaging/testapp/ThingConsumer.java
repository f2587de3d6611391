package org.homeward.platform.messaging.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/** The Kafka entry point, apart from the plumbing it calls, as in a service. */
@ApplicationScoped
public class ThingConsumer {

    private final InboxProcessor inbox;
    private final ThingEffects effects;

    public ThingConsumer(InboxProcessor inbox, ThingEffects effects) {
        this.inbox = inbox;
        this.effects = effects;
    }

    @Incoming("things-in")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), effects);
    }
}

package org.homeward.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;

/** One event handler per public topic, all fanning out the same way; names key the processed events. */
@ApplicationScoped
public class PublicEventHandlers {

    public static final String AGREEMENT_TOPIC = "homeward.agreement.events";
    public static final String TRANSFER_TOPIC = "homeward.transfer.events";
    public static final String IDENTIFICATION_TOPIC = "homeward.identification.events";

    /** Fans one topic's events out to subscriptions. */
    public record TopicFanout(String consumer, String topic, Fanout fanout) implements EventHandler {
        @Override
        public void handle(CloudEvent event) {
            fanout.fanOut(event);
        }
    }

    @Produces
    @Singleton
    @Topic(AGREEMENT_TOPIC)
    TopicFanout agreementEvents(Fanout fanout) {
        return new TopicFanout("notification-service.fanout.agreement", AGREEMENT_TOPIC, fanout);
    }

    @Produces
    @Singleton
    @Topic(TRANSFER_TOPIC)
    TopicFanout transferEvents(Fanout fanout) {
        return new TopicFanout("notification-service.fanout.transfer", TRANSFER_TOPIC, fanout);
    }

    @Produces
    @Singleton
    @Topic(IDENTIFICATION_TOPIC)
    TopicFanout identificationEvents(Fanout fanout) {
        return new TopicFanout("notification-service.fanout.identification", IDENTIFICATION_TOPIC, fanout);
    }
}

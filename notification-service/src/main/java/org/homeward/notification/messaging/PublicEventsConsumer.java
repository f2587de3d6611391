package org.homeward.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.notification.application.PublicEventHandlers;
import org.homeward.notification.application.Topic;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/**
 * Reads every public event topic and fans each event out to subscriptions. Acknowledged when a method
 * returns, that is after the inbox transaction committed; the offset commit follows the acknowledgement.
 */
@ApplicationScoped
public class PublicEventsConsumer {

    private final InboxProcessor inbox;
    private final EventHandler agreementEvents;
    private final EventHandler transferEvents;
    private final EventHandler identificationEvents;

    public PublicEventsConsumer(InboxProcessor inbox,
                                @Topic(PublicEventHandlers.AGREEMENT_TOPIC) PublicEventHandlers.TopicFanout agreementEvents,
                                @Topic(PublicEventHandlers.TRANSFER_TOPIC) PublicEventHandlers.TopicFanout transferEvents,
                                @Topic(PublicEventHandlers.IDENTIFICATION_TOPIC) PublicEventHandlers.TopicFanout identificationEvents) {
        this.inbox = inbox;
        this.agreementEvents = agreementEvents;
        this.transferEvents = transferEvents;
        this.identificationEvents = identificationEvents;
    }

    @Incoming("agreement-events")
    @Blocking
    public void agreement(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), agreementEvents);
    }

    @Incoming("transfer-events")
    @Blocking
    public void transfer(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), transferEvents);
    }

    @Incoming("identification-events")
    @Blocking
    public void identification(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), identificationEvents);
    }
}

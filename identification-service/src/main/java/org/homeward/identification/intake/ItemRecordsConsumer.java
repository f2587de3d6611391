package org.homeward.identification.intake;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/**
 * Reads the restricted item records. Acknowledged when the method returns, that is after the inbox
 * transaction committed; the offset commit follows the acknowledgement.
 */
@ApplicationScoped
public class ItemRecordsConsumer {

    private final InboxProcessor inbox;
    private final ItemRecordHandler handler;

    public ItemRecordsConsumer(InboxProcessor inbox, ItemRecordHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @Incoming("manifest-items")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), handler);
    }
}

package org.homeward.agreement.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.agreement.application.Ledger;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/**
 * Feeds transfer events into the fulfilment ledger. Acknowledged when this method returns, that is after
 * the inbox transaction committed; the offset commit follows the acknowledgement.
 */
@ApplicationScoped
public class TransferEventsConsumer {

    private final InboxProcessor inbox;
    private final Ledger ledger;

    public TransferEventsConsumer(InboxProcessor inbox, Ledger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming("transfer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), ledger);
    }
}

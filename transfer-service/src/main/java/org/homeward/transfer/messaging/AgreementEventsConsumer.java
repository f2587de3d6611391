package org.homeward.transfer.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.platform.messaging.inbox.InboxProcessor;
import org.homeward.transfer.readmodel.AgreementReadModel;

/**
 * Feeds agreement events into the read model. Acknowledged when this method returns, that is after the
 * inbox transaction committed; the offset commit follows the acknowledgement.
 */
@ApplicationScoped
public class AgreementEventsConsumer {

    private final InboxProcessor inbox;
    private final AgreementReadModel readModel;

    public AgreementEventsConsumer(InboxProcessor inbox, AgreementReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("agreement-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), readModel);
    }
}

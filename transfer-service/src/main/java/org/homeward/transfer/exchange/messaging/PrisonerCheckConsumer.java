package org.homeward.transfer.exchange.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/**
 * Feeds identification-service's public events into the exchange lists (its prisoner checks; the rest is passed
 * over). Acknowledged when this method returns, that is after the inbox transaction committed; the offset commit
 * follows the acknowledgement.
 */
@ApplicationScoped
public class PrisonerCheckConsumer {

    private final InboxProcessor inbox;
    private final PrisonerCheckOutcomes outcomes;

    public PrisonerCheckConsumer(InboxProcessor inbox, PrisonerCheckOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("identification-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), outcomes);
    }
}

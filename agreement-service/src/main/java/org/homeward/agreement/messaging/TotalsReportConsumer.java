package org.homeward.agreement.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.homeward.agreement.application.LedgerCrossCheck;
import org.homeward.platform.messaging.inbox.InboxProcessor;

/** Feeds transfer-service's totals reports into the ledger's cross-check, acknowledged after its commit. */
@ApplicationScoped
public class TotalsReportConsumer {

    private final InboxProcessor inbox;
    private final LedgerCrossCheck crossCheck;

    public TotalsReportConsumer(InboxProcessor inbox, LedgerCrossCheck crossCheck) {
        this.inbox = inbox;
        this.crossCheck = crossCheck;
    }

    @Incoming("agreement-totals")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record.value(), crossCheck);
    }
}

package org.homeward.transfer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;
import org.homeward.transfer.TermCount;
import org.homeward.transfer.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes, per agreement, what this service's own tables hold: each transfer's latest sequence and
 * absolute counts per term. agreement-service compares its ledger with it; the two services share nothing
 * but this topic, so this is the only honest check that the ledger has not lost or doubled a count.
 */
@ApplicationScoped
public class AgreementTotals implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "agreement-totals";
    public static final String REPORTED = "transfer.agreement-totals.reported";

    public record TransferTotals(UUID transferId, long sequence, String state, List<TermCount> terms) {
    }

    public record Report(UUID agreementId, long sequence, Instant asOf, List<TransferTotals> transfers,
                         AccessScope accessScope) {
    }

    private final Outbox outbox;

    public AgreementTotals(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void report(UUID agreementId, List<Transfer> transfers, AccessScope scope, Instant asOf) {
        List<TransferTotals> totals = transfers.stream().map(transfer -> new TransferTotals(transfer.id(),
                transfer.eventSequence(), transfer.state().name(), transfer.termCounts())).toList();
        outbox.append(AGGREGATE_TYPE, agreementId.toString(), REPORTED,
                new Report(agreementId, asOf.toEpochMilli(), asOf, totals, scope));
    }
}

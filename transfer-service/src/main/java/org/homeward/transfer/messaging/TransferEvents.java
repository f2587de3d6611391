package org.homeward.transfer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;
import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.TermCount;
import org.homeward.transfer.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The transfer events this service publishes, written to the outbox in the caller's transaction; each
 * carries the transfer's full public state (schemas: src/main/resources/events/transfer.transfer.*.json).
 */
@ApplicationScoped
public class TransferEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "transfer";
    public static final String PLANNED = "transfer.transfer.planned";
    public static final String MANIFEST_SUBMITTED = "transfer.transfer.manifest-submitted";
    public static final String DISPATCHED = "transfer.transfer.dispatched";
    public static final String RECEIVED = "transfer.transfer.received";
    public static final String RECONCILED = "transfer.transfer.reconciled";
    public static final String CANCELLED = "transfer.transfer.cancelled";

    /** The public state of a transfer: no personal data (manifest items travel on a restricted topic). */
    public record TransferPublicState(UUID transferId, long sequence, UUID agreementId, String kind, String fromParty,
                                      String toParty, String escortOrganisation, HandoverPoint handoverPoint,
                                      Instant scheduledAt, Instant dispatchedAt, Instant receivedAt, String state,
                                      List<TermCount> terms, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public TransferEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void publish(String type, Transfer transfer) {
        outbox.append(AGGREGATE_TYPE, transfer.id().toString(), type, new TransferPublicState(transfer.id(),
                transfer.eventSequence(), transfer.agreementId(), transfer.kind().name(), transfer.fromParty(),
                transfer.toParty(), transfer.escortOrganisation(), transfer.handoverPoint(), transfer.scheduledAt(),
                transfer.dispatchedAt(), transfer.receivedAt(), transfer.state().name(), transfer.termCounts(),
                transfer.accessScope()));
    }
}

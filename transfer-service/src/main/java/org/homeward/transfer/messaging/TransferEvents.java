package org.homeward.transfer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.transfer.AccessScope;
import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transfer events this service publishes, written to the outbox in the caller's transaction; each
 * carries the transfer's full public state (schemas: src/main/resources/events/transfer.transfer.*.json).
 */
@ApplicationScoped
public class TransferEvents {

    public static final String AGGREGATE_TYPE = "transfer";
    public static final String PLANNED = "transfer.transfer.planned";
    public static final String CANCELLED = "transfer.transfer.cancelled";

    /** Absolute counts of one term in this transfer. */
    public record TermCounts(UUID termId, int declared, int dispatched, int received) {
    }

    /** The public state of a transfer: no personal data (manifest items travel on a restricted topic). */
    public record TransferPublicState(UUID transferId, long sequence, UUID agreementId, String kind, String fromParty,
                                      String toParty, String escortOrganisation, HandoverPoint handoverPoint,
                                      Instant scheduledAt, Instant dispatchedAt, Instant receivedAt, String state,
                                      List<TermCounts> terms, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public TransferEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Transfer transfer) {
        List<TermCounts> counts = transfer.termIds().stream().map(id -> new TermCounts(id, 0, 0, 0)).toList();
        outbox.append(AGGREGATE_TYPE, transfer.id().toString(), type, new TransferPublicState(transfer.id(),
                transfer.eventSequence(), transfer.agreementId(), transfer.kind().name(), transfer.fromParty(),
                transfer.toParty(), transfer.escortOrganisation(), transfer.handoverPoint(), transfer.scheduledAt(),
                null, null, transfer.state().name(), counts, transfer.accessScope()));
    }
}

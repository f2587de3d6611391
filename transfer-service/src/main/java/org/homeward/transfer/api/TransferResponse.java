package org.homeward.transfer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.TermCount;
import org.homeward.transfer.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A transfer's public state: counts, never items (those are personal data, read through the manifest). */
@Schema(name = "Transfer")
public record TransferResponse(UUID id, UUID agreementId, List<UUID> termIds, String kind, String fromParty,
                               String toParty, String escortOrganisation, HandoverPoint handoverPoint,
                               Instant scheduledAt, String state, String statusReason,
                               @Schema(description = "Absolute counts per term: declared, dispatched, received")
                               List<TermCount> terms, int manifestItems, Instant manifestSubmittedAt,
                               @Schema(description = "Prisoners whose consent to repatriation the escort confirmed")
                               int consentsConfirmed, Instant dispatchedAt, Instant receivedAt,
                               Integer countedAtReceipt, Instant reconciledAt, Instant createdAt, long version) {

    static TransferResponse of(Transfer t) {
        return new TransferResponse(t.id(), t.agreementId(), t.termIds(), t.kind().name(), t.fromParty(), t.toParty(),
                t.escortOrganisation(), t.handoverPoint(), t.scheduledAt(), t.state().name(), t.statusReason(),
                t.termCounts(), t.manifestItems(), t.manifestSubmittedAt(), t.consentsConfirmed(), t.dispatchedAt(),
                t.receivedAt(), t.countedAtReceipt(), t.reconciledAt(), t.createdAt(), t.version());
    }
}

package org.homeward.transfer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.Transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Transfer")
public record TransferResponse(UUID id, UUID agreementId, List<UUID> termIds, String kind, String fromParty,
                               String toParty, String escortOrganisation, HandoverPoint handoverPoint,
                               Instant scheduledAt, String state, String statusReason, Instant createdAt, long version) {

    static TransferResponse of(Transfer t) {
        return new TransferResponse(t.id(), t.agreementId(), t.termIds(), t.kind().name(), t.fromParty(), t.toParty(),
                t.escortOrganisation(), t.handoverPoint(), t.scheduledAt(), t.state().name(), t.statusReason(),
                t.createdAt(), t.version());
    }
}

package org.homeward.transfer.application;

import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.TransferKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The command to plan a handover, already validated for shape by the API layer. */
public record PlanTransfer(UUID agreementId, List<UUID> termIds, TransferKind kind, String fromParty, String toParty,
                           String escortOrganisation, HandoverPoint handoverPoint, Instant scheduledAt) {
}

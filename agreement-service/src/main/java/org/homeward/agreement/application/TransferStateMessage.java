package org.homeward.agreement.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of transfer-service's public transfer state the ledger reads (tolerant reader). Schema:
 * transfer-service/src/main/resources/events/transfer.transfer.*.json. Counts are absolute.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferStateMessage(UUID transferId, Long sequence, UUID agreementId, String kind, String fromParty,
                                   String toParty, HandoverPoint handoverPoint, Instant dispatchedAt,
                                   Instant receivedAt, String state, List<TermCount> terms) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HandoverPoint(String name, String timeZone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TermCount(UUID termId, Integer declared, Integer dispatched, Integer received) {
    }

    boolean isComplete() {
        return transferId != null && sequence != null && sequence >= 1 && agreementId != null && fromParty != null
                && toParty != null && handoverPoint != null && handoverPoint.timeZone() != null && state != null
                && terms != null && terms.stream().allMatch(t -> t != null && t.termId() != null
                && t.declared() != null && t.dispatched() != null && t.received() != null
                && t.declared() >= 0 && t.dispatched() >= 0 && t.received() >= 0);
    }
}

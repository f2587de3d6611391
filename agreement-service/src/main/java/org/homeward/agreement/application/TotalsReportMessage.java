package org.homeward.agreement.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * transfer-service's report of an agreement's transfers as its own tables hold them (tolerant reader of
 * transfer-service/src/main/resources/events/transfer.agreement-totals.reported.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TotalsReportMessage(UUID agreementId, Long sequence, Instant asOf, List<Transfer> transfers) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfer(UUID transferId, Long sequence, String state, List<Counts> terms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(UUID termId, int declared, int dispatched, int received) {
    }

    boolean isComplete() {
        return agreementId != null && sequence != null && asOf != null && transfers != null
                && transfers.stream().allMatch(t -> t.transferId() != null && t.sequence() != null && t.terms() != null
                && t.terms().stream().allMatch(c -> c.termId() != null));
    }
}

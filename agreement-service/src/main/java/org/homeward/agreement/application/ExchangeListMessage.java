package org.homeward.agreement.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * The part of transfer-service's {@code transfer.exchange-list.progressed} the ledger reads (tolerant reader).
 * Schema: transfer-service/src/main/resources/events/transfer.exchange-list.progressed.json. Counts are absolute.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExchangeListMessage(UUID listId, UUID agreementId, UUID termId, Long sequence, Integer round,
                                  Long eligibleHeld, Long offered, Long verified, Long released, Long declined,
                                  Long died, Long remaining, Boolean complete) {

    boolean isComplete() {
        return listId != null && agreementId != null && termId != null && sequence != null && sequence >= 1
                && round != null && round >= 1 && nonNegative(eligibleHeld) && nonNegative(offered)
                && nonNegative(verified) && nonNegative(released) && nonNegative(declined) && nonNegative(died)
                && nonNegative(remaining) && complete != null;
    }

    private static boolean nonNegative(Long count) {
        return count != null && count >= 0;
    }
}

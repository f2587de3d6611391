package org.homeward.identification.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One remains item as transfer-service's latest record describes it: where it came from, what the sender
 * claimed, whether it arrived or was withdrawn, and the record's per-item sequence (latest wins).
 *
 * @param receivedOn       the day of receipt in the handover point's time zone, the day statistics count it on
 * @param scopeOrganisations the transfer's mediators and escort
 */
public record RemainsItem(UUID itemId, ItemState state, int sequence, UUID transferId, UUID agreementId, UUID termId,
                          String fromParty, String toParty, String origin, String tag, Instant receivedAt,
                          LocalDate receivedOn, ClaimedIdentity claims, Set<String> scopeOrganisations) {

    public RemainsItem {
        scopeOrganisations = Set.copyOf(scopeOrganisations);
    }
}

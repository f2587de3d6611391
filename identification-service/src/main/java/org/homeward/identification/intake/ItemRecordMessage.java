package org.homeward.identification.intake;

import org.homeward.identification.cases.ClaimedIdentity;
import org.homeward.identification.cases.ItemState;
import org.homeward.identification.cases.RemainsItem;
import org.homeward.identification.register.PrisonerCheck;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The data of a {@code transfer.manifest-item.*} record as this consumer reads it (tolerant: unknown fields
 * are ignored). Records published before items carried a state and sequence are arrivals with sequence 1,
 * and their scope is the two parties alone.
 */
record ItemRecordMessage(UUID itemId, String itemState, Integer itemSequence, UUID transferId, UUID agreementId,
                         UUID termId, String kind, String fromParty, String toParty, String origin, String tag,
                         Instant receivedAt, String handoverTimeZone, String category, String nationality,
                         String surname, String firstNames, String patronymic, String rank, LocalDate dateOfBirth,
                         String serviceNumber, String recoveryPlace, LocalDate recoveryDate, String personalEffects,
                         AccessScope accessScope) {

    static final String REMAINS = "REMAINS";

    /** A released prisoner or civilian as the record describes him. */
    PrisonerCheck.ArrivedPerson toArrivedPerson(ItemState stateOfType) {
        int sequence = validSequence(stateOfType);
        return new PrisonerCheck.ArrivedPerson(itemId, sequence, transferId, agreementId, fromParty, toParty, tag,
                surname, firstNames, patronymic, rank, dateOfBirth, serviceNumber);
    }

    RemainsItem toRemainsItem(ItemState stateOfType) {
        int sequence = validSequence(stateOfType);
        if (origin == null || receivedAt == null || handoverTimeZone == null) {
            throw new PoisonMessage("An item record lacks a required field");
        }
        LocalDate receivedOn;
        try {
            receivedOn = receivedAt.atZone(ZoneId.of(handoverTimeZone)).toLocalDate();
        } catch (DateTimeException e) {
            throw new PoisonMessage("An item record names an unknown time zone");
        }
        Set<String> organisations = accessScope == null || accessScope.organisations() == null
                ? Set.of() : accessScope.organisations();
        return new RemainsItem(itemId, stateOfType, sequence, transferId, agreementId, termId, fromParty, toParty,
                origin, tag, receivedAt, receivedOn, new ClaimedIdentity(category, nationality, surname, firstNames,
                patronymic, rank, dateOfBirth, serviceNumber, recoveryPlace, recoveryDate, personalEffects),
                organisations);
    }

    /** What every item record must say, whatever its kind; its sequence, 1 for records older than sequences. */
    private int validSequence(ItemState stateOfType) {
        if (itemId == null || transferId == null || agreementId == null || fromParty == null || toParty == null
                || tag == null) {
            throw new PoisonMessage("An item record lacks a required field");
        }
        if (itemState != null && !itemState.equals(stateOfType.name())) {
            throw new PoisonMessage("An item record's itemState contradicts its type");
        }
        int sequence = itemSequence == null ? 1 : itemSequence;
        if (sequence < 1 || (stateOfType == ItemState.WITHDRAWN && itemSequence == null)) {
            throw new PoisonMessage("An item record carries no valid itemSequence");
        }
        return sequence;
    }
}

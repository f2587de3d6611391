package org.homeward.transfer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.ManifestItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Records for identification-service, one per remains item or released person whose arrival is
 * established, and one more when reconciliation later finds an announced item missing. Written to the
 * outbox in the caller's transaction and relayed to the restricted topic
 * {@code homeward.transfer.manifest-items} (DESIGN.md 4), keyed by transfer so a transfer's items stay in
 * order. Each record carries the item's whole state and its own sequence: a consumer keeps the highest
 * sequence per item id, so duplicates and reordering cannot resurrect a withdrawn item. The claimed
 * identity is personal data, so only services with a need to know may read that topic; health notes stay
 * here (identification does not need them). Schemas: src/main/resources/events/transfer.manifest-item.*.json.
 */
@ApplicationScoped
public class ItemRecords implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "manifest-item";
    public static final String ARRIVED = "transfer.manifest-item.arrived";
    public static final String WITHDRAWN = "transfer.manifest-item.withdrawn";

    /**
     * What the sending side claimed about an item, and where it stands: ARRIVED, or WITHDRAWN when an
     * announced arrival turned out wrong. {@code origin} EXTRA means nobody declared it.
     */
    public record ItemRecord(UUID itemId, String itemState, int itemSequence, UUID transferId, UUID agreementId,
                             UUID termId, String kind, String fromParty, String toParty, String origin, String tag,
                             Instant receivedAt, String handoverTimeZone, String category, String nationality,
                             String surname, String firstNames, String patronymic, String rank, LocalDate dateOfBirth,
                             String serviceNumber, String recoveryPlace, LocalDate recoveryDate,
                             String personalEffects, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public ItemRecords(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void arrived(Transfer transfer, UUID itemId, String origin, ManifestItem item, int itemSequence) {
        publish(ARRIVED, "ARRIVED", transfer, itemId, origin, item, itemSequence);
    }

    public void withdrawn(Transfer transfer, UUID itemId, String origin, ManifestItem item, int itemSequence) {
        publish(WITHDRAWN, "WITHDRAWN", transfer, itemId, origin, item, itemSequence);
    }

    private void publish(String type, String state, Transfer transfer, UUID itemId, String origin, ManifestItem item,
                         int itemSequence) {
        outbox.append(AGGREGATE_TYPE, transfer.id().toString(), type, new ItemRecord(itemId, state, itemSequence,
                transfer.id(), transfer.agreementId(), item.termId(), transfer.kind().name(), transfer.fromParty(),
                transfer.toParty(), origin, item.tag(), transfer.receivedAt(), transfer.handoverPoint().timeZone(),
                item.category(), item.nationality(), item.surname(), item.firstNames(), item.patronymic(),
                item.rank(), item.dateOfBirth(), item.serviceNumber(), item.recoveryPlace(), item.recoveryDate(),
                item.personalEffects(), transfer.accessScope()));
    }
}

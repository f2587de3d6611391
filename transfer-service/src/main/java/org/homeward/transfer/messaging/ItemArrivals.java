package org.homeward.transfer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.ManifestItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Records for identification-service, one per received remains item and per released person, written to
 * the outbox in the caller's transaction and relayed to the restricted topic
 * {@code homeward.transfer.manifest-items} (DESIGN.md 4), keyed by transfer so a transfer's items stay in
 * order. They carry the claimed identity, so only services with a need to know may read that topic;
 * health notes stay here (identification does not need them). Schema:
 * src/main/resources/events/transfer.manifest-item.arrived.json.
 */
@ApplicationScoped
public class ItemArrivals implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "manifest-item";
    public static final String ARRIVED = "transfer.manifest-item.arrived";

    /** What the sending side claimed about an item that has arrived; {@code origin} EXTRA means nobody declared it. */
    public record ArrivedItem(UUID itemId, UUID transferId, UUID agreementId, UUID termId, String kind,
                              String fromParty, String toParty, String origin, String tag, Instant receivedAt,
                              String handoverTimeZone, String category, String nationality, String surname,
                              String firstNames, String patronymic, String rank, LocalDate dateOfBirth,
                              String serviceNumber, String recoveryPlace, LocalDate recoveryDate,
                              String personalEffects) {
    }

    private final Outbox outbox;

    public ItemArrivals(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void arrived(Transfer transfer, UUID itemId, String origin, ManifestItem item) {
        outbox.append(AGGREGATE_TYPE, transfer.id().toString(), ARRIVED, new ArrivedItem(itemId, transfer.id(),
                transfer.agreementId(), item.termId(), transfer.kind().name(), transfer.fromParty(),
                transfer.toParty(), origin, item.tag(), transfer.receivedAt(), transfer.handoverPoint().timeZone(),
                item.category(), item.nationality(), item.surname(), item.firstNames(), item.patronymic(),
                item.rank(), item.dateOfBirth(), item.serviceNumber(), item.recoveryPlace(), item.recoveryDate(),
                item.personalEffects()));
    }
}

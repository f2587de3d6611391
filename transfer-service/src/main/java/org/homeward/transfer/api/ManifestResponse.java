package org.homeward.transfer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.transfer.application.ManifestView;
import org.homeward.transfer.application.StoredItem;
import org.homeward.transfer.manifest.ManifestItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A transfer's items (personal data): the manifest as claimed, and what the receipt found. */
@Schema(name = "Manifest")
public record ManifestResponse(UUID transferId, String kind, String state, List<Item> items) {

    @Schema(name = "ManifestItem", description = "origin MANIFEST: declared by the sender; EXTRA: found by the "
            + "receiver. receipt: RECEIVED or MISSING once reconciled")
    public record Item(String tag, UUID termId, String origin, String category, String nationality, String surname,
                       String firstNames, String patronymic, String rank, LocalDate dateOfBirth, String serviceNumber,
                       String recoveryPlace, LocalDate recoveryDate, String personalEffects, String healthNotes,
                       Instant consentConfirmedAt, String receipt) {

        static Item of(StoredItem stored) {
            ManifestItem i = stored.item();
            return new Item(i.tag(), i.termId(), stored.origin(), i.category(), i.nationality(), i.surname(),
                    i.firstNames(), i.patronymic(), i.rank(), i.dateOfBirth(), i.serviceNumber(), i.recoveryPlace(),
                    i.recoveryDate(), i.personalEffects(), i.healthNotes(), stored.consentConfirmedAt(),
                    stored.declared() ? stored.receipt() : StoredItem.RECEIVED);
        }
    }

    static ManifestResponse of(ManifestView view) {
        return new ManifestResponse(view.transfer().id(), view.transfer().kind().name(), view.transfer().state().name(),
                view.items().stream().map(Item::of).toList());
    }
}

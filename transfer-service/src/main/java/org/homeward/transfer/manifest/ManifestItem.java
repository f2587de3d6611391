package org.homeward.transfer.manifest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One person or one body on a manifest, as the sending side claims it (or, for an extra item, as the
 * receiving side tagged it). Everything but {@code tag} and {@code termId} is personal data: it is read
 * only by the two parties and the escorting intermediary, and each read is audited.
 *
 * @param tag            the sender's reference for the item, unique within the transfer
 * @param termId         the agreement term the item counts towards
 * @param category       remains: MILITARY, CIVILIAN or UNKNOWN as claimed; persons: the term category
 * @param nationality    ISO 3166-1 alpha-2, as claimed
 * @param recoveryPlace  remains only: where the body was recovered
 * @param healthNotes    persons only: what the receiving side's medical staff must know on arrival
 */
public record ManifestItem(String tag, UUID termId, String category, String nationality, String surname,
                           String firstNames, String patronymic, String rank, LocalDate dateOfBirth,
                           String serviceNumber, String recoveryPlace, LocalDate recoveryDate,
                           String personalEffects, String healthNotes) {

    /** An item the receiving side found on arrival that no manifest line accounts for. */
    public static ManifestItem extra(String tag, UUID termId, String category, String nationality) {
        return new ManifestItem(tag, termId, category, nationality, null, null, null, null, null, null, null, null,
                null, null);
    }
}

package org.homeward.transfer.application;

import org.homeward.transfer.manifest.ManifestItem;

import java.time.Instant;
import java.util.UUID;

/**
 * A manifest item as kept: its stable id (the key of its record on the restricted topic), whether the
 * sender declared it or the receiver found it, the escort's consent confirmation, the receipt, and what
 * its records on the restricted topic have said so far ({@code itemSequence} counts them).
 */
public record StoredItem(UUID itemId, String origin, ManifestItem item, Instant consentConfirmedAt,
                         String receipt, boolean arrivalPublished, boolean withdrawalPublished, int itemSequence) {

    public static final String MANIFEST = "MANIFEST";
    public static final String EXTRA = "EXTRA";
    public static final String RECEIVED = "RECEIVED";
    public static final String MISSING = "MISSING";

    /** Declared by the sender on the manifest (not an extra the receiver found). */
    public boolean declared() {
        return MANIFEST.equals(origin);
    }

    /** Known to have arrived: received on reconciliation, or an extra the receiver found. */
    public boolean reconciledAsArrived() {
        return !declared() || RECEIVED.equals(receipt);
    }

    /** Announced as arrived (a receipt of the full count), then found missing by the reconciliation. */
    public boolean announcedButMissing() {
        return arrivalPublished && !withdrawalPublished && MISSING.equals(receipt);
    }
}

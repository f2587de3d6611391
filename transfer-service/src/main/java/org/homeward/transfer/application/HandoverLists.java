package org.homeward.transfer.application;

import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.RowError;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a prisoners' handover asks of the exchange lists of the terms it fulfils (DESIGN.md 10). Implemented by the
 * exchange room, so that handovers know nothing of how lists are kept; a term without a list leaves the manifest as
 * it always was. Every method runs in the caller's transaction, after the transfer's lock was taken.
 */
public interface HandoverLists {

    /**
     * Why items of listed terms may not go (empty: they may): each must be a prisoner offered on the term's list, by
     * his service number and particulars, who qualifies under the term and is verified by the escorting intermediary
     * where the agreement names one.
     */
    List<RowError> refusals(Transfer transfer, List<ManifestItem> manifest);

    /**
     * The manifest was stored: the listed persons on it are SCHEDULED on the transfer, those of its previous version
     * who are not on it any more go back to where they stood. Returns, by manifest tag, the intermediary that verified
     * each listed person: his consent to repatriation stands on the manifest as confirmed by it.
     */
    Map<String, String> schedule(Transfer transfer, List<StoredItem> items);

    /** The reconciliation found these items received on {@code on}: the listed persons among them are RELEASED. */
    void released(Transfer transfer, List<StoredItem> received, LocalDate on);

    /** These items will not arrive with the transfer (missing at reconciliation, or the transfer cancelled). */
    void notCarried(Transfer transfer, List<StoredItem> items, String why);

    /** How many persons on the transfer's current manifest died in captivity after it was stored. */
    int diedOnManifest(Transfer transfer);

    /**
     * The escort confirmed or withdrew the consent of the persons carried by these items on the manifest: a
     * withdrawal holds for the list too, so that no replaced manifest confirms it again.
     */
    void consentChanged(Transfer transfer, List<StoredItem> items, boolean consents, String organisation);
}

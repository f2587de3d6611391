package org.homeward.transfer.application;

import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.ManifestItem;

import java.util.List;

/** A transfer's items as one of the two parties or the escort may read them. */
public record ManifestView(Transfer transfer, List<StoredItem> items) {

    /** The items as the sender declared them, in manifest order (without the receiver's extras). */
    public List<ManifestItem> declared() {
        return items.stream().filter(StoredItem::declared).map(StoredItem::item).toList();
    }
}

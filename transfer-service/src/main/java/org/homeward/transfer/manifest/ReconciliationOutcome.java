package org.homeward.transfer.manifest;

import org.homeward.transfer.TransferState;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an item-by-item reconciliation established: which manifest items arrived, which are missing, the
 * extra items, the absolute received count per term, and the transfer's final state.
 */
public record ReconciliationOutcome(Set<String> received, List<String> missing, List<ManifestItem> extras,
                                    Map<UUID, Integer> receivedPerTerm, TransferState state) {
}

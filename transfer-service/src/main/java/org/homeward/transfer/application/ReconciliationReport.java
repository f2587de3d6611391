package org.homeward.transfer.application;

import org.homeward.transfer.TermCount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The discrepancies of a reconciled handover: what was declared, dispatched and counted at receipt, how
 * many manifest items arrived, which are missing and which extra items arrived (by tag), per term.
 */
public record ReconciliationReport(UUID transferId, String state, int declared, int dispatched, int countedAtReceipt,
                                   int received, int missing, int extra, List<String> missingTags,
                                   List<String> extraTags, List<TermCount> terms, Instant receivedAt,
                                   Instant reconciledAt) {
}

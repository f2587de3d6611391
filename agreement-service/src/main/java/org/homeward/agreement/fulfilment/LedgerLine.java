package org.homeward.agreement.fulfilment;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one transfer contributes to one term, as the ledger last heard of it: absolute counts, never
 * deltas. {@code receiptDate} is the date of receipt in the handover point's time zone, or null while
 * nothing is received.
 */
public record LedgerLine(UUID transferId, UUID termId, String fromParty, String toParty, LocalDate receiptDate,
                         int declared, int dispatched, int received) {
}

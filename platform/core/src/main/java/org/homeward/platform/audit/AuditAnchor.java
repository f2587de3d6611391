package org.homeward.platform.audit;

import java.time.Instant;

/**
 * The audit chain's head as it was anchored: the last link's sequence, the entry it seals and its hash. Kept
 * by anyone outside the database (the auditors' webhooks receive each one), it lets a later verification show
 * whether the chain still holds that link. Fired as a CDI event in the transaction that records it.
 */
public record AuditAnchor(long seq, long auditId, String headHash, Instant anchoredAt) {
}

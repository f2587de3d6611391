package org.homeward.identification.cases;

import java.util.UUID;

/**
 * A case whose identification was revoked is worked on again: whatever was computed for it while it was
 * settled (its DNA candidates) is reconsidered. Fired in the transaction that reopened it; the cases
 * feature does not know who listens.
 */
public record CaseReopened(UUID caseId, String party) {
}

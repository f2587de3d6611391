package org.homeward.transfer;

import java.util.UUID;

/**
 * Absolute counts of one agreement term within a transfer: declared on the manifest, confirmed at
 * dispatch, and received. Published as they are, never as deltas.
 */
public record TermCount(UUID termId, int declared, int dispatched, int received) {

    public static TermCount none(UUID termId) {
        return new TermCount(termId, 0, 0, 0);
    }

    TermCount withDeclared(int count) {
        return new TermCount(termId, count, dispatched, received);
    }

    TermCount dispatchedAsDeclared() {
        return new TermCount(termId, declared, declared, received);
    }

    TermCount withReceived(int count) {
        return new TermCount(termId, declared, dispatched, count);
    }
}

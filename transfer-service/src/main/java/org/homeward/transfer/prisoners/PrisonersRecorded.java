package org.homeward.transfer.prisoners;

import java.util.Set;

/** Fired in the transaction that recorded prisoners of one detaining party (one, or an import), by their origins. */
public record PrisonersRecorded(String detainingParty, Set<String> partiesOfOrigin) {
}

package org.homeward.transfer;

import java.util.UUID;

/** A term of an agreement as transfer-service knows it from agreement events: enough to check a plan against. */
public record AgreedTerm(UUID id, String kind, String fromParty, String toParty) {
}

package org.homeward.notification;

import org.homeward.platform.domain.AccessScope;

import java.util.UUID;

/**
 * What decides who may be told an event: its type, agreement and access scope, and for a case event the
 * case's parties and its assigned laboratory (null for other events).
 */
public record EventFacts(String type, UUID agreementId, AccessScope scope, String fromParty, String toParty,
                         String assignedOrganisation) {
}

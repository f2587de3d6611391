package org.homeward.notification;

import org.homeward.platform.domain.AccessScope;

import java.util.Set;

/**
 * What a subscriber may be told. SCOPED: events whose access scope names its party or organisation, as
 * the APIs would show them. COUNTS_ONLY (observers such as press offices): only events that report
 * counts, for any agreement.
 */
public enum Audience {
    SCOPED,
    COUNTS_ONLY;

    private static final Set<String> COUNT_EVENT_PREFIXES = Set.of("agreement.term.", "agreement.balance.");

    public boolean mayReceive(String eventType, AccessScope scope, String party, String organisation) {
        if (this == COUNTS_ONLY) {
            return COUNT_EVENT_PREFIXES.stream().anyMatch(eventType::startsWith);
        }
        return scope.admits(party, organisation);
    }
}

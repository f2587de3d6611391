package org.homeward.notification;

import org.homeward.platform.domain.AccessScope;

import java.util.List;

/**
 * What a subscriber may be told. SCOPED: events whose access scope names its party or organisation, as
 * the APIs would show them. COUNTS_ONLY (observers such as press offices): only events that report
 * counts, for any agreement: the agreement's term and balance events as they are, and identification
 * case events reduced to their transfer's counts.
 */
public enum Audience {
    SCOPED,
    COUNTS_ONLY;

    /** Agreement events whose counts are the agreement's own; observers may be told them as they are. */
    private static final List<String> AGREEMENT_COUNT_EVENTS = List.of("agreement.term.", "agreement.balance.");
    /**
     * Events about one case. Observers may not see cases (DESIGN.md 6), but the statistics these events carry
     * are theirs. Prisoner checks carry no statistics and stay out.
     */
    private static final List<String> CASE_EVENTS = List.of("identification.case.", "identification.identification.");

    public boolean mayReceive(String eventType, AccessScope scope, String party, String organisation) {
        if (this == COUNTS_ONLY) {
            return startsWithAny(AGREEMENT_COUNT_EVENTS, eventType) || startsWithAny(CASE_EVENTS, eventType);
        }
        return scope.admits(party, organisation);
    }

    /**
     * Whether this audience is to be told only the counts an event carries, not which case changed or how:
     * a case's id, status or item would let an observer follow one person's remains.
     */
    public boolean isToldOnlyCounts(String eventType) {
        return this == COUNTS_ONLY && startsWithAny(CASE_EVENTS, eventType);
    }

    private static boolean startsWithAny(List<String> prefixes, String eventType) {
        return prefixes.stream().anyMatch(eventType::startsWith);
    }
}

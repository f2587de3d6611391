package org.homeward.agreement.fulfilment;

import org.homeward.agreement.PrisonerCategory;
import org.homeward.agreement.TermBasis;
import org.homeward.agreement.TermKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How much of an agreement has been delivered: per term, per direction, between reciprocal terms, and
 * received within a period grouped by day or ISO week.
 */
public record Fulfilment(List<TermProgress> terms, List<DirectionTotal> directions, List<ReciprocalBalance> balances,
                         Period period) {

    /**
     * {@code committed}, {@code remaining} and {@code percent} are null where the term commits no number;
     * {@code exchange} is the term's exchange list where it has one (prisoner terms), null otherwise.
     */
    public record TermProgress(UUID termId, TermKind kind, String fromParty, String toParty, TermBasis basis,
                               PrisonerCategory category, String customCategory, LocalDate dueDate,
                               Integer committed, long declared, long dispatched, long received,
                               Long remaining, Double percent, boolean fulfilled, boolean overDelivered,
                               boolean overdue, ExchangeCounts exchange) {
    }

    public record DirectionTotal(String fromParty, String toParty, long declared, long dispatched, long received) {
    }

    /**
     * Between two reciprocal N_FOR_N terms: {@code balance} is what the first direction received minus
     * what the ratio asks for given the second direction's receipts.
     */
    public record ReciprocalBalance(UUID termId, UUID reciprocalTermId, String ratio, long received,
                                    long reciprocalReceived, double balance, int tolerance, boolean outOfTolerance) {
    }

    /** What was received between {@code from} and {@code to} (inclusive, dates of receipt), per direction. */
    public record Period(LocalDate from, LocalDate to, Grouping groupBy, List<DirectionReceived> totals,
                         List<GroupTotal> groups) {
    }

    public record DirectionReceived(String fromParty, String toParty, long received) {
    }

    public record GroupTotal(String period, String fromParty, String toParty, long received) {
    }
}

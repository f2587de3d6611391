package org.homeward.agreement.fulfilment;

import org.homeward.agreement.Term;
import org.homeward.agreement.TermBasis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Computes {@link Fulfilment} from an agreement's terms and the ledger's lines. A pure function of its
 * inputs: the order of the lines never matters, and since lines hold absolute counts per transfer, a
 * corrected transfer simply replaces its line.
 */
public final class FulfilmentCalculator {

    private FulfilmentCalculator() {
    }

    public static Fulfilment compute(List<Term> terms, List<LedgerLine> lines, Map<UUID, ExchangeCounts> exchangeLists,
                                     LocalDate from, LocalDate to, Grouping groupBy, LocalDate today) {
        List<Fulfilment.TermProgress> progress = new ArrayList<>();
        Map<UUID, Long> receivedByTerm = new LinkedHashMap<>();
        for (Term term : terms) {
            List<LedgerLine> own = lines.stream().filter(l -> l.termId().equals(term.id())).toList();
            long received = sum(own, LedgerLine::received);
            receivedByTerm.put(term.id(), received);
            Integer committed = term.committed();
            Long remaining = committed == null ? null : Math.max(0, committed - received);
            Double percent = committed == null ? null : Math.round(received * 10000.0 / committed) / 100.0;
            boolean fulfilled = committed != null && received >= committed;
            boolean overdue = term.dueDate() != null && term.dueDate().isBefore(today) && committed != null && !fulfilled;
            progress.add(new Fulfilment.TermProgress(term.id(), term.kind(), term.fromParty(), term.toParty(),
                    term.basis(), term.category(), term.customCategory(), term.dueDate(), committed,
                    sum(own, LedgerLine::declared), sum(own, LedgerLine::dispatched), received, remaining, percent,
                    fulfilled, committed != null && received > committed, overdue,
                    exchangeOf(term, exchangeLists.get(term.id()))));
        }
        Set<UUID> termIds = receivedByTerm.keySet();
        List<LedgerLine> ofTerms = lines.stream().filter(l -> termIds.contains(l.termId())).toList();
        return new Fulfilment(progress, directionTotals(ofTerms), balances(terms, receivedByTerm),
                period(ofTerms, from, to, groupBy));
    }

    /** A list's counts as the term reads them: complete is said of an all-for-all term only. */
    private static ExchangeCounts exchangeOf(Term term, ExchangeCounts counts) {
        if (counts == null || term.basis() == TermBasis.ALL_FOR_ALL) {
            return counts;
        }
        return new ExchangeCounts(counts.round(), counts.eligibleHeld(), counts.offered(), counts.verified(),
                counts.released(), counts.declined(), counts.died(), counts.remaining(), null);
    }

    /** The terms whose committed number has been received. */
    public static Set<UUID> fulfilledTerms(Fulfilment fulfilment) {
        Set<UUID> fulfilled = new HashSet<>();
        fulfilment.terms().stream().filter(Fulfilment.TermProgress::fulfilled)
                .forEach(t -> fulfilled.add(t.termId()));
        return fulfilled;
    }

    private static List<Fulfilment.DirectionTotal> directionTotals(List<LedgerLine> lines) {
        Map<String, List<LedgerLine>> byDirection = new TreeMap<>();
        lines.forEach(l -> byDirection.computeIfAbsent(l.fromParty() + ">" + l.toParty(), k -> new ArrayList<>()).add(l));
        return byDirection.values().stream().map(group -> new Fulfilment.DirectionTotal(group.get(0).fromParty(),
                group.get(0).toParty(), sum(group, LedgerLine::declared), sum(group, LedgerLine::dispatched),
                sum(group, LedgerLine::received))).toList();
    }

    private static List<Fulfilment.ReciprocalBalance> balances(List<Term> terms, Map<UUID, Long> received) {
        List<Fulfilment.ReciprocalBalance> balances = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Term term : terms) {
            if (term.reciprocalTermId() == null || seen.contains(term.reciprocalTermId())) {
                continue;
            }
            seen.add(term.id());
            long mine = received.getOrDefault(term.id(), 0L);
            long theirs = received.getOrDefault(term.reciprocalTermId(), 0L);
            int ratio = term.ratioOrDefault();
            int reciprocalRatio = term.reciprocalRatioOrDefault();
            double balance = mine - theirs * (double) ratio / reciprocalRatio;
            int tolerance = term.toleranceOrDefault();
            balances.add(new Fulfilment.ReciprocalBalance(term.id(), term.reciprocalTermId(),
                    ratio + ":" + reciprocalRatio, mine, theirs, balance, tolerance, Math.abs(balance) > tolerance));
        }
        return balances;
    }

    private static Fulfilment.Period period(List<LedgerLine> lines, LocalDate from, LocalDate to, Grouping groupBy) {
        List<LedgerLine> inPeriod = lines.stream()
                .filter(l -> l.receiptDate() != null && l.received() > 0)
                .filter(l -> from == null || !l.receiptDate().isBefore(from))
                .filter(l -> to == null || !l.receiptDate().isAfter(to))
                .toList();
        Map<String, Long> groups = new TreeMap<>();
        for (LedgerLine line : inPeriod) {
            String key = groupBy.label(line.receiptDate()) + "|" + line.fromParty() + "|" + line.toParty();
            groups.merge(key, (long) line.received(), Long::sum);
        }
        List<Fulfilment.GroupTotal> grouped = groups.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\\|");
            return new Fulfilment.GroupTotal(parts[0], parts[1], parts[2], e.getValue());
        }).toList();
        List<Fulfilment.DirectionReceived> totals = directionTotals(inPeriod).stream()
                .map(t -> new Fulfilment.DirectionReceived(t.fromParty(), t.toParty(), t.received())).toList();
        return new Fulfilment.Period(from, to, groupBy, totals, grouped);
    }

    private static long sum(List<LedgerLine> lines, ToLongFunction<LedgerLine> count) {
        return lines.stream().mapToLong(count).sum();
    }
}

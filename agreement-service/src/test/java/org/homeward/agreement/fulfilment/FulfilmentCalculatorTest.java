package org.homeward.agreement.fulfilment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.homeward.agreement.ReferenceStory;
import org.homeward.agreement.Term;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FulfilmentCalculatorTest {

    private static final List<Term> TERMS = ReferenceStory.istanbulTerms();
    private static final UUID RU_TO_UA = ReferenceStory.REMAINS_RU_TO_UA;
    private static final UUID UA_TO_RU = ReferenceStory.REMAINS_UA_TO_RU;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);

    private static LedgerLine received(UUID term, String from, String to, LocalDate date, int count) {
        return new LedgerLine(UUID.randomUUID(), term, from, to, date, count, count, count);
    }

    @Test
    void aWeekOfBatchesInOneDirectionAndNoneInTheOther() {
        List<LedgerLine> lines = List.of(
                received(RU_TO_UA, "RU", "UA", LocalDate.of(2025, 6, 11), 1212),
                received(RU_TO_UA, "RU", "UA", LocalDate.of(2025, 6, 13), 1200),
                received(RU_TO_UA, "RU", "UA", LocalDate.of(2025, 6, 15), 1200),
                // dispatched but not yet received: counts as dispatched, not as fulfilment
                new LedgerLine(UUID.randomUUID(), RU_TO_UA, "RU", "UA", null, 1200, 1200, 0));

        Fulfilment f = FulfilmentCalculator.compute(TERMS, lines, Map.of(), LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 15),
                Grouping.WEEK, TODAY);

        Fulfilment.TermProgress ruToUa = f.terms().stream().filter(t -> t.termId().equals(RU_TO_UA)).findFirst().orElseThrow();
        assertThat(ruToUa.received()).isEqualTo(3612);
        assertThat(ruToUa.dispatched()).isEqualTo(4812);
        assertThat(ruToUa.remaining()).isEqualTo(2388);
        assertThat(ruToUa.percent()).isEqualTo(60.2);
        assertThat(ruToUa.fulfilled()).isFalse();
        Fulfilment.TermProgress uaToRu = f.terms().stream().filter(t -> t.termId().equals(UA_TO_RU)).findFirst().orElseThrow();
        assertThat(uaToRu.received()).isZero();
        assertThat(uaToRu.remaining()).isEqualTo(6000);

        assertThat(f.balances()).singleElement().satisfies(b -> {
            assertThat(b.balance()).isEqualTo(3612.0);
            assertThat(b.outOfTolerance()).isTrue();
        });
        assertThat(f.period().groups()).containsExactly(new Fulfilment.GroupTotal("2025-W24", "RU", "UA", 3612));
        assertThat(f.period().totals()).containsExactly(new Fulfilment.DirectionReceived("RU", "UA", 3612));

        Fulfilment daily = FulfilmentCalculator.compute(TERMS, lines, Map.of(), LocalDate.of(2025, 6, 12), null, Grouping.DAY, TODAY);
        assertThat(daily.period().groups()).extracting(Fulfilment.GroupTotal::period, Fulfilment.GroupTotal::received)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-06-13", 1200L),
                        org.assertj.core.groups.Tuple.tuple("2025-06-15", 1200L));
    }

    @Test
    void allForAllTermsReportCountsNotPercentages() {
        Term swsUaToRu = TERMS.get(0);
        Fulfilment f = FulfilmentCalculator.compute(TERMS,
                List.of(received(swsUaToRu.id(), "UA", "RU", LocalDate.of(2025, 6, 10), 307)),
                Map.of(swsUaToRu.id(), new ExchangeCounts(2, 310, 310, 309, 307, 2, 1, 0, true)), null, null,
                Grouping.DAY, TODAY);
        Fulfilment.TermProgress progress = f.terms().get(0);
        // Measurable at last: the list's counts, and whether every eligible prisoner is released, declined or dead.
        assertThat(progress.exchange()).isEqualTo(new ExchangeCounts(2, 310, 310, 309, 307, 2, 1, 0, true));
        assertThat(f.terms().get(1).exchange()).isNull();
        // A term of another basis shows the counts beside its number, and says nothing of "complete".
        ExchangeCounts remainsList = new ExchangeCounts(1, 5, 5, 5, 5, 0, 0, 0, true);
        Fulfilment nForN = FulfilmentCalculator.compute(TERMS, List.of(), Map.of(RU_TO_UA, remainsList), null, null,
                Grouping.DAY, TODAY);
        assertThat(nForN.terms().stream().filter(t -> t.termId().equals(RU_TO_UA)).findFirst().orElseThrow()
                .exchange().complete()).isNull();
        assertThat(progress.received()).isEqualTo(307);
        assertThat(progress.committed()).isNull();
        assertThat(progress.percent()).isNull();
        assertThat(progress.remaining()).isNull();
        assertThat(progress.fulfilled()).isFalse();
    }

    @Test
    void overDeliveryIsRecordedAndFlaggedAndOverdueNeedsAPastDueDate() {
        List<LedgerLine> lines = List.of(received(RU_TO_UA, "RU", "UA", LocalDate.of(2025, 6, 11), 6012));
        Fulfilment f = FulfilmentCalculator.compute(TERMS, lines, Map.of(), null, null, Grouping.DAY, LocalDate.of(2025, 8, 1));
        Fulfilment.TermProgress ruToUa = f.terms().stream().filter(t -> t.termId().equals(RU_TO_UA)).findFirst().orElseThrow();
        assertThat(ruToUa.fulfilled()).isTrue();
        assertThat(ruToUa.overDelivered()).isTrue();
        assertThat(ruToUa.remaining()).isZero();
        assertThat(ruToUa.overdue()).isFalse();
        Fulfilment.TermProgress uaToRu = f.terms().stream().filter(t -> t.termId().equals(UA_TO_RU)).findFirst().orElseThrow();
        assertThat(uaToRu.overdue()).isTrue();
    }

    @Property(tries = 200)
    void theOrderOfLedgerLinesNeverMatters(@ForAll("lines") @Size(max = 30) List<LedgerLine> lines, @ForAll long seed) {
        List<LedgerLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(FulfilmentCalculator.compute(TERMS, shuffled, Map.of(), null, null, Grouping.WEEK, TODAY))
                .isEqualTo(FulfilmentCalculator.compute(TERMS, lines, Map.of(), null, null, Grouping.WEEK, TODAY));
    }

    @Property(tries = 200)
    void directionTotalsAndPeriodGroupsAddUpToTheTermTotals(@ForAll("lines") @Size(max = 30) List<LedgerLine> lines) {
        Fulfilment f = FulfilmentCalculator.compute(TERMS, lines, Map.of(), null, null, Grouping.DAY, TODAY);
        long byTerm = f.terms().stream().mapToLong(Fulfilment.TermProgress::received).sum();
        long byDirection = f.directions().stream().mapToLong(Fulfilment.DirectionTotal::received).sum();
        long byDay = f.period().groups().stream().mapToLong(Fulfilment.GroupTotal::received).sum();
        assertThat(byDirection).isEqualTo(byTerm);
        assertThat(byDay).isEqualTo(byTerm);
        for (Fulfilment.TermProgress term : f.terms()) {
            if (term.committed() != null) {
                assertThat(term.remaining() + Math.min(term.received(), term.committed())).isEqualTo((long) term.committed());
            }
        }
    }

    @Provide
    Arbitrary<List<LedgerLine>> lines() {
        Arbitrary<Term> term = Arbitraries.of(TERMS);
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 60).map(d -> LocalDate.of(2025, 6, 1).plusDays(d));
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 2000);
        return Combinators.combine(term, date, count, count).as((t, d, declared, received) ->
                new LedgerLine(UUID.randomUUID(), t.id(), t.fromParty(), t.toParty(), d, declared, declared, received))
                .list();
    }
}

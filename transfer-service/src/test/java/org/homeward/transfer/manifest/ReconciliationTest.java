package org.homeward.transfer.manifest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.TransferState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The receiver's item-by-item account and the state it settles, without any framework. */
class ReconciliationTest {

    private static final UUID TERM = UUID.randomUUID();
    private static final TermSelection ONE_TERM = new TermSelection(TransferKind.REMAINS,
            List.of(new AgreedTerm(TERM, "REMAINS_REPATRIATION", "RU", "UA")));

    private static List<ManifestItem> manifest(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(i -> ManifestItem.extra("RU-" + i, TERM, "MILITARY", "UA")).toList();
    }

    private static List<String> tags(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "RU-" + i).toList();
    }

    @Test
    void threeMissingAndOneExtraIsAPartialReceiptWithExactCounts() {
        ReconciliationOutcome outcome = new Reconciliation(manifest(10), ONE_TERM).reconcile(tags(1, 7), tags(8, 10),
                List.of(new ExtraItem("UA-X-1", null, null)), 8, false);
        assertThat(outcome.state()).isEqualTo(TransferState.PARTIALLY_RECEIVED);
        assertThat(outcome.missing()).containsExactly("RU-8", "RU-9", "RU-10");
        assertThat(outcome.extras()).extracting(ManifestItem::tag).containsExactly("UA-X-1");
        assertThat(outcome.receivedPerTerm()).containsEntry(TERM, 8);
    }

    @Test
    void accountsThatContradictTheReceiptAreDisputed() {
        Reconciliation reconciliation = new Reconciliation(manifest(4), ONE_TERM);
        assertThat(reconciliation.reconcile(tags(1, 3), tags(4, 4), List.of(), 4, false).state())
                .isEqualTo(TransferState.DISPUTED);
        assertThat(reconciliation.reconcile(tags(1, 3), tags(4, 4), List.of(new ExtraItem("X-1", null, null)), 4, true).state())
                .isEqualTo(TransferState.DISPUTED);
        assertThat(reconciliation.reconcile(List.of(), tags(1, 4), List.of(new ExtraItem("X-1", null, null)), 1, false).state())
                .isEqualTo(TransferState.DISPUTED);
        assertThat(reconciliation.reconcile(tags(1, 4), List.of(), List.of(), 4, true).state())
                .isEqualTo(TransferState.RECEIVED);
    }

    @Test
    void everyManifestItemMustBeAccountedForOnceAndExtrasNeedTagsOfTheirOwn() {
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class, () -> new Reconciliation(manifest(4), ONE_TERM)
                .reconcile(List.of("RU-1", "RU-1", "RU-99"), List.of("RU-2"),
                        List.of(new ExtraItem("ru-3", null, null), new ExtraItem("=cmd", null, "QQ")), 3, false));
        assertThat(rejected.errors()).extracting(RowError::field).containsExactly("received[1]", "received[2]",
                "received", "extra[0].tag", "extra[1].tag", "extra[1].nationality");
        assertThat(rejected.errors().get(2).message()).startsWith("2 manifest item(s)");
    }

    @Property(tries = 200)
    void receivedCountsAddUpAndOnlyAFullConsistentAccountIsReceived(@ForAll("accounts") Account account) {
        List<String> all = tags(1, account.size());
        List<String> received = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (account.missingMask().get(i) ? missing : received).add(all.get(i));
        }
        List<ExtraItem> extras = IntStream.range(0, account.extras()).mapToObj(i -> new ExtraItem("X-" + i, null, null)).toList();
        int counted = received.size() + extras.size();
        ReconciliationOutcome outcome = new Reconciliation(manifest(account.size()), ONE_TERM)
                .reconcile(received, missing, extras, counted, false);
        assertThat(outcome.receivedPerTerm().get(TERM)).isEqualTo(counted);
        assertThat(outcome.received().size() + outcome.missing().size()).isEqualTo(account.size());
        TransferState expected = received.isEmpty() ? TransferState.DISPUTED
                : missing.isEmpty() && extras.isEmpty() ? TransferState.RECEIVED : TransferState.PARTIALLY_RECEIVED;
        assertThat(outcome.state()).isEqualTo(expected);
    }

    record Account(int size, List<Boolean> missingMask, int extras) {
    }

    @Provide
    Arbitrary<Account> accounts() {
        return Arbitraries.integers().between(1, 40).flatMap(size -> Combinators.combine(
                Arbitraries.of(true, false).list().ofSize(size), Arbitraries.integers().between(0, 3))
                .as((mask, extras) -> new Account(size, mask, extras)));
    }
}

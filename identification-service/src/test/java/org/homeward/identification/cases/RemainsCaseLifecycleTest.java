package org.homeward.identification.cases;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case lifecycle as a state machine, with no framework: whatever is attempted, its rules hold. */
class RemainsCaseLifecycleTest {

    private static final Instant NOW = Instant.parse("2025-06-20T10:00:00Z");
    private static final Actor EXAMINER = new Actor("examiner-a", "lab-ua");
    private static final Actor SECOND = new Actor("examiner-b", "lab-ua");
    private static final ClaimedIdentity CLAIM = new ClaimedIdentity("MILITARY", "UA", "Коваленко", "Олександр",
            null, null, LocalDate.of(1995, 4, 1), "SN-1", "Донецька обл.", LocalDate.of(2025, 3, 11), "жетон");

    enum Step { EXAMINE, PROPOSE, CONFIRM, REJECT, NOT_A_NATIONAL, UNIDENTIFIABLE, WITHDRAW, RETURN_TO_FAMILY,
        RETURN_TO_SENDER, REASSIGN }

    static RemainsCase opened() {
        return RemainsCase.open(new RemainsItem(UUID.randomUUID(), ItemState.ARRIVED, 1, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "RU", "UA", "MANIFEST", "RU-1", NOW.minusSeconds(86400),
                LocalDate.of(2025, 6, 19), CLAIM, Set.of("org-icrc")), "lab-ua", NOW.minusSeconds(3600));
    }

    @Provide
    Arbitrary<List<Step>> attempts() {
        return Arbitraries.of(Step.class).list().ofMaxSize(25);
    }

    @Property(tries = 2000)
    void whateverIsAttemptedTheClaimStaysTheHistoryChainsAndTheEndsAreFinal(@ForAll("attempts") List<Step> steps) {
        RemainsCase c = opened();
        List<CaseHistoryEntry> history = new ArrayList<>(List.of(c.openingEntry()));
        List<IdentificationProposal> pending = new ArrayList<>();
        int withdrawalSequence = 1;
        for (Step step : steps) {
            CaseStatus before = c.status();
            long sequenceBefore = c.eventSequence();
            try {
                switch (step) {
                    case EXAMINE -> c.examined(EXAMINER, NOW).ifPresent(history::add);
                    case PROPOSE -> {
                        Optional<CaseHistoryEntry> entry = c.candidateProposed(EXAMINER, NOW);
                        entry.ifPresent(history::add);
                        pending.add(new IdentificationProposal(c.id(), IdentificationMethod.DNA, "LR 1e9",
                                new EstablishedIdentity("Коваленко", "Олександр", null, null, "UA", null), EXAMINER, NOW));
                    }
                    case CONFIRM -> {
                        if (!pending.isEmpty()) {
                            IdentificationProposal proposal = pending.remove(0);
                            history.add(c.identified(proposal, SECOND, NOW));
                            proposal.confirm(SECOND, null, NOW);
                            pending.clear();
                        }
                    }
                    case REJECT -> {
                        if (!pending.isEmpty()) {
                            pending.remove(0).reject(SECOND, "no", NOW);
                            if (pending.isEmpty() && c.status() == CaseStatus.CANDIDATE_FOUND) {
                                history.add(c.candidatesExhausted(SECOND, NOW));
                            }
                        }
                    }
                    case NOT_A_NATIONAL -> history.add(c.notANational("RU passport", !pending.isEmpty(), EXAMINER, NOW));
                    case UNIDENTIFIABLE -> history.add(c.unidentifiable("burnt", !pending.isEmpty(), EXAMINER, NOW));
                    case WITHDRAW -> history.add(c.withdraw(++withdrawalSequence, false, NOW));
                    case RETURN_TO_FAMILY -> history.add(c.returned(ReturnedTo.FAMILY, "Mother", "Kyiv", NOW, EXAMINER, NOW));
                    case RETURN_TO_SENDER -> history.add(c.returned(ReturnedTo.SENDING_PARTY, "RU", "Border", NOW, EXAMINER, NOW));
                    case REASSIGN -> history.add(c.reassign(c.assignedOrganisation().equals("lab-ua") ? "lab-ua-2" : "lab-ua",
                            "capacity", EXAMINER, NOW));
                }
            } catch (InvalidTransition | RuleViolation refused) {
                assertThat(c.status()).as("a refused step changes nothing").isEqualTo(before);
                assertThat(c.eventSequence()).isEqualTo(sequenceBefore);
            }
            assertThat(c.claims()).isEqualTo(CLAIM);
            if (before == CaseStatus.RETURNED || before == CaseStatus.WITHDRAWN) {
                assertThat(c.status()).as("after " + before).isEqualTo(before);
            }
            if (c.status() == CaseStatus.IDENTIFIED || c.returnedTo() == ReturnedTo.FAMILY) {
                assertThat(c.established()).isNotNull();
            }
            if (c.established() != null) {
                assertThat(c.identificationId()).isNotNull();
            }
        }
        List<CaseHistoryEntry> statusChanges = history.stream()
                .filter(h -> h.kind().equals(CaseHistoryEntry.STATUS)).toList();
        for (int i = 1; i < statusChanges.size(); i++) {
            assertThat(statusChanges.get(i).fromValue()).isEqualTo(statusChanges.get(i - 1).toValue());
        }
        assertThat(statusChanges.get(statusChanges.size() - 1).toValue()).isEqualTo(c.status().name());
        assertThat(c.eventSequence()).isEqualTo(statusChanges.size());
    }

    @Test
    void anIdentificationByFingerprintsSkipsTheProfile() {
        RemainsCase c = opened();
        c.examined(EXAMINER, NOW);
        c.candidateProposed(EXAMINER, NOW);
        IdentificationProposal proposal = new IdentificationProposal(c.id(), IdentificationMethod.FINGERPRINTS, "ten-print",
                new EstablishedIdentity("Коваленко", null, null, null, "UA", null), EXAMINER, NOW);
        c.identified(proposal, SECOND, NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.IDENTIFIED);
        assertThat(c.established().surname()).isEqualTo("Коваленко");
        assertThat(c.claims().surname()).isEqualTo("Коваленко");
        assertThat(c.identificationMethod()).isEqualTo(IdentificationMethod.FINGERPRINTS);
    }

    @Test
    void aWithdrawalAfterTheHandoverIsNotedButDoesNotUndoIt() {
        RemainsCase c = opened();
        c.notANational("RU passport", false, EXAMINER, NOW);
        c.returned(ReturnedTo.SENDING_PARTY, "RU liaison", "Border", NOW, EXAMINER, NOW);
        CaseHistoryEntry entry = c.withdraw(2, false, NOW);
        assertThat(entry.kind()).isEqualTo(CaseHistoryEntry.WITHDRAWAL_NOT_APPLIED);
        assertThat(c.status()).isEqualTo(CaseStatus.RETURNED);
    }

    @Test
    void anIndividualSplitOffCarriesTheItemsClaimsAndASubTagAndAJoinedFragmentTakesNoWithdrawal() {
        RemainsCase bag = opened();
        bag.examined(EXAMINER, NOW);
        RemainsCase second = bag.splitOff(2, NOW);
        assertThat(second.itemId()).isEqualTo(bag.itemId());
        assertThat(second.tag()).isEqualTo(bag.tag() + "/2");
        assertThat(second.itemTag()).isEqualTo(bag.tag());
        assertThat(second.claims()).isEqualTo(bag.claims());
        assertThat(second.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(second.splitOff(3, NOW).tag()).as("numbered on the item, not on the split one").isEqualTo(bag.tag() + "/3");
        assertThat(bag.splitOff(2, NOW).id()).as("the same split applied again is the same case").isEqualTo(second.id());
        // Withdrawn after a split, or after a join: noted, not applied; the persons established stand.
        assertThat(bag.withdraw(2, true, NOW).kind()).isEqualTo(CaseHistoryEntry.WITHDRAWAL_NOT_APPLIED);
        second.joinInto(bag, "One person after all", EXAMINER, NOW);
        assertThat(second.status()).isEqualTo(CaseStatus.JOINED);
        assertThat(second.joinedInto()).isEqualTo(bag.id());
        assertThat(second.withdraw(3, false, NOW).kind()).isEqualTo(CaseHistoryEntry.WITHDRAWAL_NOT_APPLIED);
        assertThat(second.status()).isEqualTo(CaseStatus.JOINED);
        assertThatThrownBy(() -> bag.joinInto(bag, "x", EXAMINER, NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> second.splitOff(4, NOW)).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void fourEyesTheProposerNeverDecidesAndTheDeciderIsOfTheSameLaboratory() {
        IdentificationProposal proposal = new IdentificationProposal(UUID.randomUUID(), IdentificationMethod.DNA, "LR",
                new EstablishedIdentity("Коваленко", null, null, null, "UA", null), EXAMINER, NOW);
        assertThatThrownBy(() -> proposal.confirm(EXAMINER, null, NOW)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("proposed");
        assertThatThrownBy(() -> proposal.confirm(new Actor("examiner-c", "lab-ru"), null, NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("proposing organisation");
        assertThatThrownBy(() -> proposal.reject(SECOND, " ", NOW)).isInstanceOf(RuleViolation.class);
        proposal.confirm(SECOND, "agreed", NOW);
        assertThat(proposal.decidedBy()).isEqualTo("examiner-b");
        assertThatThrownBy(() -> proposal.reject(SECOND, "changed my mind", NOW)).isInstanceOf(InvalidTransition.class);
    }
}

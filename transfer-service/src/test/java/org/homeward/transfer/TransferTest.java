package org.homeward.transfer;

import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning rules of a handover, without any framework. */
class TransferTest {

    private static final UUID RU_TO_UA = UUID.randomUUID();
    private static final UUID UA_TO_RU = UUID.randomUUID();
    private static final List<AgreedTerm> TERMS = List.of(
            new AgreedTerm(RU_TO_UA, "REMAINS_REPATRIATION", "RU", "UA"),
            new AgreedTerm(UA_TO_RU, "REMAINS_REPATRIATION", "UA", "RU"));
    private static final HandoverPoint BORDER = new HandoverPoint("Border crossing", null, null, "Europe/Kyiv");
    private static final Instant NOW = Instant.parse("2025-06-10T06:00:00Z");

    private static Transfer plan(String status, List<UUID> terms, TransferKind kind, String from, String to, HandoverPoint point) {
        return Transfer.plan(UUID.randomUUID(), status, Set.of("org-tr-mfa"), TERMS, terms, kind, from, to, "org-icrc",
                point, NOW.plusSeconds(86400), "org-ru-coordination", NOW);
    }

    @Test
    void aPlanUnderAnActiveAgreementMatchingKindAndDirection() {
        Transfer transfer = plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA", BORDER);
        assertThat(transfer.state()).isEqualTo(TransferState.PLANNED);
        assertThat(transfer.eventSequence()).isEqualTo(1);
        assertThat(transfer.accessScope().admits("UA", "x")).isTrue();
        assertThat(transfer.accessScope().admits(null, "org-icrc")).isTrue();
        assertThat(transfer.accessScope().admits(null, "org-tr-mfa")).isTrue();
        assertThat(transfer.accessScope().admits("FR", "org-fr")).isFalse();
    }

    @Test
    void refusesPlansThatDoNotFitTheAgreement() {
        assertThatThrownBy(() -> plan("SUSPENDED", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA", BORDER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("SUSPENDED");
        assertThatThrownBy(() -> plan("ACTIVE", List.of(RU_TO_UA), TransferKind.PRISONERS, "RU", "UA", BORDER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("REMAINS_REPATRIATION");
        assertThatThrownBy(() -> plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "UA", "RU", BORDER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("from RU to UA");
        assertThatThrownBy(() -> plan("ACTIVE", List.of(UUID.randomUUID()), TransferKind.REMAINS, "RU", "UA", BORDER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("not a term");
        assertThatThrownBy(() -> plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA",
                new HandoverPoint("Border", null, null, "Mars/Olympus")))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("handoverPoint.timeZone");
    }

    @Test
    void cancelledOnlyBeforeDispatch() {
        Transfer transfer = plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA", BORDER);
        transfer.cancel("shelling near the crossing");
        assertThat(transfer.state()).isEqualTo(TransferState.CANCELLED);
        assertThat(transfer.eventSequence()).isEqualTo(2);
        assertThatThrownBy(() -> transfer.cancel("again")).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void dispatchConfirmsTheManifestsCountAndPrisonersNeedConsent() {
        Transfer remains = plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA", BORDER);
        assertThatThrownBy(() -> remains.dispatch(3, NOW, NOW)).isInstanceOf(InvalidTransition.class);
        remains.submitManifest(Map.of(RU_TO_UA, 3), NOW);
        assertThatThrownBy(() -> remains.dispatch(2, NOW, NOW)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("lists 3 item(s)");
        assertThatThrownBy(() -> remains.dispatch(3, NOW.plusSeconds(60), NOW)).isInstanceOf(RuleViolation.class)
                .extracting("field").isEqualTo("dispatchedAt");
        remains.dispatch(3, NOW, NOW);
        assertThat(remains.termCounts()).containsExactly(new TermCount(RU_TO_UA, 3, 3, 0));
        assertThat(remains.eventSequence()).isEqualTo(3);
        assertThatThrownBy(() -> remains.submitManifest(Map.of(RU_TO_UA, 4), NOW)).isInstanceOf(InvalidTransition.class);
        assertThatThrownBy(() -> remains.cancel("too late")).isInstanceOf(InvalidTransition.class);

        List<AgreedTerm> pow = List.of(new AgreedTerm(RU_TO_UA, "POW_EXCHANGE", "RU", "UA"));
        Transfer prisoners = Transfer.plan(UUID.randomUUID(), "ACTIVE", Set.of(), pow, List.of(RU_TO_UA),
                TransferKind.PRISONERS, "RU", "UA", "org-icrc", BORDER, NOW, "org-ru", NOW);
        prisoners.submitManifest(Map.of(RU_TO_UA, 2), NOW);
        prisoners.recordConsents(1);
        assertThatThrownBy(() -> prisoners.dispatch(2, NOW, NOW)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("1 prisoner(s)");
        prisoners.recordConsents(2);
        prisoners.dispatch(2, NOW, NOW);
        assertThat(prisoners.state()).isEqualTo(TransferState.DISPATCHED);
        assertThatThrownBy(() -> remains.recordConsents(1)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aReceiptCountIsProvisionalUntilReconciled() {
        Transfer transfer = plan("ACTIVE", List.of(RU_TO_UA), TransferKind.REMAINS, "RU", "UA", BORDER);
        transfer.submitManifest(Map.of(RU_TO_UA, 10), NOW);
        transfer.dispatch(10, NOW, NOW);
        assertThatThrownBy(() -> transfer.recordReceipt(Map.of(RU_TO_UA, 9), NOW.minusSeconds(1), NOW))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("receivedAt");
        assertThatThrownBy(() -> transfer.reconcile(Map.of(), TransferState.RECEIVED, NOW))
                .isInstanceOf(InvalidTransition.class);
        assertThat(transfer.recordReceipt(Map.of(RU_TO_UA, 9), NOW, NOW)).isFalse();
        assertThat(transfer.state()).isEqualTo(TransferState.PARTIALLY_RECEIVED);
        assertThat(transfer.termCounts()).containsExactly(new TermCount(RU_TO_UA, 10, 10, 9));
        transfer.reconcile(Map.of(RU_TO_UA, 9), TransferState.PARTIALLY_RECEIVED, NOW);
        assertThatThrownBy(() -> transfer.reconcile(Map.of(RU_TO_UA, 9), TransferState.RECEIVED, NOW))
                .isInstanceOf(InvalidTransition.class).hasMessageContaining("already reconciled");
        assertThat(transfer.eventSequence()).isEqualTo(5);
    }
}

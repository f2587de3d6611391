package org.homeward.transfer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
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
}

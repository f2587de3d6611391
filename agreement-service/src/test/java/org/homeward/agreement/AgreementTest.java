package org.homeward.agreement;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules of a draft agreement, without any framework. */
class AgreementTest {

    private static final List<PartyRef> UA_RU = List.of(new PartyRef("UA", "Ukraine"), new PartyRef("RU", "Russia"));
    private static final List<OrganisationRef> TURKEY_MEDIATES =
            List.of(new OrganisationRef("org-tr-mfa", OrganisationRole.MEDIATOR),
                    new OrganisationRef("org-icrc", OrganisationRole.INTERMEDIARY));

    private static Agreement draft(List<PartyRef> parties, List<OrganisationRef> organisations) {
        return Agreement.draft("IST-1", "Istanbul", LocalDate.of(2025, 6, 2), "Istanbul", parties, organisations,
                "org-ua-coordination", Instant.parse("2025-06-02T10:00:00Z"));
    }

    @Test
    void aNewDraftStartsAtSequenceOneAndIsVisibleToPartiesAndNamedOrganisations() {
        Agreement agreement = draft(UA_RU, TURKEY_MEDIATES);
        assertThat(agreement.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(agreement.eventSequence()).isEqualTo(1);
        assertThat(agreement.accessScope().admits("UA", "anything")).isTrue();
        assertThat(agreement.accessScope().admits(null, "org-icrc")).isTrue();
        assertThat(agreement.accessScope().admits("FR", "org-fr")).isFalse();
        assertThat(agreement.organisationsIn(OrganisationRole.MEDIATOR)).containsExactly("org-tr-mfa");
    }

    @Test
    void needsTwoDistinctRealParties() {
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine")), List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("two parties");
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine"), new PartyRef("UA", "Again")), List.of()))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("parties[1].code"));
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine"), new PartyRef("XX", "Nowhere")), List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ISO 3166");
    }

    @Test
    void onlyOwnPartyCoordinatorsAndTheMediatorMayDraft() {
        Agreement agreement = draft(UA_RU, TURKEY_MEDIATES);
        assertThat(agreement.mayBeDraftedBy("UA", "org-ua", true, false)).isTrue();
        assertThat(agreement.mayBeDraftedBy("FR", "org-fr", true, false)).isFalse();
        assertThat(agreement.mayBeDraftedBy(null, "org-tr-mfa", false, true)).isTrue();
        assertThat(agreement.mayBeDraftedBy(null, "org-icrc", false, true)).isFalse();
        assertThat(agreement.mayBeDraftedBy("UA", "org-ua", false, false)).isFalse();
    }
}

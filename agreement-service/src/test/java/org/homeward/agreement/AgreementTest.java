package org.homeward.agreement;

import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules of agreements, without any framework. */
class AgreementTest {

    private static final List<PartyRef> UA_RU = List.of(new PartyRef("UA", "Ukraine"), new PartyRef("RU", "Russia"));
    private static final List<OrganisationRef> TURKEY_MEDIATES =
            List.of(new OrganisationRef("org-tr-mfa", OrganisationRole.MEDIATOR),
                    new OrganisationRef("org-icrc", OrganisationRole.INTERMEDIARY));
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);
    private static final LocalDate EFFECTIVE = LocalDate.of(2025, 6, 7);

    private static AgreementContent content(List<Term> terms) {
        return new AgreementContent("IST-1", "Istanbul", JUNE_2, "Istanbul", null, EFFECTIVE, terms);
    }

    private static Agreement draft(List<PartyRef> parties, List<OrganisationRef> organisations, List<Term> terms) {
        return Agreement.draft(content(terms), parties, organisations, "org-ua-coordination", NOW);
    }

    private static Agreement istanbul() {
        return draft(UA_RU, TURKEY_MEDIATES, ReferenceStory.istanbulTerms());
    }

    private static Signature signature(String party) {
        return new Signature(party, "Signatory of " + party, "Head of delegation", NOW, "user-" + party);
    }

    @Test
    void theReferenceStoryIsExpressibleExactly() {
        Agreement agreement = istanbul();
        assertThat(agreement.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(agreement.eventSequence()).isEqualTo(1);
        assertThat(agreement.currentVersion().terms()).hasSize(6);
        assertThat(agreement.currentVersion().terms()).filteredOn(t -> t.basis() == TermBasis.N_FOR_N)
                .extracting(Term::committed).containsExactly(6000, 6000);
        assertThat(agreement.accessScope().admits(null, "org-icrc")).isTrue();
        assertThat(agreement.accessScope().admits("FR", "org-fr")).isFalse();
    }

    @Test
    void signedByEveryPartyItBecomesActiveOnItsEffectiveDate() {
        Agreement agreement = istanbul();
        agreement.sign(signature("UA"), JUNE_2);
        assertThat(agreement.status()).isEqualTo(AgreementStatus.DRAFT);
        agreement.sign(signature("RU"), JUNE_2);
        assertThat(agreement.status()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(agreement.activateIfDue(EFFECTIVE.minusDays(1))).isFalse();
        assertThat(agreement.activateIfDueAndAdvance(EFFECTIVE)).isTrue();
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.eventSequence()).isEqualTo(4);
    }

    @Test
    void signedAfterItsEffectiveDateItIsActiveAtOnce() {
        Agreement agreement = istanbul();
        agreement.sign(signature("UA"), EFFECTIVE.plusDays(3));
        agreement.sign(signature("RU"), EFFECTIVE.plusDays(3));
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
    }

    @Test
    void invalidTransitionsNameTheCurrentState() {
        Agreement agreement = istanbul();
        assertThatThrownBy(() -> agreement.suspend("why")).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("DRAFT");
        agreement.sign(signature("UA"), JUNE_2);
        assertThatThrownBy(() -> agreement.sign(signature("UA"), JUNE_2)).isInstanceOf(InvalidTransition.class);
        assertThatThrownBy(() -> agreement.editDraft(content(ReferenceStory.istanbulTerms())))
                .isInstanceOf(InvalidTransition.class);
        agreement.sign(signature("RU"), EFFECTIVE);
        agreement.suspend("ceasefire violation");
        assertThatThrownBy(() -> agreement.suspend("again")).hasMessageContaining("SUSPENDED");
        agreement.resume("talks resumed");
        agreement.terminate("superseded");
        assertThatThrownBy(() -> agreement.resume("no")).hasMessageContaining("TERMINATED");
        assertThatThrownBy(() -> agreement.sign(signature("FR"), JUNE_2)).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void completedWhenEveryPartyDeclaresIt() {
        Agreement agreement = istanbul();
        agreement.sign(signature("UA"), EFFECTIVE);
        agreement.sign(signature("RU"), EFFECTIVE);
        agreement.declareComplete("UA");
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThatThrownBy(() -> agreement.declareComplete("UA")).isInstanceOf(InvalidTransition.class);
        agreement.declareComplete("RU");
        assertThat(agreement.status()).isEqualTo(AgreementStatus.COMPLETED);
    }

    @Test
    void completedByFulfilmentOnlyWhenEveryTermCommitsANumber() {
        Agreement mixed = istanbul();
        mixed.sign(signature("UA"), EFFECTIVE);
        mixed.sign(signature("RU"), EFFECTIVE);
        assertThat(mixed.completeIfEveryQuantityFulfilled(Set.of(ReferenceStory.REMAINS_RU_TO_UA,
                ReferenceStory.REMAINS_UA_TO_RU))).isFalse();

        List<Term> remainsOnly = ReferenceStory.istanbulTerms().stream()
                .filter(t -> t.basis() == TermBasis.N_FOR_N).toList();
        Agreement remains = draft(UA_RU, List.of(), remainsOnly);
        remains.sign(signature("UA"), EFFECTIVE);
        remains.sign(signature("RU"), EFFECTIVE);
        assertThat(remains.completeIfEveryQuantityFulfilled(Set.of(ReferenceStory.REMAINS_RU_TO_UA))).isFalse();
        assertThat(remains.completeIfEveryQuantityFulfilled(Set.of(ReferenceStory.REMAINS_RU_TO_UA,
                ReferenceStory.REMAINS_UA_TO_RU))).isTrue();
        assertThat(remains.status()).isEqualTo(AgreementStatus.COMPLETED);
    }

    @Test
    void anAmendmentTakesEffectWhenEveryPartySignedItAndKeepsTermIds() {
        Agreement agreement = istanbul();
        agreement.sign(signature("UA"), EFFECTIVE);
        agreement.sign(signature("RU"), EFFECTIVE);
        List<Term> amended = new ArrayList<>();
        for (Term t : agreement.currentVersion().terms()) {
            amended.add(t.basis() == TermBasis.N_FOR_N ? new Term(t.id(), t.kind(), t.fromParty(), t.toParty(),
                    t.basis(), 7000, t.category(), t.customCategory(), t.dueDate(), t.reciprocalTermId(), t.ratio(),
                    t.reciprocalRatio(), 50) : t);
        }
        AgreementVersion proposed = agreement.proposeAmendment(EFFECTIVE, amended, "7,000 for 7,000", "org-tr-mfa", NOW);
        assertThat(proposed.number()).isEqualTo(2);
        assertThatThrownBy(() -> agreement.proposeAmendment(EFFECTIVE, amended, "again", "org-tr-mfa", NOW))
                .isInstanceOf(InvalidTransition.class);
        agreement.signAmendment(2, signature("UA"), EFFECTIVE);
        assertThat(agreement.currentVersion().number()).isEqualTo(1);
        agreement.signAmendment(2, signature("RU"), EFFECTIVE);
        assertThat(agreement.currentVersion().number()).isEqualTo(2);
        assertThat(agreement.versions()).extracting(AgreementVersion::state)
                .containsExactly(VersionState.SUPERSEDED, VersionState.ADOPTED);
        assertThat(agreement.currentVersion().terms()).extracting(Term::id)
                .containsExactlyElementsOf(agreement.versions().get(0).terms().stream().map(Term::id).toList());
    }

    @Test
    void termsAreCheckedAgainstThePartiesAndEachOther() {
        Term good = ReferenceStory.istanbulTerms().get(0);
        assertThatThrownBy(() -> draft(UA_RU, List.of(), List.of(new Term(UUID.randomUUID(), TermKind.POW_EXCHANGE,
                "UA", "FR", TermBasis.ALL_FOR_ALL, null, PrisonerCategory.ALL, null, null, null, null, null, null))))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("terms[0].toParty");
        assertThatThrownBy(() -> draft(UA_RU, List.of(), List.of(new Term(UUID.randomUUID(), TermKind.REMAINS_REPATRIATION,
                "UA", "RU", TermBasis.QUANTITY, null, null, null, null, null, null, null, null))))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("terms[0].quantity");
        assertThatThrownBy(() -> draft(UA_RU, List.of(), List.of(good, new Term(UUID.randomUUID(),
                TermKind.REMAINS_REPATRIATION, "UA", "RU", TermBasis.N_FOR_N, 10, null, null, null, good.id(), 1, 1, 0))))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("terms[1].reciprocal");
        assertThatThrownBy(() -> draft(UA_RU, List.of(), List.of(new Term(UUID.randomUUID(), TermKind.POW_EXCHANGE,
                "UA", "RU", TermBasis.ALL_FOR_ALL, null, null, null, null, null, null, null, null))))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("terms[0].category");
    }

    @Test
    void needsTwoDistinctRealParties() {
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine")), List.of(), List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("two parties");
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine"), new PartyRef("UA", "Again")), List.of(), List.of()))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("parties[1].code");
        assertThatThrownBy(() -> draft(List.of(new PartyRef("UA", "Ukraine"), new PartyRef("XX", "Nowhere")), List.of(), List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ISO 3166");
    }

    @Test
    void onlyOwnPartyCoordinatorsAndTheMediatorMayDraft() {
        Agreement agreement = istanbul();
        assertThat(agreement.mayBeDraftedBy("UA", "org-ua", true, false)).isTrue();
        assertThat(agreement.mayBeDraftedBy("FR", "org-fr", true, false)).isFalse();
        assertThat(agreement.mayBeDraftedBy(null, "org-tr-mfa", false, true)).isTrue();
        assertThat(agreement.mayBeDraftedBy(null, "org-icrc", false, true)).isFalse();
        assertThat(agreement.mayBeDraftedBy("UA", "org-ua", false, false)).isFalse();
    }
}

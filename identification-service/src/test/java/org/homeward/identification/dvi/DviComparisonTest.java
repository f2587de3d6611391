package org.homeward.identification.dvi;

import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.dvi.comparison.Belonging;
import org.homeward.identification.dvi.comparison.BodyRegion;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.dvi.comparison.DviComparison;
import org.homeward.identification.dvi.comparison.FingerprintComparison;
import org.homeward.identification.dvi.comparison.FoundDocument;
import org.homeward.identification.dvi.comparison.Mark;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.dvi.comparison.Range;
import org.homeward.identification.dvi.comparison.Source;
import org.homeward.identification.dvi.comparison.ToothRecord;
import org.homeward.identification.dvi.comparison.ToothState;
import org.homeward.identification.register.Sex;
import org.homeward.platform.linkage.BirthDate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation's exclusions and concordances on records filled as the DVI forms' fields are: the post-mortem
 * form's sex, age, stature, dental chart, fingerprints, marks, clothing, effects and documents against the
 * ante-mortem form's (and the register's sex and date of birth).
 */
class DviComparisonTest {

    private static final LocalDate RECEIVED = LocalDate.of(2025, 6, 11);
    private static final DviComparison RECONCILIATION = new DviComparison(4);
    private static final UUID PERSON = UUID.randomUUID();

    private static final List<ToothRecord> CHART = List.of(
            new ToothRecord(16, ToothState.PRESENT, "MOD", false, false),
            new ToothRecord(26, ToothState.PRESENT, "O", false, false),
            new ToothRecord(36, ToothState.MISSING_ANTE_MORTEM, null, false, false),
            new ToothRecord(21, ToothState.PRESENT, null, true, true),
            new ToothRecord(11, ToothState.PRESENT, null, false, false));

    private static PostMortem postMortem(Sex sex, Range age, Range stature, List<ToothRecord> dental) {
        return new PostMortem(sex == null ? null : new PostMortem.SexFinding(sex, "pelvic morphology"),
                age == null ? null : new PostMortem.Estimate(age, "pubic symphysis"),
                stature == null ? null : new PostMortem.Estimate(stature, "femur length, Trotter and Gleser"),
                dental, null, null, null, null, null, null);
    }

    private static AnteMortem anteMortem(Range stature, List<ToothRecord> dental, LocalDate disappearedOn) {
        return new AnteMortem(disappearedOn == null ? null : new AnteMortem.Dated(disappearedOn, Source.MILITARY_RECORD),
                stature == null ? null : new AnteMortem.Measured(stature, Source.MILITARY_RECORD),
                dental == null ? null : new AnteMortem.Chart(dental, LocalDate.of(2023, 3, 1), Source.DENTAL_RECORD),
                null, null, null, null);
    }

    private static DviComparison.Person person(Sex sex, Integer birthYear) {
        return new DviComparison.Person(PERSON, sex, new BirthDate(birthYear, null, null), "UA-1234567");
    }

    @Test
    void aMatchingChartWithNothingAgainstIsAPrimaryIdentifier() {
        Comparison comparison = RECONCILIATION.compare(postMortem(Sex.MALE, new Range(25, 35), new Range(172, 182), CHART),
                anteMortem(new Range(178, 178), CHART, LocalDate.of(2024, 8, 1)), person(Sex.MALE, 1995), RECEIVED);

        assertThat(comparison.excluded()).isFalse();
        assertThat(comparison.dentalPoints()).isEqualTo(4);
        assertThat(comparison.primary()).containsExactly(Comparison.Identifier.ODONTOLOGY);
        assertThat(comparison.strength()).isEqualTo(Comparison.Strength.PRIMARY);
        assertThat(comparison.concordances()).extracting(Comparison.Reason::by).containsOnly(Comparison.Identifier.ODONTOLOGY)
                .as("a stature within the estimate is consistent, no concordance").hasSize(4);
        assertThat(comparison.summary()).contains("PRIMARY by [ODONTOLOGY]", "4 dental point(s)", "tooth 16");
    }

    @Test
    void fewerPointsThanTheLaboratoryAsksAreSupportingOnly() {
        Comparison comparison = new DviComparison(5).compare(postMortem(null, null, null, CHART),
                anteMortem(null, CHART, null), person(null, null), RECEIVED);

        assertThat(comparison.primary()).isEmpty();
        assertThat(comparison.strength()).isEqualTo(Comparison.Strength.SUPPORTING);
    }

    @Test
    void eachHardExclusionExcludesWithItsReason() {
        PostMortem remains = postMortem(Sex.FEMALE, new Range(40, 50), new Range(160, 166), CHART);
        List<ToothRecord> otherChart = new ArrayList<>(CHART.subList(1, CHART.size()));
        otherChart.add(new ToothRecord(16, ToothState.MISSING_ANTE_MORTEM, null, false, false));

        Comparison comparison = RECONCILIATION.compare(remains, anteMortem(new Range(180, 185), otherChart, null),
                person(Sex.MALE, 2000), RECEIVED);

        assertThat(comparison.exclusions()).extracting(Comparison.Reason::by).containsExactlyInAnyOrder(
                Comparison.Identifier.SEX, Comparison.Identifier.AGE, Comparison.Identifier.STATURE,
                Comparison.Identifier.ODONTOLOGY);
        assertThat(comparison.exclusions()).extracting(Comparison.Reason::text).anySatisfy(text ->
                assertThat(text).contains("at most 25"));
        assertThat(comparison.exclusions()).extracting(Comparison.Reason::text).anySatisfy(text ->
                assertThat(text).contains("unexplainable discrepancy, tooth 16"));
        assertThat(comparison.primary()).as("an unexplainable discrepancy cancels the dental points").isEmpty();
        assertThat(comparison.strength()).isEqualTo(Comparison.Strength.EXCLUDED);
    }

    @Test
    void remainsTooYoungForWhenHeDisappearedAreExcludedAndABirthdayNeverIs() {
        PostMortem young = postMortem(null, new Range(18, 22), null, null);
        Comparison tooYoung = RECONCILIATION.compare(young, anteMortem(null, null, LocalDate.of(2024, 1, 1)),
                person(null, 1990), RECEIVED);
        assertThat(tooYoung.exclusions()).extracting(Comparison.Reason::text).singleElement().asString()
                .contains("at least 33");

        // Born in 2003, received in 2025: 21 or 22 at death. An estimate of 22 to 30 stands; 18 to 21 too.
        assertThat(RECONCILIATION.compare(postMortem(null, new Range(22, 30), null, null), anteMortem(null, null,
                LocalDate.of(2025, 1, 1)), person(null, 2003), RECEIVED).excluded()).isFalse();
        assertThat(RECONCILIATION.compare(postMortem(null, new Range(18, 21), null, null), anteMortem(null, null,
                LocalDate.of(2025, 1, 1)), person(null, 2003), RECEIVED).excluded()).isFalse();
        assertThat(RECONCILIATION.compare(postMortem(null, new Range(23, 30), null, null), anteMortem(null, null, null),
                person(null, 2003), RECEIVED).excluded()).isTrue();
    }

    @Test
    void aFamilysRememberedStatureIsTakenWithAToleranceAndSeenAliveAfterTheRemainsArrivedExcludes() {
        PostMortem remains = postMortem(null, null, new Range(172, 176), null);
        AnteMortem remembered = new AnteMortem(null, new AnteMortem.Measured(new Range(180, 180), Source.FAMILY_INTERVIEW),
                null, null, null, null, null);
        AnteMortem measured = new AnteMortem(null, new AnteMortem.Measured(new Range(180, 180), Source.MILITARY_RECORD),
                null, null, null, null, null);
        assertThat(RECONCILIATION.compare(remains, remembered, person(null, null), RECEIVED).excluded()).isFalse();
        assertThat(RECONCILIATION.compare(remains, measured, person(null, null), RECEIVED).exclusions())
                .extracting(Comparison.Reason::by).containsExactly(Comparison.Identifier.STATURE);

        AnteMortem seenLater = anteMortem(null, null, RECEIVED.plusDays(3));
        assertThat(RECONCILIATION.compare(remains, seenLater, person(null, null), RECEIVED).exclusions())
                .extracting(Comparison.Reason::text).singleElement().asString().contains("after the remains arrived");
    }

    @Test
    void aProposalQuotesAFewReasonsOfEachKindNotAll() {
        List<Mark> many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> new Mark(Mark.Kind.TATTOO,
                BodyRegion.BACK, "Star number " + i + " " + "x".repeat(300), null)).toList();
        PostMortem remains = new PostMortem(null, null, null, null, null, many, null, null, null, null);
        AnteMortem known = new AnteMortem(null, null, null, null, many.stream().map(m -> new Mark(m.kind(), m.region(),
                m.description(), Source.FAMILY_INTERVIEW)).toList(), null, null);

        Comparison comparison = RECONCILIATION.compare(remains, known, person(null, null), RECEIVED);

        assertThat(comparison.concordances()).hasSize(30);
        assertThat(comparison.summary()).contains("and 18 more").hasSizeLessThan(4_000);
    }

    @Test
    void unknownSectionsNeverExclude() {
        Comparison comparison = RECONCILIATION.compare(postMortem(Sex.MALE, new Range(30, 40), new Range(170, 175), CHART),
                AnteMortem.EMPTY, new DviComparison.Person(PERSON, null, BirthDate.UNKNOWN, null), RECEIVED);

        assertThat(comparison.excluded()).isFalse();
        assertThat(comparison.strength()).isEqualTo(Comparison.Strength.NONE);
    }

    @Test
    void fingerprintsRecordedFromAnAfisRunIdentifyOrExcludeTheNamedPersonOnly() {
        UUID other = UUID.randomUUID();
        PostMortem printed = new PostMortem(null, null, null, null, new PostMortem.Fingerprints(true, List.of(
                new FingerprintComparison(PERSON, FingerprintComparison.Result.IDENTIFICATION, "AFIS-UA-2025-0611-17",
                        LocalDate.of(2025, 6, 12)),
                new FingerprintComparison(other, FingerprintComparison.Result.EXCLUSION, "AFIS-UA-2025-0611-18",
                        LocalDate.of(2025, 6, 12)))), null, null, null, null, null);

        Comparison identified = RECONCILIATION.compare(printed, AnteMortem.EMPTY, person(null, null), RECEIVED);
        Comparison excluded = RECONCILIATION.compare(printed, AnteMortem.EMPTY,
                new DviComparison.Person(other, null, BirthDate.UNKNOWN, null), RECEIVED);

        assertThat(identified.primary()).containsExactly(Comparison.Identifier.FINGERPRINTS);
        assertThat(identified.concordances()).extracting(Comparison.Reason::text).singleElement().asString()
                .contains("AFIS-UA-2025-0611-17");
        assertThat(excluded.exclusions()).extracting(Comparison.Reason::by).containsExactly(Comparison.Identifier.FINGERPRINTS);
    }

    @Test
    void marksEffectsAndDocumentsConcordWhenTheyDescribeTheSameThing() {
        PostMortem remains = new PostMortem(null, null, null, null, null,
                List.of(new Mark(Mark.Kind.TATTOO, BodyRegion.LEFT_FOREARM, "Trident with the date 2014", null),
                        new Mark(Mark.Kind.SCAR, BodyRegion.ABDOMEN, "Appendectomy scar", null)),
                List.of(new Belonging("Pixel camouflage jacket", null)),
                List.of(new Belonging("Silver wedding ring engraved Olena", null)),
                List.of(new FoundDocument("Military identity card", "UA 1234567")), null);
        AnteMortem known = new AnteMortem(null, null, null, null,
                List.of(new Mark(Mark.Kind.TATTOO, BodyRegion.LEFT_FOREARM, "trident with date 2014", Source.FAMILY_INTERVIEW),
                        // The same words on the other arm are another mark.
                        new Mark(Mark.Kind.SCAR, BodyRegion.CHEST, "Appendectomy scar", Source.MEDICAL_RECORD)),
                List.of(new Belonging("Camouflage trousers", Source.FAMILY_INTERVIEW)),
                List.of(new Belonging("silver wedding ring engraved 'Olena'", Source.FAMILY_INTERVIEW)));

        Comparison comparison = RECONCILIATION.compare(remains, known, person(null, null), RECEIVED);

        assertThat(comparison.concordances()).extracting(Comparison.Reason::by).containsExactlyInAnyOrder(
                Comparison.Identifier.MARKS, Comparison.Identifier.EFFECTS, Comparison.Identifier.DOCUMENTS);
        assertThat(comparison.strength()).as("secondary identifiers alone support, never identify")
                .isEqualTo(Comparison.Strength.SUPPORTING);
    }

    @Test
    void theBestComeFirstAndTheExcludedLast() {
        Comparison excluded = RECONCILIATION.compare(postMortem(Sex.FEMALE, null, null, null), AnteMortem.EMPTY,
                new DviComparison.Person(UUID.randomUUID(), Sex.MALE, BirthDate.UNKNOWN, null), RECEIVED);
        Comparison nothing = RECONCILIATION.compare(postMortem(null, null, null, CHART), AnteMortem.EMPTY,
                new DviComparison.Person(UUID.randomUUID(), null, BirthDate.UNKNOWN, null), RECEIVED);
        Comparison primary = RECONCILIATION.compare(postMortem(null, null, null, CHART), anteMortem(null, CHART, null),
                new DviComparison.Person(UUID.randomUUID(), null, BirthDate.UNKNOWN, null), RECEIVED);

        List<Comparison> ranked = new ArrayList<>(List.of(excluded, nothing, primary));
        ranked.sort(Comparison.BEST_FIRST);

        assertThat(ranked).containsExactly(primary, nothing, excluded);
    }
}

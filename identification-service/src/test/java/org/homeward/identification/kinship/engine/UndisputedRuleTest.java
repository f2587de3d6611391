package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Each clause of the undisputed rule on its own, at its boundary: weakening a clause (a margin of 1, a lower
 * posterior, fewer loci) turns one of these verdicts around.
 */
class UndisputedRuleTest {

    private static final double PRIOR = 1e-3;
    private static final UndisputedRule DEFAULTS = UndisputedRule.defaults(1000);
    /** The defaults with a posterior low enough that the margin clauses are tested alone. */
    private static final UndisputedRule MARGIN_ONLY = new UndisputedRule(0.99, 1000, 12, 1000);

    private static UndisputedRule.Candidate candidate(double lr, int loci) {
        return alone(lr, PRIOR, loci, true, List.of(), false);
    }

    /** A candidate of his own family, resting on relatives no rival rests on. */
    private static UndisputedRule.Candidate alone(double lr, double prior, int loci, boolean missing,
                                                  List<ReferenceCheck> references, boolean sexExcluded) {
        String person = UUID.randomUUID().toString();
        return new UndisputedRule.Candidate(lr, prior, loci, missing, references, sexExcluded, person,
                Map.of(person + ":mother", Relation.PARENT), Map.of());
    }

    /** A candidate with the given ratios per locus (their product is its LR), of a family and relatives named. */
    private static UndisputedRule.Candidate related(String familyGroup, Set<String> relatives, Map<String, Double> perLocus) {
        return related(familyGroup, relatives, perLocus, List.of());
    }

    /** The same, with his references' own checks; every relative named is a parent of his. */
    private static UndisputedRule.Candidate related(String familyGroup, Set<String> relatives, Map<String, Double> perLocus,
                                                    List<ReferenceCheck> references) {
        double lr = perLocus.values().stream().reduce(1.0, (a, b) -> a * b);
        Map<String, Relation> asParents = new LinkedHashMap<>();
        relatives.forEach(relative -> asParents.put(relative, Relation.PARENT));
        return new UndisputedRule.Candidate(lr, PRIOR, perLocus.size(), true, references, false, familyGroup, asParents,
                perLocus);
    }

    /** {@code count} loci named L1, L2, ... each with the ratio given. */
    private static Map<String, Double> loci(int count, double ratio) {
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            perLocus.put("L" + i, ratio);
        }
        return perLocus;
    }

    @Test
    void brothersSharingTheirMothersSampleAreComparedOnTheLociBothCompared() {
        // The mother registered for each son, typed on 15 loci for one and 21 for the other: on 21 loci the
        // other son's ratio is 10^6 times this one's, but on the 15 both compared they are the same.
        List<UndisputedRule.Candidate> brothers = List.of(
                related("family-b", Set.of("mother"), loci(21, 10)),
                related("family-a", Set.of("mother"), loci(15, 10)));
        UndisputedRule noPosterior = new UndisputedRule(1e-9, 1000, 12, 1);

        assertThat(noPosterior.judge(brothers, 0, 0).failed())
                .containsExactly("LR under 1000.0 times a related rival on the loci both compared");
        // The same numbers from unrelated families: the 21-locus candidate is a millionfold ahead.
        List<UndisputedRule.Candidate> strangers = List.of(
                related("family-b", Set.of("mother-b"), loci(21, 10)),
                related("family-a", Set.of("mother-a"), loci(15, 10)));
        assertThat(noPosterior.judge(strangers, 0, 0).undisputed()).isTrue();
    }

    @Test
    void aRelatedRivalIsStillOutweighedByAThousandfoldOnTheSharedLoci() {
        Map<String, Double> ahead = loci(15, 10);
        ahead.put("L1", 10_000.0);
        Map<String, Double> justShort = loci(15, 10);
        justShort.put("L1", 9_999.0);
        UndisputedRule noPosterior = new UndisputedRule(1e-9, 1000, 12, 1);

        assertThat(noPosterior.judge(List.of(related("g", Set.of("mother"), ahead),
                related("g", Set.of("mother"), loci(21, 10))), 0, 0).undisputed()).isTrue();
        assertThat(noPosterior.judge(List.of(related("g", Set.of("mother"), justShort),
                related("g", Set.of("mother"), loci(21, 10))), 0, 0).failed())
                .containsExactly("LR under 1000.0 times a related rival on the loci both compared");
    }

    @Test
    void aRelatedRivalWeighedOnOtherReferencesDisputesTheCandidateWhenItsRatioSupportsIt() {
        // One son's file has both parents, the other's the mother only; no family group was stated.
        List<UndisputedRule.Candidate> brothers = List.of(
                related("son-1", Set.of("mother", "father"), loci(21, 100)),
                related("son-2", Set.of("mother"), loci(21, 2)));
        UndisputedRule noPosterior = new UndisputedRule(1e-9, 1000, 12, 1);

        assertThat(noPosterior.judge(brothers, 0, 0).failed()).containsExactly(UndisputedRule.OTHER_REFERENCES);
        // A stated family whose references do not carry over whole (a father and his son) is no exception.
        List<UndisputedRule.Candidate> fatherAndSon = List.of(
                related("family", Set.of("grandfather", "grandmother"), loci(21, 100)),
                related("family", Set.of("uncle"), loci(21, 2)));
        assertThat(noPosterior.judge(fatherAndSon, 0, 0).failed()).containsExactly(UndisputedRule.OTHER_REFERENCES);
        // Brothers of a stated group rest on the same relatives: the shared-loci margin decides.
        List<UndisputedRule.Candidate> grouped = List.of(
                related("family", Set.of("mother", "father"), loci(21, 100)),
                related("family", Set.of("mother", "father"), loci(21, 2)));
        assertThat(noPosterior.judge(grouped, 0, 0).undisputed()).isTrue();
        // A related rival the data speak against (LR below 1) disputes nothing.
        List<UndisputedRule.Candidate> excluded = List.of(
                related("family", Set.of("mother", "razor"), loci(21, 100)),
                related("family", Set.of("mother"), loci(21, 0.5)));
        assertThat(noPosterior.judge(excluded, 0, 0).undisputed()).isTrue();
    }

    @Test
    void aBrotherWhoseFileHasASampleThatDoesNotFitSendsTheFamilyToReviewHoweverWeakHeIs() {
        // His father's sample excludes the remains: misattributed, it may be what hides him.
        ReferenceCheck notHisFather = new ReferenceCheck("father-b", Relation.PARENT, 1e-30, List.of("TPOX", "FGA"));
        ReferenceCheck hisOwnRazor = new ReferenceCheck("razor-b", Relation.IDENTITY, 0, List.of("TPOX", "FGA", "vWA"));
        UndisputedRule noPosterior = new UndisputedRule(1e-9, 1000, 12, 1);
        UndisputedRule.Candidate named = related("a", Set.of("mother", "father-a"), loci(21, 100));

        assertThat(noPosterior.judge(List.of(named, related("b", Set.of("mother", "father-b"), loci(21, 0),
                List.of(notHisFather))), 0, 0).failed()).containsExactly(UndisputedRule.RIVAL_DOES_NOT_FIT);
        // His own personal effects, or his son, not matching are what a brother's remains show.
        ReferenceCheck hisSon = new ReferenceCheck("son-b", Relation.CHILD, 1e-12, List.of("TPOX", "FGA", "vWA"));
        assertThat(noPosterior.judge(List.of(named, related("b", Set.of("mother"), loci(21, 0),
                List.of(hisOwnRazor, hisSon))), 0, 0).undisputed()).isTrue();
        // A relative who is no parent of both (a father's file and his son's) need not fit.
        UndisputedRule.Candidate son = new UndisputedRule.Candidate(1e42, PRIOR, 21, true, List.of(), false, "f",
                Map.of("razor", Relation.PARENT, "mother", Relation.PARENT), loci(21, 100));
        UndisputedRule.Candidate father = new UndisputedRule.Candidate(0, PRIOR, 21, true, List.of(new ReferenceCheck(
                "grandfather", Relation.PARENT, 1e-9, List.of("TPOX", "FGA"))), false, "f",
                Map.of("razor", Relation.IDENTITY, "grandfather", Relation.PARENT), loci(21, 0));
        assertThat(noPosterior.judge(List.of(son, father), 0, 0).undisputed()).isTrue();
    }

    @Test
    void aRivalNoLongerMissingIsNotTheBodyAndTakesNoShareOfThePosterior() {
        Map<String, Relation> parents = Map.of("mother", Relation.PARENT, "father", Relation.PARENT);
        UndisputedRule.Candidate released = new UndisputedRule.Candidate(1e15, PRIOR, 21, false, List.of(), false,
                "family", parents, loci(21, Math.pow(1e15, 1.0 / 21)));
        UndisputedRule.Candidate brother = new UndisputedRule.Candidate(1e15, PRIOR, 21, true, List.of(), false,
                "family", parents, loci(21, Math.pow(1e15, 1.0 / 21)));

        UndisputedRule.Verdict verdict = DEFAULTS.judge(List.of(brother, released), 0, 0);
        assertThat(verdict.undisputed()).isTrue();
        assertThat(verdict.posterior()).isGreaterThan(0.9999);
        // Both still missing, the same numbers share the posterior and neither is named.
        UndisputedRule.Candidate missingToo = new UndisputedRule.Candidate(1e15, PRIOR, 21, true, List.of(), false,
                "family", parents, loci(21, Math.pow(1e15, 1.0 / 21)));
        assertThat(DEFAULTS.judge(List.of(brother, missingToo), 0, 0).undisputed()).isFalse();
    }

    @Test
    void aCandidateFarAheadOfEveryRivalOnEnoughLociIsUndisputed() {
        UndisputedRule.Verdict verdict = DEFAULTS.judge(List.of(candidate(1e15, 21)), 0, 0);

        assertThat(verdict.undisputed()).isTrue();
        assertThat(verdict.posterior()).isCloseTo(1e15 * PRIOR / (1e15 * PRIOR + 1 - PRIOR), within(1e-15));
    }

    @Test
    void twoBrothersWithTheSameRatioShareThePosteriorAndNeitherIsUndisputed() {
        List<UndisputedRule.Candidate> brothers = List.of(candidate(1e15, 21), candidate(1e15, 21));

        for (int i = 0; i < 2; i++) {
            UndisputedRule.Verdict verdict = DEFAULTS.judge(brothers, i, 0);
            assertThat(verdict.posterior()).isCloseTo(0.5, within(1e-9));
            assertThat(verdict.undisputed()).isFalse();
            assertThat(verdict.failed()).contains("posterior below 0.9995");
        }
    }

    @Test
    void theMarginOverARivalOfTheSameRemainsIsAThousandfold() {
        List<UndisputedRule.Candidate> justShort = List.of(candidate(1e14, 21), candidate(1.0001e11, 21));
        List<UndisputedRule.Candidate> justEnough = List.of(candidate(1e14, 21), candidate(1e11, 21));

        assertThat(MARGIN_ONLY.judge(justShort, 0, 0).failed())
                .containsExactly("LR under 1000.0 times a rival of the same remains");
        assertThat(MARGIN_ONLY.judge(justEnough, 0, 0).undisputed()).isTrue();
    }

    @Test
    void theMarginOverTheSamePersonInOtherRemainsIsAThousandfold() {
        List<UndisputedRule.Candidate> alone = List.of(candidate(1e14, 21));

        assertThat(MARGIN_ONLY.judge(alone, 0, 1.0001e11).failed())
                .containsExactly("LR under 1000.0 times the same person's ratio in other remains");
        assertThat(MARGIN_ONLY.judge(alone, 0, 1e11).undisputed()).isTrue();
    }

    @Test
    void rivalsUnderTheReportingThresholdCountAsTheThresholdItself() {
        // No stored rival, but 5e5 is under 1,000 times the reporting threshold of 1,000.
        assertThat(MARGIN_ONLY.judge(List.of(candidate(5e5, 21)), 0, 0).failed())
                .contains("LR under 1000.0 times a rival of the same remains");
        assertThat(MARGIN_ONLY.judge(List.of(candidate(1e6, 21)), 0, 0).undisputed()).isTrue();
    }

    @Test
    void fewerThanTwelveLociAreNoIdentityHoweverRareTheAlleles() {
        assertThat(DEFAULTS.judge(List.of(candidate(1e25, 11)), 0, 0).failed())
                .containsExactly("fewer than 12 loci compared");
        assertThat(DEFAULTS.judge(List.of(candidate(1e25, 12)), 0, 0).undisputed()).isTrue();
    }

    @Test
    void aPersonNoLongerMissingIsNeverTheUndisputedIdentity() {
        UndisputedRule.Candidate released = alone(1e25, PRIOR, 21, false, List.of(), false);

        assertThat(DEFAULTS.judge(List.of(released), 0, 0).failed()).containsExactly("the person is no longer missing");
    }

    @Test
    void aFamilyWithAReferenceThatDoesNotFitIsForReviewNotForAProposal() {
        ReferenceCheck father = new ReferenceCheck("d1", Relation.PARENT, 1e6, List.of());
        ReferenceCheck effects = new ReferenceCheck("d2", Relation.IDENTITY, 8.9e25, List.of());
        ReferenceCheck notTheMother = new ReferenceCheck("d3", Relation.PARENT, 5.7e-39, List.of("TPOX", "FGA", "vWA"));
        ReferenceCheck oneMutation = new ReferenceCheck("d4", Relation.PARENT, 0.3, List.of("D8S1179"));
        ReferenceCheck twoLoci = new ReferenceCheck("d5", Relation.PARENT, 40, List.of("D8S1179", "TPOX"));

        assertThat(DEFAULTS.judge(List.of(alone(8.9e25, PRIOR, 21, true, List.of(father, effects), false)),
                0, 0).undisputed()).isTrue();
        assertThat(DEFAULTS.judge(List.of(alone(8.9e25, PRIOR, 21, true,
                List.of(father, effects, notTheMother), false)), 0, 0).failed()).containsExactly(
                "a reference of the family has an LR below 1 (review the family)",
                "a reference is inconsistent with its stated relationship at 2 or more loci (review the family)");
        // Two inconsistent loci are enough, whatever the ratio.
        assertThat(DEFAULTS.judge(List.of(alone(1e20, PRIOR, 21, true, List.of(twoLoci), false)),
                0, 0).failed()).containsExactly(
                "a reference is inconsistent with its stated relationship at 2 or more loci (review the family)");
        // One inconsistent locus may be a mutation; an LR below 1 still sends the family to review.
        assertThat(DEFAULTS.judge(List.of(alone(1e20, PRIOR, 21, true, List.of(oneMutation), false)),
                0, 0).failed()).containsExactly("a reference of the family has an LR below 1 (review the family)");
    }

    @Test
    void aYChromosomeIsNeverAWomansIdentity() {
        UndisputedRule.Candidate excluded = alone(1e25, PRIOR, 21, true, List.of(), true);

        assertThat(DEFAULTS.judge(List.of(excluded), 0, 0).failed())
                .containsExactly("the remains' DNA shows a Y chromosome and the missing person is a woman");
    }

    @Test
    void thePosteriorClauseIsIcmpsThreshold() {
        // LR p / (LR p + 1 - p) = 0.9995 at LR = 0.9995 (1 - p) / (0.0005 p).
        double boundary = 0.9995 * (1 - PRIOR) / (0.0005 * PRIOR);
        UndisputedRule posteriorOnly = new UndisputedRule(0.9995, 1, 12, 1);

        assertThat(posteriorOnly.judge(List.of(candidate(boundary * 0.999, 21)), 0, 0).failed())
                .containsExactly("posterior below 0.9995");
        assertThat(posteriorOnly.judge(List.of(candidate(boundary * 1.001, 21)), 0, 0).undisputed()).isTrue();
    }

    @Test
    void theCasePosteriorsNeverAddUpToMoreThanOne() {
        List<UndisputedRule.Candidate> ofCase = List.of(candidate(1e9, 21), candidate(3e8, 15), candidate(2e4, 21),
                alone(1e12, 0.2, 21, true, List.of(), false));
        double sum = 0;
        for (int i = 0; i < ofCase.size(); i++) {
            sum += UndisputedRule.posteriorAmong(ofCase, i);
        }
        assertThat(sum).isLessThanOrEqualTo(1 + 1e-12).isGreaterThan(0.99);
    }

    /** A Y-STR part of the given ratio (0: it excludes). */
    private static UndisputedRule.Lineage y(double lr) {
        return new UndisputedRule.Lineage("Y_STR", lr, lr == 0, true);
    }

    /** An mtDNA part of the given ratio (0: it excludes). */
    private static UndisputedRule.Lineage mt(double lr) {
        return new UndisputedRule.Lineage("MT_DNA", lr, lr == 0, true);
    }

    /** An unrelated candidate with an autosomal ratio and lineage parts, resting on a father. */
    private static UndisputedRule.Candidate withLineage(double autosomal, List<UndisputedRule.Lineage> lineage,
                                                        List<ReferenceCheck> references, Map<String, Integer> methods) {
        String person = UUID.randomUUID().toString();
        double lr = autosomal;
        for (UndisputedRule.Lineage part : lineage) {
            lr *= part.inRatio() && !part.excludes() ? part.lr() : 1;
        }
        return new UndisputedRule.Candidate(lr, PRIOR, 20, true, references, false, person,
                Map.of(person + ":father", Relation.PARENT), Map.of(), autosomal, lineage, methods);
    }

    @Test
    void aYStrRatioNeverCountsTowardsTheMarginOverARivalWhoMayBeOfTheSameLine() {
        // 10^7 autosomal and a Y ratio of 10^3 against a rival at 10^6 with no Y typed: 10^10 is ten thousand times
        // his ratio, but he may be of the same paternal line (a cousin nobody stated), where the Y says nothing.
        UndisputedRule.Candidate candidate = withLineage(1e7, List.of(y(1e3)), List.of(), Map.of());
        UndisputedRule.Candidate untyped = withLineage(1e6, List.of(), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, untyped), 0, 0).failed())
                .containsExactly("LR under 1000.0 times a rival of the same remains");
        // A rival whose own father's Y excludes the remains' line is of another line: the Y now counts.
        UndisputedRule.Candidate otherLine = withLineage(1e6, List.of(y(0)), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, otherLine), 0, 0).undisputed()).isTrue();
        // One mutation between him and his father (a ratio below 1) is no proof of another line: it does not.
        UndisputedRule.Candidate oneStep = withLineage(1e6, List.of(y(0.3)), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, oneStep), 0, 0).undisputed()).isFalse();
        // Of another maternal line says nothing of his paternal line: the Y still does not count.
        UndisputedRule.Candidate otherMaternalLine = withLineage(1e6, List.of(mt(0)), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, otherMaternalLine), 0, 0).undisputed()).isFalse();
        // A rival of the same line (his Y fits too) is weighed on the greater of his ratios: still disputed.
        UndisputedRule.Candidate sameLine = withLineage(1e6, List.of(y(1e3)), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, sameLine), 0, 0).undisputed()).isFalse();
        // Nor does it count against the same man's ratio in other remains (his brother's body has his Y).
        assertThat(MARGIN_ONLY.judge(List.of(candidate), 0, 1e6).failed())
                .containsExactly("LR under 1000.0 times the same person's ratio in other remains");
        assertThat(MARGIN_ONLY.judge(List.of(candidate), 0, 1e4).undisputed()).isTrue();
    }

    @Test
    void aYStrPartThatExcludesSendsTheFamilyToReview() {
        UndisputedRule.Candidate excluded = withLineage(1e12, List.of(y(100), mt(0)), List.of(), Map.of());
        assertThat(excluded.lr()).isEqualTo(1e14);
        assertThat(DEFAULTS.judge(List.of(excluded), 0, 0).failed()).containsExactly("a lineage marker excludes the"
                + " line of the reference (Y-STR: more steps than meioses; mtDNA: two or more differences): review the"
                + " family");
    }

    @Test
    void aPartyPolicyOfTwoFirstDegreeRelativesOrOneTypedByTwoMethods() {
        UndisputedRule ukraine = new UndisputedRule(0.99, 1000, 12, 1000, new IdentificationPolicy(2, 2));
        ReferenceCheck father = new ReferenceCheck("father", Relation.PARENT, 1e6, List.of());
        ReferenceCheck mother = new ReferenceCheck("mother", Relation.PARENT, 1e6, List.of());
        ReferenceCheck uncle = new ReferenceCheck("uncle", Relation.UNCLE_OR_AUNT, 1e3, List.of());
        String clause = "the party's policy asks for 2 first-degree relatives typed, or one typed by 2 methods";

        assertThat(ukraine.judge(List.of(withLineage(1e12, List.of(), List.of(father, uncle), Map.of())), 0, 0).failed())
                .containsExactly(clause);
        assertThat(ukraine.judge(List.of(withLineage(1e12, List.of(), List.of(father, mother), Map.of())), 0, 0)
                .undisputed()).isTrue();
        // The father typed on Y-STR too: one relative by two methods.
        assertThat(ukraine.judge(List.of(withLineage(1e12, List.of(y(50)), List.of(father), Map.of("father", 1))), 0, 0)
                .undisputed()).isTrue();
        // The uncle typed twice is not first-degree; without a policy the same candidate passes.
        UndisputedRule.Candidate byUncle = withLineage(1e12, List.of(), List.of(father, uncle), Map.of("uncle", 2));
        assertThat(ukraine.judge(List.of(byUncle), 0, 0).failed()).containsExactly(clause);
        assertThat(new UndisputedRule(0.99, 1000, 12, 1000).judge(List.of(byUncle), 0, 0).undisputed()).isTrue();
        // A policy that asks nothing but an alternative, or one method as the alternative, is a mistake: refused.
        assertThatThrownBy(() -> new IdentificationPolicy(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentificationPolicy(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referencesThatFitAnotherRelationshipToEachOtherSendTheFamilyToReview() {
        String person = UUID.randomUUID().toString();
        UndisputedRule.Candidate misfit = new UndisputedRule.Candidate(1e12, PRIOR, 20, true, List.of(), false, person,
                Map.of(person + ":father", Relation.PARENT), Map.of(), 1e12, List.of(), Map.of(), true);
        assertThat(DEFAULTS.judge(List.of(misfit), 0, 0).failed()).containsExactly("two references of the family fit"
                + " another relationship to each other better than the stated one (review the family: a swapped sample,"
                + " a father who is not the father)");
    }

    @Test
    void aRivalWithOneFittingReferenceOfTheLineMayStillBeOfIt() {
        // His father's Y excludes the remains' line but his brother's fits: a misattributed sample beside a true one.
        UndisputedRule.Candidate candidate = withLineage(1e7, List.of(y(1e3)), List.of(), Map.of());
        UndisputedRule.Candidate mixed = withLineage(1e6, List.of(y(0), new UndisputedRule.Lineage("Y_STR", 50, false,
                false)), List.of(), Map.of());
        assertThat(MARGIN_ONLY.judge(List.of(candidate, mixed), 0, 0).undisputed()).isFalse();
    }
}

package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference planning: the exclusion power against values worked out by hand on a one-locus table, and the
 * inclusion power's order on families drawn from the bundled table (both parents above one, a parent above a first
 * cousin), with the simulated relatives sharing what their relationship says.
 */
class ReferencePlanningTest {

    private static AlleleFrequencies europe;
    private static KinshipCalculator calculator;
    private static final List<String> LOCI = new ArrayList<>(Loci.CODIS_CORE);
    private static final ReferencePlanning.Thresholds THRESHOLDS = new ReferencePlanning.Thresholds(1e3, 1e6);

    @BeforeAll
    static void population() throws Exception {
        LOCI.addAll(List.of("Penta D", "Penta E", "SE33"));
        try (var in = ReferencePlanningTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            europe = AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        calculator = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
    }

    @Test
    void exclusionPowerByHand() throws Exception {
        // One locus, alleles 10, 11, 12 at 0.1, 0.2, 0.7.
        AlleleFrequencies table = AlleleFrequencies.parseCsv("hand", new StringReader(
                "locus,allele,frequency\nTH01,10,0.1\nTH01,11,0.2\nTH01,12,0.7\n"));
        // A parent 10/11: a random person shares neither allele with probability 0.7^2 = 0.49.
        assertThat(ReferencePlanning.exclusionByOne(table, profile("10", "11"))).isCloseTo(0.49, within(1e-12));
        // Homozygous 12: excluded with probability 0.3^2 = 0.09.
        assertThat(ReferencePlanning.exclusionByOne(table, profile("12", "12"))).isCloseTo(0.09, within(1e-12));
        // Parents 10/10 and 11/12: a child is 10/11 or 10/12, 2(0.1)(0.2) + 2(0.1)(0.7) = 0.18; EP 0.82.
        assertThat(ReferencePlanning.exclusionByParents(table, profile("10", "10"), profile("11", "12")))
                .isCloseTo(0.82, within(1e-12));
        // Personal effects 11/12: only that genotype, 2(0.2)(0.7) = 0.28, is not excluded; EP 0.72.
        assertThat(ReferencePlanning.exclusionByIdentity(table, profile("11", "12"))).isCloseTo(0.72, within(1e-12));
    }

    @Test
    void inclusionPowerOrdersTheReferencesAsTheirRelationshipsDo() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261212L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        FamilyReferences.Donor f = new FamilyReferences.Donor("father", Relation.PARENT, father);
        FamilyReferences.Donor m = new FamilyReferences.Donor("mother", Relation.PARENT, mother);
        ReferencePlanning.Power both = ReferencePlanning.ofParents(calculator, europe, simulate, f, m, THRESHOLDS, 300);
        ReferencePlanning.Power one = ReferencePlanning.ofReference(calculator, europe, simulate, f, THRESHOLDS, 300);
        assertThat(both.inclusionPower()).isGreaterThanOrEqualTo(0.95);
        assertThat(both.strongInclusionPower()).isGreaterThan(one.strongInclusionPower());
        assertThat(both.exclusionPower()).isGreaterThan(one.exclusionPower()).isGreaterThan(0.999);

        List<ReferencePlanning.Power> next = ReferencePlanning.untyped(calculator,
                subject -> new ProfileSimulator(europe, subject.hashCode(), LOCI), List.of(f), THRESHOLDS, 300);
        // With the father typed, the mother beside him comes first; a first cousin alone last.
        assertThat(next.get(0).relationship()).isEqualTo("OTHER_PARENT");
        assertThat(next.get(next.size() - 1).relationship()).isEqualTo("FIRST_COUSIN");
        assertThat(next.get(next.size() - 1).inclusionPower()).isLessThan(0.5);
        assertThat(next).allMatch(p -> p.exclusionPower() == null);
    }

    @Test
    void parentsTypedOnDifferentKitsAreWeighedOnEveryLocusEitherTyped() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 11L, LOCI);
        StrProfile father = simulate.founder();
        Map<String, Genotype> fewer = new java.util.TreeMap<>(simulate.founder().loci());
        fewer.keySet().removeAll(List.of("SE33", "Penta D", "Penta E"));
        FamilyReferences.Donor f = new FamilyReferences.Donor("father", Relation.PARENT, father);
        FamilyReferences.Donor m = new FamilyReferences.Donor("mother", Relation.PARENT, new StrProfile(fewer));
        ReferencePlanning.Power both = ReferencePlanning.ofParents(calculator, europe, simulate, f, m, THRESHOLDS, 50);
        assertThat(both.inclusionPower()).isGreaterThan(0.9);
        assertThat(simulate.child(father, new StrProfile(fewer)).loci()).containsKeys("SE33", "Penta D");
    }

    @Test
    void simulatedRelativesShareWhatTheirRelationshipSays() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 7L, LOCI);
        StrProfile typed = simulate.founder();
        assertThat(simulate.relative(typed, Relation.IDENTITY)).isEqualTo(typed);
        StrProfile child = simulate.relative(typed, Relation.PARENT);
        child.loci().forEach((locus, g) -> assertThat(List.of(g.first(), g.second()))
                .containsAnyOf(typed.at(locus).first(), typed.at(locus).second()));
    }

    private static StrProfile profile(String a, String b) {
        return new StrProfile(Map.of("TH01", new Genotype(a, b)));
    }
}

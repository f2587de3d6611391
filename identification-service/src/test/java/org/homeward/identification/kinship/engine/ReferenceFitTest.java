package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * References checked against each other, on families drawn from the bundled table: a true family passes, a "father"
 * who is no kin to the brother is flagged with the ratios the calculator gives, and pairs the statements do not fix
 * are left alone.
 */
class ReferenceFitTest {

    private static AlleleFrequencies europe;
    private static KinshipCalculator calculator;
    private static final List<String> LOCI = new ArrayList<>(Loci.CODIS_CORE);

    @BeforeAll
    static void population() throws Exception {
        LOCI.addAll(List.of("Penta D", "Penta E", "SE33"));
        try (var in = ReferenceFitTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            europe = AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        calculator = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
    }

    @Test
    void aTrueFamilyFitsAndAFatherWhoIsNoKinIsFlagged() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261210L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        StrProfile brother = simulate.child(father, mother);
        List<FamilyReferences.Donor> family = List.of(new FamilyReferences.Donor("father", Relation.PARENT, father),
                new FamilyReferences.Donor("mother", Relation.PARENT, mother),
                new FamilyReferences.Donor("brother", Relation.FULL_SIBLING, brother));

        List<ReferenceFit.Pair> fits = ReferenceFit.check(calculator, family, 1000);
        assertThat(fits).extracting(ReferenceFit.Pair::stated).containsExactly(ReferenceFit.PairRelationship.UNRELATED,
                ReferenceFit.PairRelationship.PARENT_CHILD, ReferenceFit.PairRelationship.PARENT_CHILD);
        assertThat(fits).noneMatch(ReferenceFit.Pair::flagged);
        ReferenceFit.Pair fatherAndSon = fits.get(1);
        double expected = calculator.pairwise(brother, father, Relation.PARENT).total();
        assertThat(fatherAndSon.statedLr()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(fatherAndSon.lociCompared()).isEqualTo(LOCI.size());

        // The sample given as the father's is a stranger's (a swapped tube): he is flagged against the brother.
        StrProfile stranger = simulate.founder();
        List<FamilyReferences.Donor> swapped = List.of(new FamilyReferences.Donor("father", Relation.PARENT, stranger),
                new FamilyReferences.Donor("mother", Relation.PARENT, mother),
                new FamilyReferences.Donor("brother", Relation.FULL_SIBLING, brother));
        ReferenceFit.Pair flagged = ReferenceFit.check(calculator, swapped, 1000).get(1);
        assertThat(flagged.donorA()).isEqualTo("father");
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.best()).isNotEqualTo(ReferenceFit.PairRelationship.PARENT_CHILD);
        assertThat(flagged.bestLr()).isGreaterThanOrEqualTo(1000 * flagged.statedLr());
    }

    @Test
    void pairsTheStatementsDoNotFixAreNotChecked() {
        assertThat(ReferenceFit.stated(Relation.GRANDPARENT, Relation.GRANDPARENT)).isNull();
        assertThat(ReferenceFit.stated(Relation.PARENT, Relation.UNCLE_OR_AUNT)).isNull();
        assertThat(ReferenceFit.stated(Relation.CHILD, Relation.CHILD)).isNull();
        assertThat(ReferenceFit.stated(Relation.FULL_SIBLING, Relation.FULL_SIBLING))
                .isEqualTo(ReferenceFit.PairRelationship.FULL_SIBLINGS);
        assertThat(ReferenceFit.stated(Relation.CHILD, Relation.PARENT)).isEqualTo(ReferenceFit.PairRelationship.SECOND_DEGREE);
        assertThat(ReferenceFit.stated(Relation.GRANDPARENT, Relation.CHILD)).isEqualTo(ReferenceFit.PairRelationship.THIRD_DEGREE);
        assertThatThrownBy(() -> ReferenceFit.check(calculator, List.of(), 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

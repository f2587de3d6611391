package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.FEMALE;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.MALE;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.UNKNOWN;

/** Values published by the reference implementations (forrel, dvir), reproduced with mutation off. */
class PublishedVectorsTest {

    /** forrel's documented example: parent AA, child AA, p(A) = 0.05 gives LR = 1/p(A) = 20. */
    @Test
    void forrelParentAndChildBothAA() throws IOException {
        KinshipCalculator calculator = calculator("locus,allele,frequency\nL1,1,0.05\nL1,2,0.95\n");
        StrProfile aa = profile("L1", "1", "1");

        assertThat(calculator.pairwise(aa, aa, Relation.PARENT).total()).isCloseTo(20, within(1e-12));
        assertThat(calculator.pairwiseByPedigree(aa, aa, Relation.PARENT).total()).isCloseTo(20, within(1e-12));
        assertThat(calculator.pairwiseByPedigree(aa, aa, Relation.CHILD).total()).isCloseTo(20, within(1e-12));
    }

    /**
     * dvir's example2 (data-raw/example2.R): one locus, ten alleles of 0.1; family 1 is M1 (missing father),
     * R1 (mother, 2/2) and their son M2 (missing); family 2 is R2 (father, 3/3), an untyped mother and their
     * daughter M3 (missing); victims V1 1/1 and V2 1/2 (male), V3 3/4 (female).
     */
    @Test
    void dvirExample2JointRankingAndPairwiseMatrix() throws IOException {
        JointIdentification joint = new JointIdentification(example2Calculator());
        List<JointIdentification.Family> families = example2Families();
        Map<String, JointIdentification.Victim> victims = example2Victims();

        List<JointIdentification.Assignment> ranked = joint.rank(families, victims);

        assertThat(ranked).extracting(JointIdentification.Assignment::lr)
                .usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(250.0, 50.0, 25.0, 5.0, 5.0, 5.0, 5.0, 1.0, 1.0, 1.0);
        assertThat(ranked.get(0).victims()).isEqualTo(Map.of("F1:M1", "V1", "F1:M2", "V2", "F2:M3", "V3"));
        assertThat(ranked.get(1).victims()).isEqualTo(Map.of("F1:M1", "V1", "F1:M2", "V2"));
        assertThat(ranked.get(2).victims()).isEqualTo(Map.of("F1:M2", "V2", "F2:M3", "V3"));
        assertThat(ranked.subList(7, 10)).extracting(JointIdentification.Assignment::victims)
                .containsExactlyInAnyOrder(Map.of(), Map.of("F1:M1", "V1"), Map.of("F1:M1", "V2"));

        Map<String, Map<String, Double>> matrix = joint.pairwise(families, victims);
        assertThat(matrix.get("V1")).containsExactlyInAnyOrderEntriesOf(Map.of("F1:M1", 1.0, "F1:M2", 0.0, "F2:M3", 0.0));
        assertThat(matrix.get("V2").get("F1:M1")).isCloseTo(1.0, within(1e-12));
        assertThat(matrix.get("V2").get("F1:M2")).isCloseTo(5.0, within(1e-12));
        assertThat(matrix.get("V2").get("F2:M3")).isEqualTo(0.0);
        assertThat(matrix.get("V3").get("F1:M1")).isEqualTo(0.0);
        assertThat(matrix.get("V3").get("F1:M2")).isEqualTo(0.0);
        assertThat(matrix.get("V3").get("F2:M3")).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void jointEvaluationRefusesWhatItCannotEnumerate() throws IOException {
        KinshipCalculator calculator = example2Calculator();
        Map<String, JointIdentification.Victim> many = IntStream.range(0, 60).boxed().collect(Collectors.toMap(
                i -> "V" + i, i -> new JointIdentification.Victim(profile("L1", "1", "2"), UNKNOWN)));
        List<Pedigree.Member> sixMissing = IntStream.range(0, 6)
                .mapToObj(i -> new Pedigree.Member("M" + i, null, null, UNKNOWN)).toList();
        JointIdentification joint = new JointIdentification(calculator);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> joint.rank(List.of(new JointIdentification.Family("F",
                        new Pedigree(sixMissing), Map.of(), sixMissing.stream().map(Pedigree.Member::id).toList())), many))
                .isInstanceOf(JointIdentification.TooLarge.class).hasMessageContaining("1 to 5");
        List<String> fourMissing = List.of("M0", "M1", "M2", "M3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> joint.rank(List.of(new JointIdentification.Family("F",
                        new Pedigree(sixMissing), Map.of(), fourMissing)), many))
                .isInstanceOf(JointIdentification.TooLarge.class).hasMessageContaining("100000");
    }

    static KinshipCalculator example2Calculator() throws IOException {
        StringBuilder table = new StringBuilder("locus,allele,frequency\n");
        IntStream.rangeClosed(1, 10).forEach(a -> table.append("L1,").append(a).append(",0.1\n"));
        return calculator(table.toString());
    }

    static List<JointIdentification.Family> example2Families() {
        Pedigree family1 = new Pedigree(List.of(new Pedigree.Member("M1", null, null, MALE),
                new Pedigree.Member("R1", null, null, FEMALE), new Pedigree.Member("M2", "M1", "R1", MALE)));
        Pedigree family2 = new Pedigree(List.of(new Pedigree.Member("R2", null, null, MALE),
                new Pedigree.Member("MO2", null, null, FEMALE), new Pedigree.Member("M3", "R2", "MO2", FEMALE)));
        return List.of(
                new JointIdentification.Family("F1", family1, Map.of("R1", profile("L1", "2", "2")), List.of("M1", "M2")),
                new JointIdentification.Family("F2", family2, Map.of("R2", profile("L1", "3", "3")), List.of("M3")));
    }

    static Map<String, JointIdentification.Victim> example2Victims() {
        return Map.of("V1", new JointIdentification.Victim(profile("L1", "1", "1"), MALE),
                "V2", new JointIdentification.Victim(profile("L1", "1", "2"), MALE),
                "V3", new JointIdentification.Victim(profile("L1", "3", "4"), FEMALE));
    }

    static KinshipCalculator calculator(String table) throws IOException {
        AlleleFrequencies frequencies = AlleleFrequencies.parseCsv("test", new StringReader(table));
        return new KinshipCalculator(new KinshipModel(frequencies, 0, MutationModel.none()));
    }

    static StrProfile profile(String locus, String a, String b) {
        return new StrProfile(Map.of(locus, new Genotype(a, b)));
    }
}

package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.FEMALE;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.MALE;

/**
 * θ in pedigree likelihoods, allele drop-out and silent alleles, checked against values pedprobr's tests
 * publish (tests/testthat/test-theta-correction.R and test-dropout.R), against the NRC II closed forms with θ
 * (a different algorithm), and against formulas worked by hand in the comments.
 */
class DegradedAndThetaTest {

    private static final String AB = "locus,allele,frequency\nL,1,0.3\nL,2,0.7\n";
    private static final String THREE = "locus,allele,frequency\nL,1,0.2\nL,2,0.4\nL,3,0.4\n";

    /** pedprobr: linearPed(2), member 5 typed A/A, p(A) = 0.3, θ = 0.01 gives 0.0921 (= p·(θ + (1-θ)·p)). */
    @Test
    void thetaInATwoGenerationPedigreeAsPedprobrPublishes() throws IOException {
        Pedigree linear = new Pedigree(List.of(
                new Pedigree.Member("1", null, null, MALE), new Pedigree.Member("2", null, null, FEMALE),
                new Pedigree.Member("3", "1", "2", MALE), new Pedigree.Member("4", null, null, FEMALE),
                new Pedigree.Member("5", "3", "4", MALE)));
        LocusModel m = model(AB, 0).locus("L", List.of("1"));
        Map<Integer, double[]> typed = Map.of(linear.indexOf("5"), Observation.exact(m, m.genotypeIndex(g("1", "1"))));

        assertThat(PedigreeLikelihood.of(linear, m, typed, List.of(), 0.01)).isCloseTo(0.0921, within(1e-12));
        assertThat(PedigreeLikelihood.of(linear, m, typed, List.of(), 0)).isCloseTo(0.09, within(1e-12));
    }

    /** pedprobr: a singleton read 1/1, p = 0.2, d = 0.1: (1-d²)p² + d(1-d)·2p(1-p); d = 0 gives p². */
    @Test
    void dropOutInASingletonAsPedprobrPublishes() throws IOException {
        double p = 0.2;
        double d = 0.1;
        Pedigree one = new Pedigree(List.of(new Pedigree.Member("1", null, null, MALE)));
        LocusModel m = model(THREE, 0).locus("L", List.of("1", "2", "3"));

        assertThat(PedigreeLikelihood.of(one, m, Map.of(0, Observation.of(m, g("1", "1"), d)), List.of(), 0))
                .isCloseTo((1 - d * d) * p * p + d * (1 - d) * 2 * p * (1 - p), within(1e-15));
        assertThat(PedigreeLikelihood.of(one, m, Map.of(0, Observation.of(m, g("1", "1"), 0)), List.of(), 0))
                .isCloseTo(p * p, within(1e-15));
    }

    /** pedprobr's trio with drop-out: father 1/1 gives L; with mother 2/2 both degraded L²; drop-out in the father only L·p². */
    @Test
    void dropOutInATrioAsPedprobrPublishes() throws IOException {
        String table = "locus,allele,frequency\nL,1,0.2\nL,2,0.2\nL,3,0.6\n";
        double p = 0.2;
        double d = 0.1;
        double l = (1 - d * d) * p * p + d * (1 - d) * 2 * p * (1 - p);
        Pedigree trio = KinshipCalculator.trioPedigree();
        LocusModel m = model(table, 0).locus("L", List.of("1", "2", "3"));
        int fa = trio.indexOf("father");
        int mo = trio.indexOf("mother");
        int ch = trio.indexOf(Relation.MISSING);

        assertThat(likelihood(trio, m, Map.of(fa, Observation.of(m, g("1", "1"), d)))).isCloseTo(l, within(1e-15));
        assertThat(likelihood(trio, m, Map.of(ch, Observation.of(m, g("1", "1"), d)))).isCloseTo(l, within(1e-15));
        assertThat(likelihood(trio, m, Map.of(ch, Observation.of(m, g("1", "1"), 0)))).isCloseTo(p * p, within(1e-15));
        assertThat(likelihood(trio, m, Map.of(fa, Observation.of(m, g("1", "1"), d), mo, Observation.of(m, g("2", "2"), d))))
                .isCloseTo(l * l, within(1e-15));
        assertThat(likelihood(trio, m, Map.of(fa, Observation.of(m, g("1", "1"), d), mo, Observation.of(m, g("2", "2"), 0))))
                .isCloseTo(l * p * p, within(1e-15));
    }

    /**
     * The pedigree with θ, founders enumerated (pedprobr's method), against the NRC II closed forms with θ,
     * where the reference's alleles are drawn first (ClosedForms.pairwiseWithTheta): two algorithms, one value,
     * for every relationship on random frequencies and genotypes.
     */
    @Test
    void thetaInPedigreesEqualsTheClosedFormsWithTheta() throws IOException {
        Random random = new Random(31);
        for (int round = 0; round < 12; round++) {
            String table = randomTable(random, 4);
            double theta = 0.01 + 0.04 * random.nextDouble();
            KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(parse(table), theta,
                    new MutationModel(MutationModel.Kind.NONE, 0, Map.of(), 0.1, 1e-6)));
            for (Relation relation : Relation.values()) {
                StrProfile candidate = profile(random);
                StrProfile reference = relation == Relation.IDENTITY ? candidate : profile(random);
                double closed = calculator.pairwise(candidate, reference, relation).total();
                double pedigree = calculator.pairwiseByPedigree(candidate, reference, relation).total();
                assertThat(pedigree).as("%s θ=%s %s / %s", relation, theta, candidate, reference)
                        .isCloseTo(closed, within(1e-9 * Math.max(1, closed)));
            }
        }
    }

    /**
     * θ with two typed founders: a father 1/1, a mother 2/2 and the child 1/2, no mutation. By hand, drawing the
     * founders' alleles 1, 1, 2, 2 and then (under "unrelated") the child's 1 and 2 from one subpopulation:
     * LR = (1+3θ)(1+4θ) / (2·(2θ + (1-θ)p₁)(2θ + (1-θ)p₂)), which is 1/(2p₁p₂) at θ = 0.
     */
    @Test
    void thetaInATrioByHand() throws IOException {
        double theta = 0.03;
        double p1 = 0.2;
        double p2 = 0.4;
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(parse(THREE), theta,
                new MutationModel(MutationModel.Kind.NONE, 0, Map.of(), 0.1, 1e-6)));
        StrProfile father = new StrProfile(Map.of("L", g("1", "1")));
        StrProfile mother = new StrProfile(Map.of("L", g("2", "2")));
        StrProfile child = new StrProfile(Map.of("L", g("1", "2")));

        double byHand = (1 + 3 * theta) * (1 + 4 * theta)
                / (2 * (2 * theta + (1 - theta) * p1) * (2 * theta + (1 - theta) * p2));
        assertThat(calculator.trio(child, father, mother).total()).isCloseTo(byHand, within(1e-12));
        assertThat(new KinshipCalculator(model(THREE, 0)).trio(child, father, mother).total())
                .isCloseTo(1 / (2 * p1 * p2), within(1e-12));
    }

    /**
     * A degraded candidate read as one allele a, a parent read {a, b} exactly, no mutation. By hand:
     * P(read a | parent) = ½p_a(1-d²) + ½(1-p_a)d(1-d) + ½p_a·d(1-d) (the parent gives a and the other parent a,
     * or another allele that dropped out, or the parent gives b, which dropped out, and the other parent a);
     * P(read a) = p_a²(1-d²) + 2p_a(1-p_a)d(1-d); the LR is their ratio (1/(2p_a) at d = 0).
     */
    @Test
    void aDegradedCandidateAgainstAParentByHand() throws IOException {
        double pa = 0.2;
        double d = 0.25;
        KinshipCalculator calculator = new KinshipCalculator(model(THREE, 0));
        StrProfile candidate = new StrProfile(Map.of("L", g("1", "1")), d);
        StrProfile parent = new StrProfile(Map.of("L", g("1", "2")));

        double numerator = 0.5 * pa * (1 - d * d) + 0.5 * (1 - pa) * d * (1 - d) + 0.5 * pa * d * (1 - d);
        double denominator = pa * pa * (1 - d * d) + 2 * pa * (1 - pa) * d * (1 - d);
        LikelihoodRatio lr = calculator.pairwise(candidate, parent, Relation.PARENT);
        assertThat(lr.total()).isCloseTo(numerator / denominator, within(1e-12));
        assertThat(lr.method()).isEqualTo("pedigree");
        assertThat(calculator.pairwise(candidate.withDropout(0), parent, Relation.PARENT).total())
                .isCloseTo(1 / (2 * pa), within(1e-12));
        // Read as 3 alone, the child of {1, 2} is excluded unless the parent's allele dropped out: p_3·d(1-d) over
        // p_3²(1-d²) + 2p_3(1-p_3)d(1-d), with p_3 = 0.4.
        StrProfile three = new StrProfile(Map.of("L", g("3", "3")), d);
        double p3 = 0.4;
        assertThat(calculator.pairwise(three, parent, Relation.PARENT).total()).isCloseTo(p3 * d * (1 - d)
                / (p3 * p3 * (1 - d * d) + 2 * p3 * (1 - p3) * d * (1 - d)), within(1e-12));
        assertThat(calculator.pairwise(three.withDropout(0), parent, Relation.PARENT).total()).isZero();
    }

    /**
     * A silent allele s: a parent read a/a and a child read b/b exclude each other without it; with it the
     * parent may be a/s and the child b/s. By hand, with p' = p·(1-s): P(both) = 2p'_a·s · ½ · p'_b and
     * P(parent) · P(child) = (p'_a² + 2p'_a·s)(p'_b² + 2p'_b·s), so LR = s / ((p'_a + 2s)(p'_b + 2s)).
     */
    @Test
    void aSilentAlleleExplainsOpposedHomozygotesByHand() throws IOException {
        double s = 0.01;
        KinshipCalculator without = new KinshipCalculator(model(THREE, 0));
        KinshipCalculator with = new KinshipCalculator(model(THREE, s));
        StrProfile parent = new StrProfile(Map.of("L", g("1", "1")));
        StrProfile child = new StrProfile(Map.of("L", g("2", "2")));

        assertThat(without.pairwise(child, parent, Relation.PARENT).total()).isZero();
        double pa = 0.2 * (1 - s);
        double pb = 0.4 * (1 - s);
        assertThat(with.pairwise(child, parent, Relation.PARENT).total())
                .isCloseTo(s / ((pa + 2 * s) * (pb + 2 * s)), within(1e-12));
    }

    @Test
    void thetaRefusesAPedigreeItCannotEnumerate() throws IOException {
        List<Pedigree.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(new Pedigree.Member("f" + i, null, null, MALE));
            members.add(new Pedigree.Member("m" + i, null, null, FEMALE));
            members.add(new Pedigree.Member("c" + i, "f" + i, "m" + i, MALE));
        }
        Pedigree wide = new Pedigree(members);
        LocusModel m = model(THREE, 0).locus("L", List.of("1", "2", "3"));

        assertThatThrownBy(() -> PedigreeLikelihood.of(wide, m, Map.of(), List.of(), 0.01))
                .isInstanceOf(Pedigree.Refused.class).hasMessageContaining("joint genotypes");
    }

    private static double likelihood(Pedigree pedigree, LocusModel m, Map<Integer, double[]> readings) {
        return PedigreeLikelihood.of(pedigree, m, readings, List.of(), 0);
    }

    private static StrProfile profile(Random random) {
        Map<String, Genotype> loci = new HashMap<>();
        loci.put("L", g(String.valueOf(1 + random.nextInt(4)), String.valueOf(1 + random.nextInt(4))));
        return new StrProfile(loci);
    }

    private static String randomTable(Random random, int alleles) {
        double[] weights = random.doubles(alleles, 0.05, 1).toArray();
        double total = java.util.Arrays.stream(weights).sum();
        StringBuilder table = new StringBuilder("locus,allele,frequency\n");
        for (int i = 0; i < alleles; i++) {
            table.append("L,").append(i + 1).append(',').append(weights[i] / total).append('\n');
        }
        return table.toString();
    }

    private static KinshipModel model(String table, double silent) throws IOException {
        return new KinshipModel(parse(table), 0, new MutationModel(MutationModel.Kind.NONE, 0, Map.of(), 0.1, 1e-6),
                silent);
    }

    private static AlleleFrequencies parse(String table) throws IOException {
        return AlleleFrequencies.parseCsv("test", new StringReader(table));
    }

    private static Genotype g(String a, String b) {
        return new Genotype(a, b);
    }
}

package org.homeward.identification.kinship.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closed forms an examiner checks by hand and the generic pedigree likelihood are two independent
 * computations; on random frequencies and genotypes they must agree for every relationship.
 */
class ClosedFormPropertiesTest {

    private static final String[] LOCI = {"L1", "L2", "L3"};

    @Property(tries = 300)
    void everyRelationshipWithoutMutation(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        AlleleFrequencies frequencies = randomTable(random);
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(frequencies, 0, MutationModel.none()));
        StrProfile candidate = randomProfile(random, frequencies);
        StrProfile reference = random.nextInt(4) == 0 ? candidate : randomProfile(random, frequencies);

        for (Relation relation : Relation.values()) {
            LikelihoodRatio closed = calculator.pairwise(candidate, reference, relation);
            LikelihoodRatio generic = calculator.pairwiseByPedigree(candidate, reference, relation);
            assertThat(closed.method()).isEqualTo("closed-form");
            assertAgree(closed, generic);
        }
    }

    @Property(tries = 300)
    void parentChildAndTrioWithMutation(@ForAll long seed, @ForAll @IntRange(min = 5, max = 500) int perTenThousand,
                                         @ForAll MutationModel.Kind kind) throws IOException {
        double rate = perTenThousand / 10_000.0;
        Random random = new Random(seed);
        AlleleFrequencies frequencies = randomTable(random);
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(frequencies, 0, MutationModel.of(kind, rate)));
        StrProfile candidate = randomProfile(random, frequencies);
        StrProfile father = randomProfile(random, frequencies);
        StrProfile mother = randomProfile(random, frequencies);

        agreeOrBothRefuse(kind, () -> calculator.pairwise(candidate, father, Relation.PARENT),
                () -> calculator.pairwiseByPedigree(candidate, father, Relation.PARENT));
        agreeOrBothRefuse(kind, () -> calculator.trio(candidate, father, mother),
                () -> calculator.pedigree(KinshipCalculator.trioPedigree(), Relation.MISSING, candidate,
                        Map.of("father", father, "mother", mother)));
    }

    /**
     * A high rate with a dominant allele (or a lumped class of unseen ones) puts α·p above 1: the proportional
     * model is not defined there, and both computations must say so rather than return a number.
     */
    private static void agreeOrBothRefuse(MutationModel.Kind kind, Supplier<LikelihoodRatio> closedForm,
                                          Supplier<LikelihoodRatio> generic) {
        LikelihoodRatio closed;
        try {
            closed = closedForm.get();
        } catch (Pedigree.Refused undefined) {
            assertThat(kind).isEqualTo(MutationModel.Kind.PROPORTIONAL);
            assertThatThrownBy(generic::get).isInstanceOf(Pedigree.Refused.class);
            return;
        }
        assertAgree(closed, generic.get());
    }

    /** Pairs are symmetric without mutation: the reference as the parent or as the child gives one ratio. */
    @Property(tries = 200)
    void parentAndChildAreSymmetricWithoutMutation(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        AlleleFrequencies frequencies = randomTable(random);
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(frequencies, 0, MutationModel.none()));
        StrProfile a = randomProfile(random, frequencies);
        StrProfile b = randomProfile(random, frequencies);

        assertAgree(calculator.pairwiseByPedigree(a, b, Relation.PARENT), calculator.pairwiseByPedigree(a, b, Relation.CHILD));
    }

    /** The θ-corrected pairwise formulas tend to the plain ones as θ goes to 0. */
    @Property(tries = 200)
    void thetaCorrectionTendsToThePlainRatio(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        AlleleFrequencies frequencies = randomTable(random);
        KinshipCalculator plain = new KinshipCalculator(new KinshipModel(frequencies, 0, MutationModel.none()));
        KinshipCalculator tiny = new KinshipCalculator(new KinshipModel(frequencies, 1e-12, MutationModel.none()));
        StrProfile candidate = randomProfile(random, frequencies);
        StrProfile reference = random.nextInt(4) == 0 ? candidate : randomProfile(random, frequencies);

        for (Relation relation : Relation.values()) {
            LikelihoodRatio corrected = tiny.pairwise(candidate, reference, relation);
            LikelihoodRatio uncorrected = plain.pairwise(candidate, reference, relation);
            corrected.perLocus().forEach((locus, lr) -> assertThat(lr)
                    .isCloseTo(uncorrected.perLocus().get(locus), org.assertj.core.data.Percentage.withPercentage(1e-6)));
        }
    }

    /**
     * The paternity index of a homozygous parent and child with θ (NRC II, Balding and Nichols):
     * (1 + 2θ) / (3θ + (1 - θ)p); with p = 0.05 and θ = 0.01, 1.02 / 0.0795.
     */
    @org.junit.jupiter.api.Test
    void thetaGivesThePublishedParentChildIndex() throws IOException {
        AlleleFrequencies table = AlleleFrequencies.parseCsv("t", new StringReader(
                "locus,allele,frequency\nL1,1,0.05\nL1,2,0.95\n"));
        KinshipCalculator corrected = new KinshipCalculator(new KinshipModel(table, 0.01, MutationModel.none()));
        StrProfile aa = new StrProfile(Map.of("L1", new Genotype("1", "1")));

        assertThat(corrected.pairwise(aa, aa, Relation.PARENT).total())
                .isCloseTo(1.02 / 0.0795, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** A heterozygous match with p = 0.1 and 0.2 and θ = 0.03, by the Balding-Nichols formula by hand. */
    @org.junit.jupiter.api.Test
    void thetaLowersAHeterozygousIdentityMatchAsBaldingNicholsSays() throws IOException {
        AlleleFrequencies table = AlleleFrequencies.parseCsv("t", new StringReader(
                "locus,allele,frequency\nL1,10,0.1\nL1,11,0.2\nL1,12,0.7\n"));
        KinshipCalculator corrected = new KinshipCalculator(new KinshipModel(table, 0.03, MutationModel.none()));
        StrProfile ab = new StrProfile(Map.of("L1", new Genotype("10", "11")));

        double byHand = (1.03 * 1.06) / (2 * (0.03 + 0.97 * 0.1) * (0.03 + 0.97 * 0.2));
        assertThat(corrected.pairwise(ab, ab, Relation.IDENTITY).total()).isCloseTo(byHand, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(byHand).isLessThan(25); // 1 / (2 * 0.1 * 0.2) without θ
    }

    private static void assertAgree(LikelihoodRatio a, LikelihoodRatio b) {
        assertThat(a.perLocus().keySet()).isEqualTo(b.perLocus().keySet());
        a.perLocus().forEach((locus, lr) -> {
            double other = b.perLocus().get(locus);
            assertThat(Math.abs(lr - other)).as("%s: %s vs %s", locus, lr, other)
                    .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(lr)));
        });
    }

    static AlleleFrequencies randomTable(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("locus,allele,frequency\n");
        for (String locus : LOCI) {
            int alleles = 2 + random.nextInt(7);
            double[] weights = random.doubles(alleles, 0.01, 1).toArray();
            double sum = java.util.Arrays.stream(weights).sum();
            for (int a = 0; a < alleles; a++) {
                // Integer and microvariant alleles, so the stepwise model meets both.
                String allele = random.nextInt(5) == 0 ? (8 + a) + ".3" : String.valueOf(8 + a);
                csv.append(locus).append(',').append(allele).append(',').append(weights[a] / sum).append('\n');
            }
        }
        return AlleleFrequencies.parseCsv("random", new StringReader(csv.toString()));
    }

    static StrProfile randomProfile(Random random, AlleleFrequencies frequencies) {
        Map<String, Genotype> loci = new java.util.TreeMap<>();
        for (String locus : LOCI) {
            if (random.nextInt(8) == 0) {
                continue; // a locus that did not amplify
            }
            String[] alleles = frequencies.alleles(locus).toArray(String[]::new);
            // Now and then an allele the table has never seen.
            String first = random.nextInt(15) == 0 ? "30" : alleles[random.nextInt(alleles.length)];
            loci.put(locus, new Genotype(first, alleles[random.nextInt(alleles.length)]));
        }
        if (loci.isEmpty()) {
            loci.put(LOCI[0], new Genotype(frequencies.alleles(LOCI[0]).iterator().next(),
                    frequencies.alleles(LOCI[0]).iterator().next()));
        }
        return new StrProfile(loci);
    }
}

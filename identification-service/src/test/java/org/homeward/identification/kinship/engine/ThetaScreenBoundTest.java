package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound the θ screen relies on (ReferenceIndex.screeningThreshold): at one locus, θ never raises a ratio by
 * more than β = (1+3θ)/(1-θ)². Checked on random tables of 2 to 6 alleles, every relationship but first cousins
 * (slow to enumerate; they share less than an uncle), remains read exactly or with drop-out, with and without
 * mutation, θ from 0.01 to 0.1. A bound found this way, not proven: the test is what keeps it honest.
 */
class ThetaScreenBoundTest {

    @Test
    void thetaRaisesNoLocusRatioByMoreThanTheScreensBound() throws Exception {
        Random random = new Random(20251207L);
        int compared = 0;
        for (double theta : new double[] {0.01, 0.03, 0.05, 0.1}) {
            double bound = ReferenceIndex.thetaBound(theta);
            for (int round = 0; round < 200; round++) {
                int n = 2 + random.nextInt(5);
                double[] weights = random.doubles(n, 0.01, 1).toArray();
                double total = java.util.Arrays.stream(weights).sum();
                StringBuilder table = new StringBuilder("locus,allele,frequency\n");
                for (int i = 0; i < n; i++) {
                    table.append("L,").append(i + 1).append(',').append(weights[i] / total).append('\n');
                }
                AlleleFrequencies frequencies = AlleleFrequencies.parseCsv("t", new StringReader(table.toString()));
                for (MutationModel mutation : new MutationModel[] {MutationModel.none(),
                        MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)}) {
                    KinshipCalculator without = new KinshipCalculator(new KinshipModel(frequencies, 0, mutation));
                    KinshipCalculator with = new KinshipCalculator(new KinshipModel(frequencies, theta, mutation));
                    for (Relation relation : Relation.values()) {
                        if (relation == Relation.FIRST_COUSIN) {
                            continue;
                        }
                        StrProfile remains = new StrProfile(Map.of("L", genotype(random, n)),
                                random.nextBoolean() ? 0 : 0.2);
                        StrProfile reference = new StrProfile(Map.of("L", genotype(random, n)));
                        double plain = without.pairwise(remains, reference, relation).total();
                        double corrected = with.pairwise(remains, reference, relation).total();
                        if (plain > 0) {
                            assertThat(corrected / plain).as("%s θ=%s %s / %s, %s", relation, theta, remains, reference,
                                    table).isLessThanOrEqualTo(bound);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    private static Genotype genotype(Random random, int alleles) {
        return new Genotype(String.valueOf(1 + random.nextInt(alleles)), String.valueOf(1 + random.nextInt(alleles)));
    }
}

package org.homeward.identification.kinship.lineage;

import org.homeward.identification.kinship.application.HaplotypeDatabaseCsv;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Y-STR comparison along the paternal line against values worked out by hand from the documented formulas (the
 * expected figures are literals, computed apart from the code), and the Clopper-Pearson bound checked against the
 * binomial distribution it inverts, summed here term by term.
 */
class PaternalLineComparisonTest {

    private static final List<String> LOCI = List.of("DYS19", "DYS389I", "DYS389II", "DYS390", "DYS391", "DYS392",
            "DYS393", "DYS437", "DYS438", "DYS439", "DYS448", "DYS456", "DYS458", "DYS635", "YGATAH4", "DYS385",
            "DYS481");

    private static Map<String, String> haplotype() {
        List<String> calls = List.of("14", "13", "29", "24", "10", "11", "13", "15", "12", "12", "19", "15", "17", "23",
                "12", "11-14", "22");
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < LOCI.size(); i++) {
            h.put(LOCI.get(i), calls.get(i));
        }
        return h;
    }

    private static YHaplotype with(String locus, String call) {
        Map<String, String> h = haplotype();
        h.put(locus, call);
        return YHaplotype.of(h);
    }

    private static final HaplotypeFrequency UNSEEN_IN_1000 = HaplotypeFrequency.counted(0, 1000, 0.95);

    @Test
    void callsAreReadAsTheLaboratoryWritesThem() {
        assertThat(YLocusCall.parse("14-11")).isEqualTo(YLocusCall.parse("11-14"));
        assertThat(YLocusCall.parse("16,17").copies()).hasSize(2);
        assertThat(YLocusCall.parse("NULL").isNull()).isTrue();
        assertThat(YLocusCall.parse("12.2")).hasToString("12.2");
        for (String bad : List.of("", "x", "14-", "123", "12.5", "1-2-3-4-5")) {
            assertThatThrownBy(() -> YLocusCall.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(bad.isEmpty() ? "\u0000" : bad);
        }
    }

    @Test
    void anUnseenHaplotypesBoundIsOneMinusAlphaToTheOneOverN() {
        // 1 - 0.05^(1/1000), worked out apart: 0.0029912495
        assertThat(UNSEEN_IN_1000.upperBound()).isCloseTo(0.0029912495, within(1e-9));
        assertThat(UNSEEN_IN_1000.pointEstimate()).isZero();
    }

    @Test
    void aSeenHaplotypesBoundIsWhereTheBinomialTailFallsToAlpha() {
        HaplotypeFrequency seen = HaplotypeFrequency.counted(2, 100, 0.95);
        // At the upper bound p, P(X <= 2 | n = 100, p) = 0.05: the binomial CDF, summed term by term.
        double p = seen.upperBound();
        double cdf = 0;
        for (int k = 0; k <= 2; k++) {
            cdf += org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientDouble(100, k)
                    * Math.pow(p, k) * Math.pow(1 - p, 100 - k);
        }
        assertThat(cdf).isCloseTo(0.05, within(1e-9));
        assertThat(p).isCloseTo(0.0615, within(0.0005));
        assertThatThrownBy(() -> HaplotypeFrequency.counted(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBrotherWithTheSameHaplotype() {
        PaternalLineComparison.Result brother = PaternalLineComparison.compare(YHaplotype.of(haplotype()),
                YHaplotype.of(haplotype()), PaternalLine.BROTHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000);
        // (1 - 0.0025)^(2 x 17) / 0.0029912495 = 0.9184145347 / 0.0029912495 = 307.0337
        assertThat(brother.numerator()).isCloseTo(0.9184145347, within(1e-9));
        assertThat(brother.likelihoodRatio()).isCloseTo(307.0337, within(1e-3));
        assertThat(brother.mismatches()).isZero();
        // Two brothers of one line are the same figure: the Y tells the line, never which of its men.
        assertThat(PaternalLineComparison.compare(YHaplotype.of(haplotype()), YHaplotype.of(haplotype()),
                PaternalLine.BROTHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000).likelihoodRatio())
                .isEqualTo(brother.likelihoodRatio());
    }

    @Test
    void anUncleOneStepAwayAtOneLocusLowersTheRatioWithoutExcluding() {
        YMutationRates rates = new YMutationRates(Map.of("DYS458", 0.004), 0.0025);
        PaternalLineComparison.Result uncle = PaternalLineComparison.compare(with("DYS458", "18"),
                YHaplotype.of(haplotype()), PaternalLine.PATERNAL_UNCLE, rates, UNSEEN_IN_1000);
        // 16 matches over 3 meioses at 0.0025, and C(3,1) (0.004/2) (1 - 0.004)^2 = 0.005952096 at DYS458:
        // 0.9975^48 x 0.005952096 = 0.0052782425; / 0.0029912495 = 1.76456
        PaternalLineComparison.LocusFactor dys458 = uncle.loci().stream()
                .filter(l -> l.difference().locus().equals("DYS458")).findFirst().orElseThrow();
        assertThat(dys458.difference().kind()).isEqualTo(YLocusDifference.Kind.STEPS);
        assertThat(dys458.probability()).isCloseTo(0.005952096, within(1e-12));
        assertThat(uncle.numerator()).isCloseTo(0.0052782425, within(1e-10));
        assertThat(uncle.likelihoodRatio()).isCloseTo(1.76456, within(1e-4));
        assertThat(uncle.mismatches()).isEqualTo(1);
        assertThat(uncle.steps()).isEqualTo(1);
    }

    @Test
    void moreStepsThanMeiosesExcludeAndStructuralDifferencesAreReportedNotHidden() {
        PaternalLineComparison.Result father = PaternalLineComparison.compare(with("DYS19", "16"),
                YHaplotype.of(haplotype()), PaternalLine.FATHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000);
        assertThat(father.likelihoodRatio()).isZero();
        PaternalLineComparison.Result copyNumber = PaternalLineComparison.compare(with("DYS385", "11-14-15"),
                YHaplotype.of(haplotype()), PaternalLine.BROTHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000);
        PaternalLineComparison.LocusFactor dys385 = copyNumber.loci().stream()
                .filter(l -> l.difference().locus().equals("DYS385")).findFirst().orElseThrow();
        // 2 x 0.0025 x 0.9975 = 0.0049875
        assertThat(dys385.difference().kind()).isEqualTo(YLocusDifference.Kind.STRUCTURAL);
        assertThat(dys385.probability()).isCloseTo(0.0049875, within(1e-12));
        assertThat(PaternalLineComparison.compare(with("DYS448", "null"), YHaplotype.of(haplotype()),
                PaternalLine.BROTHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000).mismatches()).isEqualTo(1);
        assertThat(PaternalLineComparison.compare(with("DYS448", "19.2"), YHaplotype.of(haplotype()),
                PaternalLine.BROTHER, YMutationRates.uniform(0.0025), UNSEEN_IN_1000).loci().stream()
                .filter(l -> l.difference().locus().equals("DYS448")).findFirst().orElseThrow().difference().kind())
                .isEqualTo(YLocusDifference.Kind.STRUCTURAL);
        // Loci typed on one side only are left out, not counted as matches.
        Map<String, String> fewer = haplotype();
        fewer.remove("DYS481");
        assertThat(PaternalLineComparison.compare(YHaplotype.of(fewer), YHaplotype.of(haplotype()), PaternalLine.SON,
                YMutationRates.uniform(0.0025), UNSEEN_IN_1000).loci()).hasSize(16);
    }

    @Test
    void aLoadedDatabaseCountsOnTheLociItShares() throws IOException {
        String csv = "DYS19,DYS390,DYS385\n14,24,11-14\n14,24,\"14,11\"\n14,23,11-14\n15,24,11-14\n";
        HaplotypeDatabase database = HaplotypeDatabaseCsv.read("synthetic", new StringReader(csv));
        HaplotypeFrequency frequency = database.frequencyOf(YHaplotype.of(haplotype()), 0.95);
        // The first two rows agree at DYS19, DYS390 and DYS385 (its copies in either order): 2 of 4.
        assertThat(frequency.count()).isEqualTo(2);
        assertThat(frequency.size()).isEqualTo(4);
        assertThatThrownBy(() -> HaplotypeDatabaseCsv.read("bad", new StringReader("DYS19\nfourteen\n")))
                .hasMessage("Row 1, DYS19: A Y-STR allele is a repeat count such as 14 or 12.2");
    }

    @Test
    void aDatabaseOfMixedKitsCountsOnlyTheEntriesTypedWhereTheHaplotypeIs() throws IOException {
        // The second row was typed on a kit without DYS390 (blank): it is neither in the size nor in the count.
        String csv = "DYS19,DYS390\n14,24\n14,\n15,24\n";
        HaplotypeDatabase database = HaplotypeDatabaseCsv.read("mixed", new StringReader(csv));
        HaplotypeFrequency both = database.frequencyOf(YHaplotype.of(Map.of("DYS19", "14", "DYS390", "24")), 0.95);
        assertThat(both.count()).isEqualTo(1);
        assertThat(both.size()).isEqualTo(2);
        // On DYS19 alone every entry was typed: 2 of 3.
        HaplotypeFrequency one = database.frequencyOf(YHaplotype.of(Map.of("DYS19", "14")), 0.95);
        assertThat(one.count()).isEqualTo(2);
        assertThat(one.size()).isEqualTo(3);
        assertThatThrownBy(() -> HaplotypeDatabaseCsv.read("empty", new StringReader("DYS19,DYS390\n,\n")))
                .hasMessage("Row 1: no locus typed");
    }
}

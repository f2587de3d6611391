package org.homeward.identification.kinship.lineage;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * How common a haplotype is in a database the operator loaded: seen {@code count} times among {@code size}
 * haplotypes. Y-STR and mtDNA haplotypes are inherited whole, so their frequency cannot be multiplied from loci;
 * it is counted, and because most haplotypes of a case are rare or unseen, the figure used is the upper bound of
 * the Clopper-Pearson interval at the stated confidence (SWGDAM's Y-STR guidelines, 2014): for a haplotype never
 * seen, 1 - α^(1/N), e.g. 0.0030 for N = 1,000 at 95%. The point estimate count/size is shown beside it.
 */
public record HaplotypeFrequency(long count, long size, double confidence, double upperBound) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    public static HaplotypeFrequency counted(long count, long size, double confidence) {
        if (size < 1 || count < 0 || count > size) {
            throw new IllegalArgumentException("A count lies between 0 and the size of a database of at least one haplotype");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("A confidence is in (0, 1)");
        }
        // The upper limit of the one-sided interval: the (confidence) quantile of Beta(count + 1, size - count).
        double upper = count == size ? 1.0
                : new BetaDistribution(count + 1, size - count).inverseCumulativeProbability(confidence);
        return new HaplotypeFrequency(count, size, confidence, upper);
    }

    public double pointEstimate() {
        return (double) count / size;
    }
}

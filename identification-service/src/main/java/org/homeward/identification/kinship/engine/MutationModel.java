package org.homeward.identification.kinship.engine;

import java.util.Map;

/**
 * How an allele may change in one meiosis, so that a single parent/child inconsistency lowers a likelihood
 * ratio instead of making it zero. The matrix M[i][j] is the probability that a parent's allele i is
 * transmitted as allele j; every row sums to one; μ is the locus's rate per meiosis (default 0.002).
 * <ul>
 * <li>NONE: M = I (no mutation; the published test vectors are computed so).</li>
 * <li>EQUAL: M[i][j] = μ/(n-1) for j != i, M[i][i] = 1-μ, with n the alleles of the locus.</li>
 * <li>PROPORTIONAL: M[i][j] = α·p_j for j != i, M[i][i] = 1-α(1-p_i), with α = μ / (1 - Σ p_k²), so that the
 * expected rate Σ p_i (1-M[i][i]) is μ (pedmut's "proportional").</li>
 * <li>STEPWISE: from i to an allele j a whole number of repeats away, M[i][j] = μ·r^|i-j| / Σ_k r^|i-k| over
 * such alleles k != i (r is the range, default 0.1: one step is ten times likelier than two); to an allele
 * a microvariant away (9 to 9.3), M[i][j] = μ₂ / (number of such alleles), μ₂ default 1e-6; the rest stays
 * on the diagonal. Like pedmut's "stepwise", it is not lumpable, so it is evaluated over every allele.</li>
 * </ul>
 * EQUAL and PROPORTIONAL are lumpable: alleles nobody in a pedigree carries can be merged into one without
 * changing any likelihood, which is what keeps pedigree computations small.
 */
public record MutationModel(Kind kind, double rate, Map<String, Double> locusRates, double range,
                            double microvariantRate) {

    public enum Kind { NONE, EQUAL, PROPORTIONAL, STEPWISE }

    public static final double DEFAULT_RATE = 0.002;

    public MutationModel {
        locusRates = locusRates == null ? Map.of() : Map.copyOf(locusRates);
        for (double r : locusRates.values()) {
            requireRate(r);
        }
        requireRate(rate);
        requireRate(microvariantRate);
        if (!(range > 0 && range < 1)) {
            throw new IllegalArgumentException("The stepwise range is in (0, 1)");
        }
    }

    public static MutationModel none() {
        return new MutationModel(Kind.NONE, 0, Map.of(), 0.1, 0);
    }

    public static MutationModel of(Kind kind, double rate) {
        return new MutationModel(kind, rate, Map.of(), 0.1, 1e-6);
    }

    public boolean lumpable() {
        return kind != Kind.STEPWISE;
    }

    public double rateAt(String locus) {
        return locusRates.getOrDefault(locus, rate);
    }

    /** The transition matrix over the given alleles and frequencies, or null when nothing mutates. */
    public double[][] matrix(String locus, String[] alleles, double[] frequencies) {
        double mu = rateAt(locus);
        int n = alleles.length;
        if (kind == Kind.NONE || mu == 0 || n < 2) {
            return null;
        }
        double[][] m = new double[n][n];
        switch (kind) {
            case EQUAL -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        m[i][j] = i == j ? 1 - mu : mu / (n - 1);
                    }
                }
            }
            case PROPORTIONAL -> {
                double homozygosity = 0;
                for (double p : frequencies) {
                    homozygosity += p * p;
                }
                double alpha = mu / (1 - homozygosity);
                for (double p : frequencies) {
                    if (alpha * (1 - p) > 1) {
                        throw new Pedigree.Refused("The proportional model at rate " + mu + " is not defined at "
                                + locus + " (a mutation probability would exceed 1): lower the rate");
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        m[i][j] = i == j ? 1 - alpha * (1 - frequencies[i]) : alpha * frequencies[j];
                    }
                }
            }
            case STEPWISE -> stepwise(alleles, mu, m);
            default -> throw new IllegalStateException(kind.name());
        }
        return m;
    }

    private void stepwise(String[] alleles, double mu, double[][] m) {
        int n = alleles.length;
        for (int i = 0; i < n; i++) {
            double from = Allele.repeats(alleles[i]);
            double wholeWeights = 0;
            int microvariants = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double distance = Math.abs(Allele.repeats(alleles[j]) - from);
                if (isWhole(distance)) {
                    wholeWeights += Math.pow(range, distance);
                } else {
                    microvariants++;
                }
            }
            double stay = 1;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double distance = Math.abs(Allele.repeats(alleles[j]) - from);
                m[i][j] = isWhole(distance) ? mu * Math.pow(range, distance) / wholeWeights : microvariantRate / microvariants;
                stay -= m[i][j];
            }
            m[i][i] = stay;
        }
    }

    private static boolean isWhole(double distance) {
        return Math.abs(distance - Math.rint(distance)) < 1e-9;
    }

    private static void requireRate(double r) {
        if (!(r >= 0 && r < 0.5)) {
            throw new IllegalArgumentException("A mutation rate per meiosis is in [0, 0.5)");
        }
    }
}

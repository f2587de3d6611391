package org.homeward.identification.kinship.lineage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mutation rates per meiosis of Y-STR loci, as the operator configures them from a published table (e.g. the
 * YHRD's per-locus rates); a locus not in the table takes {@code defaultRate}. Rates are probabilities in (0, 0.5).
 */
public record YMutationRates(Map<String, Double> perLocus, double defaultRate) {

    /** A round figure of the order of the commonly typed loci's rates (a few per thousand meioses). */
    public static final double DEFAULT_RATE = 0.0025;

    public YMutationRates {
        Map<String, Double> normalised = new TreeMap<>();
        perLocus.forEach((locus, rate) -> normalised.put(locus.strip().toUpperCase(Locale.ROOT), requireRate(rate)));
        perLocus = java.util.Collections.unmodifiableMap(normalised);
        requireRate(defaultRate);
    }

    public static YMutationRates uniform(double rate) {
        return new YMutationRates(Map.of(), rate);
    }

    public double of(String locus) {
        return perLocus.getOrDefault(locus.toUpperCase(Locale.ROOT), defaultRate);
    }

    private static double requireRate(double rate) {
        if (!(rate > 0 && rate < 0.5)) {
            throw new IllegalArgumentException("A mutation rate per meiosis is in (0, 0.5)");
        }
        return rate;
    }
}

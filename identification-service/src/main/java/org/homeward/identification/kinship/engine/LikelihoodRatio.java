package org.homeward.identification.kinship.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A likelihood ratio with its parts: one factor per locus both sides typed (loci are unlinked, so the total
 * is their product) and how it was computed, so an examiner can redo any locus by hand.
 */
public record LikelihoodRatio(double total, Map<String, Double> perLocus, String method) {

    public LikelihoodRatio {
        perLocus = Collections.unmodifiableMap(new LinkedHashMap<>(perLocus));
    }

    public static LikelihoodRatio of(Map<String, Double> perLocus, String method) {
        double total = 1;
        for (double lr : perLocus.values()) {
            total *= lr;
        }
        return new LikelihoodRatio(total, perLocus, method);
    }

    public int lociCompared() {
        return perLocus.size();
    }

    /** P(related as stated | data) from the prior: LR·prior / (LR·prior + 1 - prior). */
    public double posterior(double prior) {
        return posterior(total, prior);
    }

    public static double posterior(double lr, double prior) {
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("A prior probability is in (0, 1)");
        }
        if (Double.isInfinite(lr)) {
            return 1;
        }
        return lr * prior / (lr * prior + 1 - prior);
    }
}

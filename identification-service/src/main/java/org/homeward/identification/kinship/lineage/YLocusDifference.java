package org.homeward.identification.kinship.lineage;

/**
 * How two men's calls at one locus differ: not at all, by a number of whole repeat steps (each copy compared with
 * its counterpart in order), or in a way no run of single-step mutations explains (a different number of copies,
 * a null allele against an allele, copies a fraction of a repeat apart). Mismatches are reported, never hidden.
 */
public record YLocusDifference(String locus, Kind kind, int steps) {

    public enum Kind { MATCH, STEPS, STRUCTURAL }

    static YLocusDifference between(String locus, YLocusCall a, YLocusCall b) {
        if (a.copies().equals(b.copies())) {
            return new YLocusDifference(locus, Kind.MATCH, 0);
        }
        if (a.isNull() || b.isNull() || a.copies().size() != b.copies().size()) {
            return new YLocusDifference(locus, Kind.STRUCTURAL, 0);
        }
        int steps = 0;
        for (int i = 0; i < a.copies().size(); i++) {
            java.math.BigDecimal difference = a.copies().get(i).subtract(b.copies().get(i)).abs();
            if (difference.stripTrailingZeros().scale() > 0) {
                return new YLocusDifference(locus, Kind.STRUCTURAL, 0);
            }
            steps += difference.intValueExact();
        }
        return new YLocusDifference(locus, Kind.STEPS, steps);
    }
}

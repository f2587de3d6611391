package org.homeward.identification.kinship;

/**
 * The population and genetic assumptions every likelihood ratio states: the allele frequency table, θ
 * (F_ST, 0 by default; applied to pairwise comparisons without mutation, see ClosedForms) and the
 * mutation model.
 */
public record KinshipModel(AlleleFrequencies frequencies, double theta, MutationModel mutation) {

    public KinshipModel {
        if (!(theta >= 0 && theta < 0.5)) {
            throw new IllegalArgumentException("theta is in [0, 0.5)");
        }
    }

    public LocusModel locus(String locus, java.util.Collection<String> observed) {
        return LocusModel.of(locus, observed, frequencies, mutation);
    }
}

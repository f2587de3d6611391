package org.homeward.identification.kinship.engine;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The population and genetic assumptions every likelihood ratio states: the allele frequency table, θ
 * (F_ST, 0 by default; applied to pairwise comparisons without mutation, see ClosedForms) and the
 * mutation model. It keeps each locus's mutation matrix over the table's alleles once computed: every
 * comparison at that locus without an unseen allele uses the same one.
 */
public final class KinshipModel {

    private final AlleleFrequencies frequencies;
    private final double theta;
    private final MutationModel mutation;
    private final Map<String, double[][]> tableMatrices = new ConcurrentHashMap<>();

    public KinshipModel(AlleleFrequencies frequencies, double theta, MutationModel mutation) {
        if (!(theta >= 0 && theta < 0.5)) {
            throw new IllegalArgumentException("theta is in [0, 0.5)");
        }
        this.frequencies = frequencies;
        this.theta = theta;
        this.mutation = mutation;
    }

    public AlleleFrequencies frequencies() {
        return frequencies;
    }

    public double theta() {
        return theta;
    }

    public MutationModel mutation() {
        return mutation;
    }

    public LocusModel locus(String locus, Collection<String> observed) {
        return LocusModel.of(locus, observed, frequencies, mutation, this::tableMatrix);
    }

    /** The mutation matrix over the table's alleles of a locus (null when nothing mutates), computed once. */
    private double[][] tableMatrix(String locus) {
        return tableMatrices.computeIfAbsent(locus, l -> {
            AlleleFrequencies.LocusAlleles all = frequencies.locus(l, java.util.List.of());
            double[][] m = mutation.matrix(l, all.alleles(), all.frequencies());
            return m == null ? new double[0][] : m;
        });
    }
}

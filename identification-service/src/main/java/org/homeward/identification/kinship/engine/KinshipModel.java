package org.homeward.identification.kinship.engine;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The population and genetic assumptions every likelihood ratio states: the allele frequency table, θ
 * (F_ST, 0 by default; in the closed forms and in pedigree likelihoods), the mutation model and the frequency
 * of a silent allele (0 by default: none). It keeps each locus's mutation matrix over the table's alleles once computed: every
 * comparison at that locus without an unseen allele uses the same one.
 */
public final class KinshipModel {

    private final AlleleFrequencies frequencies;
    private final double theta;
    private final MutationModel mutation;
    private final double silentFrequency;
    private final Map<String, double[][]> tableMatrices = new ConcurrentHashMap<>();

    public KinshipModel(AlleleFrequencies frequencies, double theta, MutationModel mutation) {
        this(frequencies, theta, mutation, 0);
    }

    public KinshipModel(AlleleFrequencies frequencies, double theta, MutationModel mutation, double silentFrequency) {
        if (!(theta >= 0 && theta < 0.5)) {
            throw new IllegalArgumentException("theta is in [0, 0.5)");
        }
        if (!(silentFrequency >= 0 && silentFrequency < 0.5)) {
            throw new IllegalArgumentException("A silent allele's frequency is in [0, 0.5)");
        }
        this.frequencies = frequencies;
        this.theta = theta;
        this.mutation = mutation;
        this.silentFrequency = silentFrequency;
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

    public double silentFrequency() {
        return silentFrequency;
    }

    public LocusModel locus(String locus, Collection<String> observed) {
        return LocusModel.of(locus, observed, frequencies, mutation, this::tableMatrix, silentFrequency);
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

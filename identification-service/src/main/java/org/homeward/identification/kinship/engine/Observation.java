package org.homeward.identification.kinship.engine;

/**
 * What a laboratory's reading of one locus says about the true genotype: P(reading | genotype) for every
 * genotype of a locus model. An exact reading is 1 for the genotype read and 0 elsewhere. A degraded
 * sample's reading allows allele drop-out, each allele copy failing to show independently with the sample's
 * probability d, as pedprobr's {@code likelihood(dropout = d)} models it:
 * <ul>
 * <li>a heterozygote {a, b} is read only from {a, b}, with (1-d)²;</li>
 * <li>one allele a is read from {a, a} with 1-d² (not both copies lost), and from {a, x}, x another
 * allele, with d·(1-d) (x lost, a not);</li>
 * <li>with a silent allele s in the model (see {@link LocusModel}), a is also read from {a, s} with 1-d:
 * the silent copy never shows.</li>
 * </ul>
 * A locus read as nothing is not a reading: it is left out, as an untyped locus is. Drop-in (a spurious
 * allele) is not modelled: a reading shows no allele the sample does not carry.
 */
public final class Observation {

    private Observation() {
    }

    /** The reading of a genotype taken as read. */
    public static double[] exact(LocusModel model, int genotype) {
        double[] vector = new double[model.genotypeCount()];
        vector[genotype] = 1;
        return vector;
    }

    /**
     * The reading of {@code read} (a homozygote when one allele showed) from a sample with drop-out probability
     * {@code dropout}, in a model that may hold a silent allele.
     */
    public static double[] of(LocusModel model, Genotype read, double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("A drop-out probability is in [0, 1)");
        }
        int silent = model.silentAllele();
        if (dropout == 0 && silent < 0) {
            return exact(model, model.genotypeIndex(read));
        }
        double[] vector = new double[model.genotypeCount()];
        int a = model.indexOf(read.first());
        int b = model.indexOf(read.second());
        if (a != b) {
            vector[LocusModel.genotype(a, b)] = (1 - dropout) * (1 - dropout);
            return vector;
        }
        for (int x = 0; x < model.alleleCount(); x++) {
            double p;
            if (x == a) {
                p = 1 - dropout * dropout;
            } else if (x == silent) {
                p = 1 - dropout;
            } else {
                p = dropout * (1 - dropout);
            }
            vector[LocusModel.genotype(a, x)] = p;
        }
        return vector;
    }
}

package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a pedigree computation needs at one locus: the alleles in play with their frequencies and the
 * mutation matrix over them. Unordered genotypes {i, j} (i <= j) are numbered j(j+1)/2 + i. Founders are in
 * Hardy-Weinberg equilibrium here; θ is applied where founders are drawn (ClosedForms, PedigreeLikelihood).
 *
 * <p>A silent (null) allele, one the kit cannot amplify, can be added at a stated frequency s: the other
 * alleles' frequencies are scaled by 1-s so they still sum to one, and it neither mutates nor is mutated into
 * (its row and column of the mutation matrix are those of identity). Familias offers the same parameter.
 */
public final class LocusModel {

    /** The label of the merged allele standing for every allele nobody in the computation carries. */
    public static final String OTHER = "*";

    /** The label of the silent allele, when the model has one. */
    public static final String SILENT = "silent";

    private final String locus;
    private final String[] alleles;
    private final double[] frequencies;
    private final double[][] transmission;
    private final double[][] mutation;

    private LocusModel(String locus, String[] alleles, double[] frequencies, double[][] mutation) {
        this.locus = locus;
        this.alleles = alleles;
        this.frequencies = frequencies;
        this.mutation = mutation;
        this.transmission = transmissionTable();
    }

    /**
     * The model for a computation whose typed people carry {@code observed} alleles. With a lumpable mutation
     * model the other alleles of the locus are merged into one (exactly; see MutationModel), otherwise every
     * allele of the table is kept.
     */
    public static LocusModel of(String locus, Collection<String> observed, AlleleFrequencies frequencies,
                                MutationModel mutation, java.util.function.Function<String, double[][]> tableMatrices) {
        return of(locus, observed, frequencies, mutation, tableMatrices, 0);
    }

    /** As above, with a silent allele at frequency {@code silent} when it is above 0. */
    public static LocusModel of(String locus, Collection<String> observed, AlleleFrequencies frequencies,
                                MutationModel mutation, java.util.function.Function<String, double[][]> tableMatrices,
                                double silent) {
        LocusModel model = withoutSilent(locus, observed, frequencies, mutation, tableMatrices);
        return silent > 0 ? model.withSilent(silent) : model;
    }

    private static LocusModel withoutSilent(String locus, Collection<String> observed, AlleleFrequencies frequencies,
                                            MutationModel mutation,
                                            java.util.function.Function<String, double[][]> tableMatrices) {
        Set<String> seen = new LinkedHashSet<>(observed);
        List<String> unseen = new ArrayList<>();
        for (String allele : seen) {
            if (!frequencies.alleles(locus).contains(allele)) {
                unseen.add(allele);
            }
        }
        AlleleFrequencies.LocusAlleles all = frequencies.locus(locus, unseen);
        // Without unseen alleles the matrix over the table's alleles is the same every time: the model keeps it.
        double[][] full = unseen.isEmpty() ? emptyAsNull(tableMatrices.apply(locus))
                : mutation.matrix(locus, all.alleles(), all.frequencies());
        if (!mutation.lumpable()) {
            return new LocusModel(locus, all.alleles(), all.frequencies(), full);
        }
        return lumped(locus, new ArrayList<>(seen), all, full);
    }

    /** This model with a silent allele at frequency s appended, the others scaled by 1-s. */
    private LocusModel withSilent(double s) {
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException("A silent allele's frequency is in (0, 1)");
        }
        int n = alleles.length;
        String[] a = java.util.Arrays.copyOf(alleles, n + 1);
        a[n] = SILENT;
        double[] f = new double[n + 1];
        for (int i = 0; i < n; i++) {
            f[i] = frequencies[i] * (1 - s);
        }
        f[n] = s;
        double[][] m = null;
        if (mutation != null) {
            m = new double[n + 1][n + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(mutation[i], 0, m[i], 0, n);
            }
            m[n][n] = 1;
        }
        return new LocusModel(locus, a, f, m);
    }

    /** The index of the silent allele, or -1 when the model has none. */
    public int silentAllele() {
        return alleles[alleles.length - 1].equals(SILENT) ? alleles.length - 1 : -1;
    }

    private static double[][] emptyAsNull(double[][] matrix) {
        return matrix == null || matrix.length == 0 ? null : matrix;
    }

    private static LocusModel lumped(String locus, List<String> kept, AlleleFrequencies.LocusAlleles all,
                                     double[][] full) {
        int[] keptIndex = kept.stream().mapToInt(all::indexOf).toArray();
        double keptTotal = 0;
        for (int index : keptIndex) {
            keptTotal += all.frequencies()[index];
        }
        double otherFrequency = 1 - keptTotal;
        boolean withOther = otherFrequency > 1e-12;
        int n = kept.size() + (withOther ? 1 : 0);
        String[] alleles = new String[n];
        double[] frequencies = new double[n];
        for (int i = 0; i < kept.size(); i++) {
            alleles[i] = kept.get(i);
            frequencies[i] = all.frequencies()[keptIndex[i]];
        }
        if (withOther) {
            alleles[n - 1] = OTHER;
            frequencies[n - 1] = otherFrequency;
        }
        return new LocusModel(locus, alleles, frequencies, lumpMatrix(full, keptIndex, all.frequencies(), withOther));
    }

    /**
     * Merges the rows and columns of the alleles nobody carries: into the merged allele, the sum of the
     * columns; out of it, the frequency-weighted mean of the rows (exact for a lumpable model, where those
     * rows agree).
     */
    private static double[][] lumpMatrix(double[][] full, int[] kept, double[] p, boolean withOther) {
        if (full == null) {
            return null;
        }
        int k = kept.length;
        int n = k + (withOther ? 1 : 0);
        boolean[] isKept = new boolean[full.length];
        for (int index : kept) {
            isKept[index] = true;
        }
        double[][] m = new double[n][n];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                m[a][b] = full[kept[a]][kept[b]];
            }
            if (withOther) {
                double toOther = 0;
                for (int j = 0; j < full.length; j++) {
                    toOther += isKept[j] ? 0 : full[kept[a]][j];
                }
                m[a][k] = toOther;
            }
        }
        if (withOther) {
            double weight = 0;
            for (int i = 0; i < full.length; i++) {
                if (isKept[i]) {
                    continue;
                }
                weight += p[i];
                for (int b = 0; b < k; b++) {
                    m[k][b] += p[i] * full[i][kept[b]];
                }
                for (int j = 0; j < full.length; j++) {
                    m[k][k] += isKept[j] ? 0 : p[i] * full[i][j];
                }
            }
            for (int b = 0; b <= k; b++) {
                m[k][b] /= weight;
            }
        }
        return m;
    }

    public String locus() {
        return locus;
    }

    public int alleleCount() {
        return alleles.length;
    }

    public int genotypeCount() {
        return alleles.length * (alleles.length + 1) / 2;
    }

    public String allele(int index) {
        return alleles[index];
    }

    public double frequency(int allele) {
        return frequencies[allele];
    }

    /** The index of an allele; an allele the model merged away maps to the merged allele. */
    public int indexOf(String allele) {
        int other = -1;
        for (int i = 0; i < alleles.length; i++) {
            if (alleles[i].equals(allele)) {
                return i;
            }
            if (alleles[i].equals(OTHER)) {
                other = i;
            }
        }
        if (other < 0) {
            throw new IllegalArgumentException("Allele " + allele + " is not in the model of " + locus);
        }
        return other;
    }

    public int genotypeIndex(Genotype genotype) {
        return genotype(indexOf(genotype.first()), indexOf(genotype.second()));
    }

    public static int genotype(int a, int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        return high * (high + 1) / 2 + low;
    }

    /** The smaller allele index of a genotype index. */
    public int firstAllele(int genotype) {
        return genotype - secondAllele(genotype) * (secondAllele(genotype) + 1) / 2;
    }

    /** The larger allele index of a genotype index. */
    public int secondAllele(int genotype) {
        int high = (int) ((Math.sqrt(8.0 * genotype + 1) - 1) / 2);
        while (high * (high + 1) / 2 > genotype) {
            high--;
        }
        while ((high + 1) * (high + 2) / 2 <= genotype) {
            high++;
        }
        return high;
    }

    /** P(a founder has this genotype), Hardy-Weinberg. */
    public double founderProbability(int genotype) {
        int a = firstAllele(genotype);
        int b = secondAllele(genotype);
        return a == b ? frequencies[a] * frequencies[a] : 2 * frequencies[a] * frequencies[b];
    }

    public double founderProbability(Genotype genotype) {
        return founderProbability(genotypeIndex(genotype));
    }

    /** T[g][a]: the probability that a parent of genotype g transmits allele a (mutation included). */
    public double[][] transmission() {
        return transmission;
    }

    /** M[i][j], or null when nothing mutates. */
    public double[][] mutation() {
        return mutation;
    }

    private double[][] transmissionTable() {
        int n = alleles.length;
        double[][] t = new double[genotypeCount()][n];
        for (int g = 0; g < t.length; g++) {
            int a = firstAllele(g);
            int b = secondAllele(g);
            for (int x = 0; x < n; x++) {
                t[g][x] = 0.5 * (carry(a, x) + carry(b, x));
            }
        }
        return t;
    }

    private double carry(int from, int to) {
        if (mutation == null) {
            return from == to ? 1 : 0;
        }
        return mutation[from][to];
    }
}

package org.homeward.identification.kinship.engine;

import java.util.Arrays;
import java.util.Map;

/**
 * The probability of the typed genotypes at one locus given a loop-free pedigree, computed exactly by
 * peeling (sum-product over the tree that members and nuclear families form, the Elston-Stewart idea):
 * each nuclear family is summed out once, through the alleles its parents transmit, so a family costs
 * O(G²·n) for G genotypes over n alleles, not O(G³).
 *
 * <p>Untyped members are summed over every genotype; founders carry the population's genotype
 * probabilities; children the Mendelian transmission through the mutation matrix. No drop-out or drop-in:
 * a typed genotype is taken as read.
 */
public final class PedigreeLikelihood {

    private final Pedigree pedigree;
    private final LocusModel model;
    private final int[] typed;
    private final int genotypes;

    private PedigreeLikelihood(Pedigree pedigree, LocusModel model, Map<Integer, Integer> typedGenotypes) {
        this.pedigree = pedigree;
        this.model = model;
        this.genotypes = model.genotypeCount();
        this.typed = new int[pedigree.size()];
        Arrays.fill(typed, -1);
        typedGenotypes.forEach((member, genotype) -> typed[member] = genotype);
    }

    /** P(typed genotypes | pedigree) at the model's locus; typed maps member index to genotype index. */
    public static double of(Pedigree pedigree, LocusModel model, Map<Integer, Integer> typedGenotypes) {
        return new PedigreeLikelihood(pedigree, model, typedGenotypes).total();
    }

    private double total() {
        boolean[] done = new boolean[pedigree.size()];
        double likelihood = 1;
        for (int member = 0; member < pedigree.size(); member++) {
            if (done[member]) {
                continue;
            }
            markComponent(member, done);
            double[] own = own(member);
            for (int family : pedigree.familiesOf(member)) {
                multiply(own, familyToMember(family, member));
            }
            likelihood *= sum(own);
        }
        return likelihood;
    }

    private void markComponent(int member, boolean[] done) {
        if (done[member]) {
            return;
        }
        done[member] = true;
        for (int family : pedigree.familiesOf(member)) {
            Pedigree.Family f = pedigree.families().get(family);
            markComponent(f.father(), done);
            markComponent(f.mother(), done);
            f.children().forEach(child -> markComponent(child, done));
        }
    }

    /** A member's own factor: his founder probabilities (if a founder) times his evidence. */
    private double[] own(int member) {
        double[] vector = new double[genotypes];
        for (int g = 0; g < genotypes; g++) {
            if (typed[member] >= 0 && typed[member] != g) {
                continue;
            }
            vector[g] = pedigree.isFounder(member) ? model.founderProbability(g) : 1;
        }
        return vector;
    }

    /** What a member tells a family he belongs to: his own factor and everything beyond his other families. */
    private double[] memberToFamily(int member, int towards) {
        double[] vector = own(member);
        for (int family : pedigree.familiesOf(member)) {
            if (family != towards) {
                multiply(vector, familyToMember(family, member));
            }
        }
        return vector;
    }

    /** What a nuclear family tells one of its members, summing out everyone else in it. */
    private double[] familyToMember(int familyIndex, int target) {
        Pedigree.Family family = pedigree.families().get(familyIndex);
        double[][] t = model.transmission();
        double[] fatherMessage = family.father() == target ? null : memberToFamily(family.father(), familyIndex);
        double[] motherMessage = family.mother() == target ? null : memberToFamily(family.mother(), familyIndex);
        // W(gf, gm): the parents' joint weight times every other child summed out.
        double[][] w = new double[genotypes][genotypes];
        for (double[] row : w) {
            Arrays.fill(row, 1);
        }
        for (int child : family.children()) {
            if (child != target) {
                multiply(w, childSummedOut(memberToFamily(child, familyIndex), t));
            }
        }
        if (family.father() == target) {
            return parentMessage(w, motherMessage, true);
        }
        if (family.mother() == target) {
            return parentMessage(w, fatherMessage, false);
        }
        for (int gf = 0; gf < genotypes; gf++) {
            for (int gm = 0; gm < genotypes; gm++) {
                w[gf][gm] *= fatherMessage[gf] * motherMessage[gm];
            }
        }
        return childFromParents(w, t);
    }

    /** A parent's message: W(gf, gm) summed over the other parent's genotypes, weighted by that parent's message. */
    private double[] parentMessage(double[][] w, double[] otherParent, boolean targetIsFather) {
        double[] out = new double[genotypes];
        for (int target = 0; target < genotypes; target++) {
            double s = 0;
            for (int other = 0; other < genotypes; other++) {
                s += otherParent[other] * (targetIsFather ? w[target][other] : w[other][target]);
            }
            out[target] = s;
        }
        return out;
    }

    /** S(gf, gm) = Σ_gc P(gc | gf, gm)·μ(gc), through the ordered alleles the parents transmit. */
    private double[][] childSummedOut(double[] childMessage, double[][] t) {
        int n = model.alleleCount();
        double[][] a = new double[genotypes][n];
        for (int gf = 0; gf < genotypes; gf++) {
            for (int x = 0; x < n; x++) {
                double tx = t[gf][x];
                if (tx == 0) {
                    continue;
                }
                for (int y = 0; y < n; y++) {
                    a[gf][y] += tx * childMessage[LocusModel.genotype(x, y)];
                }
            }
        }
        double[][] s = new double[genotypes][genotypes];
        for (int gf = 0; gf < genotypes; gf++) {
            for (int gm = 0; gm < genotypes; gm++) {
                double sum = 0;
                for (int y = 0; y < n; y++) {
                    sum += a[gf][y] * t[gm][y];
                }
                s[gf][gm] = sum;
            }
        }
        return s;
    }

    /** The child's message: Σ_{gf,gm} W(gf,gm)·P(gc | gf, gm), with P({x,y}) = T_f(x)T_m(y) + T_f(y)T_m(x) for x != y. */
    private double[] childFromParents(double[][] w, double[][] t) {
        int n = model.alleleCount();
        double[][] b = new double[genotypes][n];
        for (int gf = 0; gf < genotypes; gf++) {
            for (int gm = 0; gm < genotypes; gm++) {
                double weight = w[gf][gm];
                if (weight == 0) {
                    continue;
                }
                for (int y = 0; y < n; y++) {
                    b[gf][y] += weight * t[gm][y];
                }
            }
        }
        double[][] q = new double[n][n];
        for (int gf = 0; gf < genotypes; gf++) {
            for (int x = 0; x < n; x++) {
                double tx = t[gf][x];
                if (tx == 0) {
                    continue;
                }
                for (int y = 0; y < n; y++) {
                    q[x][y] += tx * b[gf][y];
                }
            }
        }
        double[] out = new double[genotypes];
        for (int x = 0; x < n; x++) {
            for (int y = x; y < n; y++) {
                out[LocusModel.genotype(x, y)] = x == y ? q[x][x] : q[x][y] + q[y][x];
            }
        }
        return out;
    }

    private static void multiply(double[] into, double[] by) {
        for (int i = 0; i < into.length; i++) {
            into[i] *= by[i];
        }
    }

    private static void multiply(double[][] into, double[][] by) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] *= by[i][j];
            }
        }
    }

    private static double sum(double[] vector) {
        double s = 0;
        for (double v : vector) {
            s += v;
        }
        return s;
    }

}

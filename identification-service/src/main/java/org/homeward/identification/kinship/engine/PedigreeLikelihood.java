package org.homeward.identification.kinship.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The probability of the typed genotypes at one locus given a loop-free pedigree, computed exactly by
 * peeling (sum-product over the tree that members and nuclear families form, the Elston-Stewart idea):
 * each nuclear family is summed out once, through the alleles its parents transmit, so a family costs
 * O(G²·n) for G genotypes over n alleles, not O(G³).
 *
 * <p>Untyped members are summed over every genotype; founders carry the population's genotype
 * probabilities; children the Mendelian transmission through the mutation matrix. What was read of a typed
 * member enters as P(reading | genotype) ({@link Observation}): 1 for the genotype read when the reading is
 * exact, spread over the genotypes drop-out or a silent allele could have hidden otherwise.
 *
 * <p>With θ > 0 the founders' alleles are not independent: they are drawn from one subpopulation by the
 * Balding-Nichols sampling formula, the j-th allele being a with probability (b·θ + (1-θ)·p_a) / (1 + (j-2)·θ)
 * when b of the j-1 drawn before are a. As pedprobr does (its {@code likTheta}), every joint genotype of the
 * founders is enumerated, weighted by that sequential probability and peeled with the founders fixed. People
 * outside the pedigree (the candidates under "unrelated") are drawn from the same subpopulation, which is
 * what makes a θ-corrected ratio conservative. The enumeration grows as G^founders, so a locus that would take more
 * than {@link #MAX_THETA_WORK} is refused.
 */
public final class PedigreeLikelihood {

    /**
     * The most work θ may take at one locus before the pedigree is refused: joint founder genotypes enumerated,
     * times what one peeling costs (G²·n per nuclear family). About two seconds on one core.
     */
    public static final double MAX_THETA_WORK = 3e8;

    private final Pedigree pedigree;
    private final LocusModel model;
    /** Per member, P(reading | genotype); null for an untyped member. */
    private final double[][] evidence;
    /** Per founder, the weight of each genotype: Hardy-Weinberg, or one fixed genotype while θ enumerates. */
    private final double[][] founderWeight;
    private final int genotypes;

    private PedigreeLikelihood(Pedigree pedigree, LocusModel model, Map<Integer, double[]> evidence) {
        this.pedigree = pedigree;
        this.model = model;
        this.genotypes = model.genotypeCount();
        this.evidence = new double[pedigree.size()][];
        evidence.forEach((member, vector) -> {
            if (vector.length != genotypes) {
                throw new IllegalArgumentException("An observation covers every genotype of the locus model");
            }
            this.evidence[member] = vector;
        });
        this.founderWeight = new double[pedigree.size()][];
        double[] hardyWeinberg = new double[genotypes];
        for (int g = 0; g < genotypes; g++) {
            hardyWeinberg[g] = model.founderProbability(g);
        }
        for (int member = 0; member < pedigree.size(); member++) {
            founderWeight[member] = pedigree.isFounder(member) ? hardyWeinberg : null;
        }
    }

    /** P(typed genotypes | pedigree) at the model's locus; typed maps member index to genotype index (read exactly). */
    public static double of(Pedigree pedigree, LocusModel model, Map<Integer, Integer> typedGenotypes) {
        Map<Integer, double[]> evidence = new HashMap<>();
        typedGenotypes.forEach((member, genotype) -> evidence.put(member, Observation.exact(model, genotype)));
        return new PedigreeLikelihood(pedigree, model, evidence).total();
    }

    /**
     * P(readings | pedigree) at the model's locus, times the readings of {@code unrelated} people outside it,
     * all drawn from one subpopulation with this θ. {@code evidence} maps member index to P(reading | genotype).
     */
    public static double of(Pedigree pedigree, LocusModel model, Map<Integer, double[]> evidence,
                            List<double[]> unrelated, double theta) {
        PedigreeLikelihood likelihood = new PedigreeLikelihood(pedigree, model, evidence);
        if (theta == 0) {
            double total = likelihood.total();
            for (double[] person : unrelated) {
                total *= independent(model, person);
            }
            return total;
        }
        return likelihood.withTheta(unrelated, theta);
    }

    /** P(a reading) of one person related to nobody, in Hardy-Weinberg equilibrium: Σ_g P(reading | g)·P(g). */
    public static double independent(LocusModel model, double[] evidence) {
        double sum = 0;
        for (int g = 0; g < evidence.length; g++) {
            sum += evidence[g] * model.founderProbability(g);
        }
        return sum;
    }

    private double withTheta(List<double[]> unrelated, double theta) {
        List<Integer> founders = new java.util.ArrayList<>();
        for (int member = 0; member < pedigree.size(); member++) {
            if (pedigree.isFounder(member)) {
                founders.add(member);
            }
        }
        // The people outside the pedigree first, then its founders with the fewest possible genotypes first: the
        // last founder is not enumerated but given his genotypes' sampling probabilities and peeled once.
        founders.sort(java.util.Comparator.comparingInt(f -> possible(evidence[f]).length));
        int people = unrelated.size() + founders.size();
        int[][] options = new int[people][];
        double[][] readings = new double[people][];
        int[] members = new int[people];
        double peeling = (double) genotypes * genotypes * model.alleleCount() * Math.max(1, pedigree.families().size());
        double combinations = 1;
        for (int i = 0; i < people; i++) {
            boolean outside = i < unrelated.size();
            members[i] = outside ? -1 : founders.get(i - unrelated.size());
            readings[i] = outside ? unrelated.get(i) : evidence[members[i]];
            options[i] = possible(readings[i]);
            if (i < people - 1 || outside) {
                combinations *= Math.max(1, options[i].length);
            }
            if (combinations * peeling > MAX_THETA_WORK) {
                throw new Pedigree.Refused("θ in this pedigree means peeling it for more than "
                        + String.format(java.util.Locale.ROOT, "%.0f", combinations) + " joint genotypes of its founders"
                        + " at " + model.locus() + ", more than one request may take; type more of its members, use a"
                        + " lumpable mutation model (NONE, EQUAL, PROPORTIONAL), or compute with θ = 0");
            }
        }
        return new ThetaSum(theta, members, options, readings).sum();
    }

    /** The genotypes a reading allows (every genotype for nobody's reading). */
    private int[] possible(double[] reading) {
        return java.util.stream.IntStream.range(0, genotypes).filter(g -> reading == null || reading[g] > 0).toArray();
    }

    /**
     * The enumeration of the founders' joint genotypes, each weighted by the sampling formula, then peeled. The
     * last founder's sum is done by the peeling itself: given everyone drawn before him, the probability of each of
     * his genotypes is known, so it stands as his founder weight, exactly.
     */
    private final class ThetaSum {
        private final double theta;
        /** Per person enumerated, his member index, or -1 for someone outside the pedigree. */
        private final int[] members;
        private final int[][] options;
        private final double[][] readings;
        private final int[] alleleCounts = new int[model.alleleCount()];
        private final double[][] fixed;

        ThetaSum(double theta, int[] members, int[][] options, double[][] readings) {
            this.theta = theta;
            this.members = members;
            this.options = options;
            this.readings = readings;
            this.fixed = new double[genotypes][genotypes];
            for (int g = 0; g < genotypes; g++) {
                fixed[g][g] = 1;
            }
        }

        double sum() {
            return enumerate(0, 0, 1);
        }

        private double enumerate(int person, int drawn, double weight) {
            if (person == members.length) {
                return weight * total();
            }
            if (person == members.length - 1 && members[person] >= 0) {
                founderWeight[members[person]] = conditional(drawn);
                return weight * total();
            }
            double sum = 0;
            for (int g : options[person]) {
                int a = model.firstAllele(g);
                int b = model.secondAllele(g);
                double w = weight * draw(a, drawn);
                alleleCounts[a]++;
                w *= draw(b, drawn + 1) * (a == b ? 1 : 2);
                alleleCounts[b]++;
                if (members[person] >= 0) {
                    // A founder's own factor carries his reading (own()), so only his genotype is fixed here.
                    founderWeight[members[person]] = fixed[g];
                } else {
                    w *= readings[person] == null ? 1 : readings[person][g];
                }
                if (w > 0) {
                    sum += enumerate(person + 1, drawn + 2, w);
                }
                alleleCounts[a]--;
                alleleCounts[b]--;
            }
            return sum;
        }

        /** P(the next founder has each genotype | the alleles drawn so far), by the sampling formula. */
        private double[] conditional(int drawn) {
            double[] p = new double[genotypes];
            for (int g = 0; g < genotypes; g++) {
                int a = model.firstAllele(g);
                int b = model.secondAllele(g);
                double first = draw(a, drawn);
                alleleCounts[a]++;
                p[g] = first * draw(b, drawn + 1) * (a == b ? 1 : 2);
                alleleCounts[a]--;
            }
            return p;
        }

        /** The Balding-Nichols probability that the next allele is a, having drawn {@code drawn} alleles. */
        private double draw(int allele, int drawn) {
            return (alleleCounts[allele] * theta + (1 - theta) * model.frequency(allele)) / (1 + (drawn - 1) * theta);
        }
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

    /** A member's own factor: his founder weights (if a founder) times the probability of his reading. */
    private double[] own(int member) {
        double[] vector = new double[genotypes];
        double[] reading = evidence[member];
        double[] founder = founderWeight[member];
        for (int g = 0; g < genotypes; g++) {
            vector[g] = (reading == null ? 1 : reading[g]) * (founder == null ? 1 : founder[g]);
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

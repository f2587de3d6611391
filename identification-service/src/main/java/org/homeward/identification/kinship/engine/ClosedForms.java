package org.homeward.identification.kinship.engine;

/**
 * Single-locus likelihood ratios in closed form (θ = 0), the formulas an examiner checks by hand. With
 * genotypes g1 (reference) and g2 (missing person or remains), P(g) the Hardy-Weinberg probability and
 * T(x|g) the probability that a parent of genotype g transmits allele x (1/2 per copy without mutation,
 * through the mutation matrix with it):
 * <ul>
 * <li>identity: LR = 1/P(g2) if g1 = g2, else 0;</li>
 * <li>parent g1 of child g2 = {x, y}: LR = [T(x|g1)q_y + T(y|g1)q_x] / P(g2) for x != y, T(x|g1)q_x / P(g2)
 * for x = y, where q_a = Σ_i p_i·M[i][a] is what the untyped other parent transmits (q = p without mutation:
 * Brenner's parent/child table, e.g. AA/AA gives 1/p_A);</li>
 * <li>other pairs, without mutation: LR = k0 + k1·LR_parent-child + k2·LR_identity;</li>
 * <li>trio, parents g1 and g3 of child {x, y}: LR = [T1(x)T3(y) + T1(y)T3(x)] / P(g2) for x != y,
 * T1(x)T3(x) / P(g2) for x = y.</li>
 * </ul>
 * With θ > 0 (pairs without mutation), the Balding-Nichols sampling formula replaces the frequencies: having
 * seen n alleles, m of them a, the next is a with probability (mθ + (1-θ)p_a) / (1 + (n-1)θ). The reference's
 * two alleles are seen first; then LR = [k0·P0 + k1·P1 + k2·P2] / P0 with P0 the candidate's two alleles
 * drawn afresh, P1 one of them identical by descent with one of the reference's (1/2 each) and the other
 * drawn, P2 = [same genotype]. θ = 0 gives the formulas above.
 */
public final class ClosedForms {

    private ClosedForms() {
    }

    public static double identity(LocusModel model, int reference, int missing) {
        return reference == missing ? 1 / hardyWeinberg(model, missing) : 0;
    }

    /** The reference is the parent, the missing person the child (mutation in that direction). */
    public static double parentOfMissing(LocusModel model, int parent, int child) {
        double[] t = model.transmission()[parent];
        int x = model.firstAllele(child);
        int y = model.secondAllele(child);
        double transmitted = x == y ? t[x] * fromUntypedParent(model, x)
                : t[x] * fromUntypedParent(model, y) + t[y] * fromUntypedParent(model, x);
        return transmitted / hardyWeinberg(model, child);
    }

    /**
     * The allele an untyped parent transmits: q_a = Σ_i p_i·M[i][a], mutation included; q = p without
     * mutation and for a stationary model (proportional), not for equal or stepwise.
     */
    static double fromUntypedParent(LocusModel model, int allele) {
        double[][] m = model.mutation();
        if (m == null) {
            return model.frequency(allele);
        }
        double q = 0;
        for (int i = 0; i < m.length; i++) {
            q += model.frequency(i) * m[i][allele];
        }
        return q;
    }

    /** k0 + k1·LR_parent-child + k2·LR_identity; exact for any pair of non-inbred relatives without mutation. */
    public static double pairwise(LocusModel model, Relation relation, int reference, int missing) {
        if (model.mutation() != null) {
            throw new IllegalArgumentException("The k-coefficient formula holds without mutation only");
        }
        return relation.k0 + relation.k1 * parentOfMissing(model, reference, missing)
                + relation.k2 * identity(model, reference, missing);
    }

    /** Both parents typed: the trio formula, not the product of two parent/child ratios. */
    public static double trio(LocusModel model, int father, int mother, int child) {
        double[] tf = model.transmission()[father];
        double[] tm = model.transmission()[mother];
        int x = model.firstAllele(child);
        int y = model.secondAllele(child);
        double p = x == y ? tf[x] * tm[x] : tf[x] * tm[y] + tf[y] * tm[x];
        return p / hardyWeinberg(model, child);
    }

    /** The pairwise ratio with the Balding-Nichols θ correction (no mutation). */
    public static double pairwiseWithTheta(LocusModel model, Relation relation, int reference, int missing, double theta) {
        int r1 = model.firstAllele(reference);
        int r2 = model.secondAllele(reference);
        int c1 = model.firstAllele(missing);
        int c2 = model.secondAllele(missing);
        double fresh = draw(model, theta, c1, r1, r2, -1) * draw(model, theta, c2, r1, r2, c1) * (c1 == c2 ? 1 : 2);
        double oneShared = 0.5 * (sharedThenDrawn(model, theta, r1, r1, r2, c1, c2)
                + sharedThenDrawn(model, theta, r2, r1, r2, c1, c2));
        double identical = reference == missing ? 1 : 0;
        return (relation.k0 * fresh + relation.k1 * oneShared + relation.k2 * identical) / fresh;
    }

    /** P(candidate | allele {@code ibd} of the reference is one of his, the other drawn having seen r1, r2). */
    private static double sharedThenDrawn(LocusModel model, double theta, int ibd, int r1, int r2, int c1, int c2) {
        double p = 0;
        if (ibd == c1) {
            p += draw(model, theta, c2, r1, r2, -1);
        }
        if (ibd == c2 && c1 != c2) {
            p += draw(model, theta, c1, r1, r2, -1);
        }
        return p;
    }

    /** The sampling formula for allele a having seen r1, r2 and (if >= 0) one more allele. */
    private static double draw(LocusModel model, double theta, int a, int r1, int r2, int more) {
        int seen = more >= 0 ? 3 : 2;
        int copies = (a == r1 ? 1 : 0) + (a == r2 ? 1 : 0) + (a == more ? 1 : 0);
        return (copies * theta + (1 - theta) * model.frequency(a)) / (1 + (seen - 1) * theta);
    }

    static double hardyWeinberg(LocusModel model, int genotype) {
        int x = model.firstAllele(genotype);
        int y = model.secondAllele(genotype);
        return x == y ? model.frequency(x) * model.frequency(x) : 2 * model.frequency(x) * model.frequency(y);
    }
}

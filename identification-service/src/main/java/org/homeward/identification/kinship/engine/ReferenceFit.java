package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family's references checked against each other before they are trusted (as forrel's checkPairwise does): for
 * each pair whose relationship to each other follows from their stated relationships to the missing person (two
 * parents are unrelated, a parent and a full sibling are parent and child, two full siblings are full siblings, a
 * full sibling and the missing person's child are uncle and nephew...), the likelihood of their profiles under that
 * relationship is set against the other relationships a pair can have (unrelated, parent and child either way, full
 * siblings, second degree, third degree). A pair that fits another relationship at least {@code factor} times better
 * than the stated one is flagged: a swapped sample, a father who is not the father, a half brother stated as full.
 * Pairs whose relationship the statements do not fix (two grandparents, a parent and an uncle of unknown side) are
 * not checked, nor a pair with no locus in common. The references given must be on the table's loci, and their
 * relationships exact: a missing parent's child lent as "at least a half sibling" must be left out.
 */
public final class ReferenceFit {

    /** The relationships a pair is weighed under; UNRELATED is 1 (the ratios are all against it). */
    public enum PairRelationship { UNRELATED, PARENT_CHILD, FULL_SIBLINGS, SECOND_DEGREE, THIRD_DEGREE }

    /** One pair: its stated relationship and the best, each ratio against unrelated, the loci both typed. */
    public record Pair(String donorA, String donorB, PairRelationship stated, double statedLr, PairRelationship best,
                       double bestLr, int lociCompared, boolean flagged) {
    }

    private ReferenceFit() {
    }

    /** Every checkable pair of the typed references, in the order given. */
    public static List<Pair> check(KinshipCalculator calculator, List<FamilyReferences.Donor> references, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("A fit factor is at least 1");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            for (int j = i + 1; j < references.size(); j++) {
                FamilyReferences.Donor a = references.get(i);
                FamilyReferences.Donor b = references.get(j);
                PairRelationship stated = stated(a.relation(), b.relation());
                if (stated == null || a.id().equals(b.id())) {
                    continue;
                }
                Map<PairRelationship, LikelihoodRatio> ratios = weighed(calculator, a, b);
                int loci = ratios.get(PairRelationship.FULL_SIBLINGS).lociCompared();
                if (loci == 0) {
                    continue;
                }
                double statedLr = lr(ratios, stated);
                PairRelationship best = PairRelationship.UNRELATED;
                for (PairRelationship alternative : PairRelationship.values()) {
                    if (lr(ratios, alternative) > lr(ratios, best)) {
                        best = alternative;
                    }
                }
                double bestLr = lr(ratios, best);
                pairs.add(new Pair(a.id(), b.id(), stated, statedLr, best, bestLr, loci,
                        best != stated && bestLr >= factor * statedLr));
            }
        }
        return pairs;
    }

    private static double lr(Map<PairRelationship, LikelihoodRatio> ratios, PairRelationship relationship) {
        return relationship == PairRelationship.UNRELATED ? 1.0 : ratios.get(relationship).total();
    }

    /** Each relationship's ratio for the pair (parent and child the likelier way round). */
    private static Map<PairRelationship, LikelihoodRatio> weighed(KinshipCalculator calculator, FamilyReferences.Donor a,
                                                                  FamilyReferences.Donor b) {
        Map<PairRelationship, LikelihoodRatio> ratios = new EnumMap<>(PairRelationship.class);
        LikelihoodRatio aParentOfB = calculator.pairwise(b.profile(), a.profile(), Relation.PARENT);
        LikelihoodRatio bParentOfA = calculator.pairwise(a.profile(), b.profile(), Relation.PARENT);
        ratios.put(PairRelationship.PARENT_CHILD, aParentOfB.total() >= bParentOfA.total() ? aParentOfB : bParentOfA);
        ratios.put(PairRelationship.FULL_SIBLINGS, calculator.pairwise(a.profile(), b.profile(), Relation.FULL_SIBLING));
        ratios.put(PairRelationship.SECOND_DEGREE, calculator.pairwise(a.profile(), b.profile(), Relation.HALF_SIBLING));
        ratios.put(PairRelationship.THIRD_DEGREE, calculator.pairwise(a.profile(), b.profile(), Relation.FIRST_COUSIN));
        return ratios;
    }

    /** What two references are to each other, from what each is to the missing person; null when it is not fixed. */
    static PairRelationship stated(Relation a, Relation b) {
        Set<Relation> pair = a == b ? Set.of(a) : Set.of(a, b);
        if (a == b) {
            return switch (a) {
                case PARENT -> PairRelationship.UNRELATED;
                case FULL_SIBLING -> PairRelationship.FULL_SIBLINGS;
                default -> null; // two children, grandparents or uncles: full or half, one side or the other
            };
        }
        if (pair.equals(Set.of(Relation.PARENT, Relation.FULL_SIBLING))) {
            return PairRelationship.PARENT_CHILD;
        }
        if (pair.equals(Set.of(Relation.PARENT, Relation.CHILD))
                || pair.equals(Set.of(Relation.FULL_SIBLING, Relation.HALF_SIBLING))
                || pair.equals(Set.of(Relation.FULL_SIBLING, Relation.CHILD))
                || pair.equals(Set.of(Relation.FULL_SIBLING, Relation.GRANDPARENT))
                || pair.equals(Set.of(Relation.FULL_SIBLING, Relation.UNCLE_OR_AUNT))) {
            return PairRelationship.SECOND_DEGREE;
        }
        if (pair.equals(Set.of(Relation.CHILD, Relation.GRANDPARENT))) {
            return PairRelationship.THIRD_DEGREE;
        }
        return null;
    }
}

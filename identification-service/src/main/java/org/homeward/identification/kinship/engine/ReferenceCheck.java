package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One family reference compared on its own with the remains, as its stated relationship says: its own LR
 * and the loci where its genotype cannot be that relative's (a parent or child sharing no allele, a personal
 * effect of another genotype). A pedigree's combined LR can hide a reference that does not fit (a swapped
 * sample, a father who is not the father); the undisputed rule reads these instead.
 */
public record ReferenceCheck(String donorId, Relation relation, double lr, List<String> inconsistentLoci) {

    public ReferenceCheck {
        inconsistentLoci = List.copyOf(inconsistentLoci);
    }

    public static ReferenceCheck of(KinshipCalculator calculator, String donorId, Relation relation, StrProfile remains,
                                    StrProfile reference) {
        LikelihoodRatio lr = calculator.pairwise(remains, reference, relation);
        List<String> inconsistent = new ArrayList<>();
        for (String locus : lr.perLocus().keySet()) {
            if (inconsistent(relation, remains.at(locus), reference.at(locus))) {
                inconsistent.add(locus);
            }
        }
        return new ReferenceCheck(donorId, relation, lr.total(), inconsistent);
    }

    /** Whether the two genotypes exclude the relationship outright (siblings and further may share nothing). */
    static boolean inconsistent(Relation relation, Genotype remains, Genotype reference) {
        if (remains == null || reference == null) {
            return false;
        }
        return switch (relation) {
            case IDENTITY -> !remains.equals(reference);
            case PARENT, CHILD -> !sharesAnAllele(remains, reference);
            default -> false;
        };
    }

    private static boolean sharesAnAllele(Genotype a, Genotype b) {
        return a.first().equals(b.first()) || a.first().equals(b.second())
                || a.second().equals(b.first()) || a.second().equals(b.second());
    }
}

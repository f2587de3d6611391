package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One family reference compared on its own with the remains, as its stated relationship says: its own LR
 * and the loci where its genotype cannot be that relative's (a parent or child sharing no allele, a personal
 * effect of another genotype). A pedigree's combined LR can hide a reference that does not fit (a swapped
 * sample, a father who is not the father); the undisputed rule reads these instead. A degraded sample's lone
 * allele excludes nothing it may hide.
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
            if (inconsistent(relation, remains.at(locus), remains.dropout() > 0, reference.at(locus),
                    reference.dropout() > 0)) {
                inconsistent.add(locus);
            }
        }
        return new ReferenceCheck(donorId, relation, lr.total(), inconsistent);
    }

    /** Whether the two genotypes exclude the relationship outright (siblings and further may share nothing). */
    static boolean inconsistent(Relation relation, Genotype remains, Genotype reference) {
        return inconsistent(relation, remains, false, reference, false);
    }

    /**
     * The same for readings: a degraded sample read as one allele may carry a second that did not show, so the
     * locus excludes only what no genotype behind the readings could be (drop-out never invents an allele).
     */
    static boolean inconsistent(Relation relation, Genotype remains, boolean remainsDegraded, Genotype reference,
                                boolean referenceDegraded) {
        if (remains == null || reference == null) {
            return false;
        }
        boolean remainsOpen = remainsDegraded && remains.homozygous();
        boolean referenceOpen = referenceDegraded && reference.homozygous();
        return switch (relation) {
            case IDENTITY -> !remains.equals(reference) && !(remainsOpen && referenceOpen)
                    && !(remainsOpen && carries(reference, remains.first()))
                    && !(referenceOpen && carries(remains, reference.first()));
            case PARENT, CHILD -> !remainsOpen && !referenceOpen && !sharesAnAllele(remains, reference);
            default -> false;
        };
    }

    private static boolean carries(Genotype genotype, String allele) {
        return genotype.first().equals(allele) || genotype.second().equals(allele);
    }

    private static boolean sharesAnAllele(Genotype a, Genotype b) {
        return a.first().equals(b.first()) || a.first().equals(b.second())
                || a.second().equals(b.first()) || a.second().equals(b.second());
    }
}

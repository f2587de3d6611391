package org.homeward.identification.kinship;

import java.util.Map;
import java.util.UUID;

/**
 * The remains' lineage typing against one reference of the person's line: their Y-STR haplotype against a male
 * reference of the paternal line (PaternalLineComparison), or their mtDNA sequence against a reference of the
 * maternal line (MaternalLineComparison), with what the ratio rests on so another laboratory can recompute it: the
 * reference, his place and the meioses between the two, what was compared (Y loci, or mtDNA positions and their
 * range), the differences (counts only: which loci or positions differ stays with the sealed typings), the rate,
 * the database, the count and the bound (counted over what both typed). {@code weighed} is false where no frequency
 * could be counted (no database loaded, or none of its entries typed what was compared): the comparison is still
 * made and shown, and still excludes where the differences say so, but its ratio is 1 and it is in no ratio.
 * <p>
 * Every reference of a line is compared and shown; references of one line are not independent, so one per method is
 * {@code inRatio}, multiplied into the candidate's ratio: the closest (fewest meioses, then most compared, then by
 * donor id). {@code excludes} is true when the differences exclude the line (Y: more steps than meioses at a locus;
 * mtDNA: two or more differences): the part is then not in the ratio, and the candidate is for review, never
 * undisputed. {@code inconclusive} is an mtDNA comparison with one difference, as the guidelines name it.
 */
public record LineagePart(String method, UUID donorId, String place, int meioses, int compared, String comparedRange,
                          int mismatches, int steps, int structural, int sharedHeteroplasmies,
                          int ignoredLengthVariants, double mutationRate, Map<String, Double> locusRates,
                          boolean weighed, long databaseCount, long databaseSize, double confidence,
                          double frequencyUpperBound, String database, String databaseSha256, double lr,
                          boolean excludes, boolean inconclusive, boolean inRatio) {

    public LineagePart {
        locusRates = locusRates == null ? Map.of() : Map.copyOf(locusRates);
    }

    /** The same comparison, as the one of its method multiplied into the ratio (or not). */
    public LineagePart inRatio(boolean chosen) {
        return new LineagePart(method, donorId, place, meioses, compared, comparedRange, mismatches, steps, structural,
                sharedHeteroplasmies, ignoredLengthVariants, mutationRate, locusRates, weighed, databaseCount,
                databaseSize, confidence, frequencyUpperBound, database, databaseSha256, lr, excludes, inconclusive,
                chosen);
    }
}

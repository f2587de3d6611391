package org.homeward.identification.kinship;

import java.util.UUID;

/**
 * A candidate's lineage part: the remains' Y-STR haplotype against the closest male reference of the missing man's
 * paternal line (PaternalLineComparison), with what the ratio rests on, so another laboratory can recompute it:
 * the meioses between the two, the loci compared, the mismatches and steps, the rates, the database and its bound.
 * {@code excludes} is true when the differences cannot arise over those meioses under the model (more steps than
 * meioses): the candidate then keeps its autosomal ratio and is for review, never undisputed.
 */
public record LineagePart(String method, UUID donorId, String paternalLine, int meioses, int lociCompared,
                          long mismatches, int steps, long structural, double defaultMutationRate, long databaseCount,
                          long databaseSize, double confidence, double frequencyUpperBound, String database,
                          String databaseSha256, double lr, boolean excludes) {
}

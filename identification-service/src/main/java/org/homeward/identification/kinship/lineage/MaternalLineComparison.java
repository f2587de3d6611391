package org.homeward.identification.kinship.lineage;

/**
 * A post-mortem mtDNA sequence weighed against a reference of the missing person's maternal line, over the positions
 * both read:
 * <pre>
 *   LR = P(sequences | the remains are the missing person's) / f
 * </pre>
 * with f the upper bound of the post-mortem sequence's frequency over those positions in the loaded database
 * ({@link HaplotypeFrequency}), and, for the m meioses between the two and a mutation rate μ per meiosis over the
 * whole range compared (configurable: pedigree studies range from about one substitution in 33 generations over the
 * control region, Parsons et al. 1997, to several times fewer; set the laboratory's validated figure):
 * <ul>
 *   <li>no difference: (1 - μ)^m;</li>
 *   <li>one difference: one mutation in one of the m meioses, m μ (1 - μ)^(m - 1), and the comparison is
 *       <em>inconclusive</em> as the guidelines say (SWGDAM 2019);</li>
 *   <li>two or more differences: an exclusion (the guidelines' rule), the ratio 0.</li>
 * </ul>
 * Like a Y-STR ratio it is the same for everyone of one maternal line (siblings, a mother's sister's children), so it
 * tells a family's line, never which of its members the remains are.
 */
public final class MaternalLineComparison {

    public record Result(MaternalLine relation, MtDifference difference, HaplotypeFrequency frequency, double rate,
                         double numerator, double likelihoodRatio) {

        public boolean excludes() {
            return difference.differences().size() >= 2;
        }

        public boolean inconclusive() {
            return difference.differences().size() == 1;
        }
    }

    private MaternalLineComparison() {
    }

    /** @param database the loaded database, where the post-mortem sequence is counted over the positions compared */
    public static Result compare(MtHaplotype postMortem, MtHaplotype reference, MaternalLine relation, double rate,
                                 MtDatabase database, double confidence) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("A mutation rate is in (0, 1)");
        }
        MtDifference difference = MtDifference.between(postMortem, reference);
        return weigh(difference, relation, rate, database.frequencyOf(postMortem, difference.compared(), confidence));
    }

    /** The differences already found, weighed over the m meioses against the frequency counted over the same positions. */
    public static Result weigh(MtDifference difference, MaternalLine relation, double rate, HaplotypeFrequency frequency) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("A mutation rate is in (0, 1)");
        }
        int m = relation.meioses();
        double numerator = switch (difference.differences().size()) {
            case 0 -> Math.pow(1 - rate, m);
            case 1 -> m * rate * Math.pow(1 - rate, m - 1);
            default -> 0.0;
        };
        return new Result(relation, difference, frequency, rate, numerator, numerator / frequency.upperBound());
    }
}

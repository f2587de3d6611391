package org.homeward.identification.kinship.lineage;

import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * A post-mortem Y-STR haplotype weighed against a male reference of the missing man's paternal line:
 * <pre>
 *   LR = P(haplotypes | the body is the missing man) / P(haplotypes | the body is an unrelated man)
 *      = Π over loci typed in both of P(locus | m meioses)  /  f
 * </pre>
 * with f the upper bound of the post-mortem haplotype's frequency in the loaded database
 * ({@link HaplotypeFrequency}). The single-step mutation model: each mutation changes a locus by one repeat, up or
 * down with equal chance, at the locus's rate μ per meiosis, independently in each of the m meioses. Then, keeping
 * the leading term (paths with a mutation and its reversal are smaller by a factor of μ² and left out),
 * <ul>
 *   <li>a match: (1 - μ)^m;</li>
 *   <li>a difference of s steps (s ≤ m): C(m, s) (μ/2)^s (1 - μ)^(m - s); more steps than meioses: 0;</li>
 *   <li>a structural difference (copy number, null allele, a fraction of a repeat): one event of rate μ in one of
 *       the m meioses, m μ (1 - μ)^(m - 1): a deliberately rough figure, so that one such difference lowers the
 *       ratio without excluding.</li>
 * </ul>
 * The same ratio holds for every man of one paternal line: it tells a family's line, never which of its men the
 * body is (brothers have the same Y), so it never counts towards a margin over a rival of the same line.
 */
public final class PaternalLineComparison {

    /** The outcome: each locus's difference and factor, the frequency used and the ratio. */
    public record Result(PaternalLine relation, List<LocusFactor> loci, HaplotypeFrequency frequency, double numerator,
                         double likelihoodRatio) {

        public long mismatches() {
            return loci.stream().filter(l -> l.difference().kind() != YLocusDifference.Kind.MATCH).count();
        }

        public int steps() {
            return loci.stream().mapToInt(l -> l.difference().steps()).sum();
        }
    }

    public record LocusFactor(YLocusDifference difference, double rate, double probability) {
    }

    private PaternalLineComparison() {
    }

    /**
     * @param frequency the post-mortem haplotype's frequency in the loaded database (the unrelated hypothesis)
     */
    public static Result compare(YHaplotype postMortem, YHaplotype reference, PaternalLine relation,
                                 YMutationRates rates, HaplotypeFrequency frequency) {
        int m = relation.meioses();
        List<LocusFactor> factors = new ArrayList<>();
        double numerator = 1.0;
        for (var entry : postMortem.loci().entrySet()) {
            YLocusCall other = reference.loci().get(entry.getKey());
            if (other == null) {
                continue;
            }
            YLocusDifference difference = YLocusDifference.between(entry.getKey(), entry.getValue(), other);
            double mu = rates.of(entry.getKey());
            double p = switch (difference.kind()) {
                case MATCH -> Math.pow(1 - mu, m);
                case STEPS -> difference.steps() > m ? 0.0
                        : CombinatoricsUtils.binomialCoefficientDouble(m, difference.steps())
                        * Math.pow(mu / 2, difference.steps()) * Math.pow(1 - mu, m - difference.steps());
                case STRUCTURAL -> m * mu * Math.pow(1 - mu, m - 1);
            };
            factors.add(new LocusFactor(difference, mu, p));
            numerator *= p;
        }
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("The two haplotypes share no typed locus");
        }
        return new Result(relation, List.copyOf(factors), frequency, numerator, numerator / frequency.upperBound());
    }
}

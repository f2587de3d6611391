package org.homeward.platform.linkage;

import java.util.function.Function;

/**
 * The best of several candidates for one record: the strongest verdict, and of equal verdicts the closest
 * names; of candidates alike in both, the first given (callers give them in a stable order).
 *
 * @param <T> what a candidate is to the caller (a register entry, an offered prisoner)
 */
public record BestMatch<T>(T candidate, RecordComparison.Result result) {

    public boolean isBetterThan(BestMatch<?> other) {
        if (result.outcome() != other.result.outcome()) {
            return result.outcome().isStrongerThan(other.result.outcome());
        }
        return result.surnameSimilarity() + result.givenNameSimilarity()
                > other.result.surnameSimilarity() + other.result.givenNameSimilarity();
    }

    /** The best of {@code candidates} for {@code record}, or null when there are none. */
    public static <T> BestMatch<T> among(Particulars record, Iterable<T> candidates, Function<T, Particulars> particulars) {
        BestMatch<T> best = null;
        for (T candidate : candidates) {
            BestMatch<T> match = new BestMatch<>(candidate, RecordComparison.compare(record, particulars.apply(candidate)));
            if (best == null || match.isBetterThan(best)) {
                best = match;
            }
        }
        return best;
    }
}

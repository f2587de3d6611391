package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One profile searched against every reference of an index: the index screens with its per-query tables (at
 * the threshold, or under it by θ's bound when the numbers kept have a θ), then each reference the screen
 * passes is recomputed locus by locus by the scoring calculator, kept at or above the reporting threshold
 * (the number stored is the one an examiner can redo) and ranked, with its posterior for the prior.
 */
public final class KinshipSearch {

    /** A reference that reached the threshold, with its full ratio, posterior and rank (1 = strongest). */
    public record Candidate(String referenceId, String family, LikelihoodRatio lr, double posterior, int rank) {
    }

    private KinshipSearch() {
    }

    public static List<Candidate> search(ReferenceIndex index, StrProfile query, double threshold, double prior) {
        List<Candidate> unranked = new ArrayList<>();
        for (ReferenceIndex.Match match : index.search(query, index.screeningThreshold(query, threshold))) {
            LikelihoodRatio lr = index.explain(match, query);
            // The stored number is the calculator's: a screen a rounding error above the threshold is not enough.
            if (lr.total() >= threshold) {
                unranked.add(new Candidate(match.id(), match.family(), lr, lr.posterior(prior), 0));
            }
        }
        unranked.sort(Comparator.comparingDouble((Candidate c) -> c.lr().total()).reversed()
                .thenComparing(Candidate::referenceId));
        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Candidate c = unranked.get(i);
            ranked.add(new Candidate(c.referenceId(), c.family(), c.lr(), c.posterior(), i + 1));
        }
        return ranked;
    }
}

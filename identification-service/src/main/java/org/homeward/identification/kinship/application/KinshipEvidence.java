package org.homeward.identification.kinship.application;

import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.KinshipCandidate;

import java.util.Locale;

/** The words a proposal quotes from the DNA candidate it rests on: numbers an examiner can check. */
final class KinshipEvidence {

    private KinshipEvidence() {
    }

    static String summary(KinshipCandidate c) {
        String numbers = String.format(Locale.ROOT, "DNA kinship candidate %s: missing person %s, %s reference(s) (%s),"
                        + " LR %.4g (log10 %.2f) over %d loci, %s; prior %.3g, posterior %.6f; rank %d in the case%s;"
                        + " computed %s.", c.id(), c.personId(), c.donorIds().size(), c.reference(), c.lr(), c.log10Lr(),
                c.lociCompared(), c.method(), c.prior(), c.posterior(), c.rankInCase(),
                c.undisputed() ? ", undisputed" : "", c.computedAt());
        CandidateBasis b = c.basis();
        if (b == null) {
            return numbers;
        }
        return numbers + String.format(Locale.ROOT, " Rests on: population %s, table %s (SHA-256 %s), mutation model %s"
                        + " at %.3g per meiosis%s, theta %.3g, %s.", b.population(), b.frequencyTable(),
                b.frequencyTableSha256(), b.mutationModel(), b.mutationRate(),
                b.locusMutationRates().isEmpty() ? "" : " (" + b.locusMutationRates().size() + " locus rates)",
                b.theta(), b.engineVersion());
    }
}

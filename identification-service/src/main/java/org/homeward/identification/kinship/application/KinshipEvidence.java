package org.homeward.identification.kinship.application;

import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.LineagePart;

import java.util.Locale;

/** The words a proposal quotes from the DNA candidate it rests on: numbers an examiner can check. */
final class KinshipEvidence {

    private KinshipEvidence() {
    }

    static String summary(KinshipCandidate c) {
        String numbers = String.format(Locale.ROOT, "DNA kinship candidate %s: missing person %s, %s reference(s) (%s),"
                        + " LR %.4g (log10 %.2f), autosomal LR %.4g over %d loci, %s; prior %.3g, posterior %.6f;"
                        + " rank %d in the case%s; computed %s.", c.id(), c.personId(), c.donorIds().size(), c.reference(),
                c.lr(), c.log10Lr(), c.autosomalLr(), c.lociCompared(), c.method(), c.prior(), c.posterior(),
                c.rankInCase(), c.undisputed() ? ", undisputed" : "", c.computedAt())
                + String.join("", c.lineage().stream().map(KinshipEvidence::lineage).toList());
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

    /** One lineage part: the reference, what was compared and how it differs, the ratio and what the bound rests on. */
    private static String lineage(LineagePart p) {
        return String.format(Locale.ROOT, " %s with the %s (donor %s, %d meioses)%s: %d %s compared%s, %d difference(s)%s,"
                        + " LR %.4g%s; frequency bound %.4g (%d of %d in %s, SHA-256 %s, %.0f%%), rate %.3g per meiosis.",
                p.method(), p.place(), p.donorId(), p.meioses(), p.inRatio() ? " in the ratio" : " shown, not in the ratio",
                p.compared(), p.comparedRange() == null ? "loci" : "positions",
                p.comparedRange() == null ? "" : " (" + p.comparedRange() + ")", p.mismatches(),
                p.steps() > 0 ? " (" + p.steps() + " steps)" : "", p.lr(),
                p.excludes() ? ", excludes the line" : p.inconclusive() ? ", inconclusive" : "", p.frequencyUpperBound(),
                p.databaseCount(), p.databaseSize(), p.database(), p.databaseSha256(), p.confidence() * 100,
                p.mutationRate());
    }
}

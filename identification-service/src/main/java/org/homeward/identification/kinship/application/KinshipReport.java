package org.homeward.identification.kinship.application;

import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.engine.ReferenceFit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a DNA candidate rests on, for another laboratory to recompute and a court to read: the hypotheses, who
 * is in the pedigree and who was typed by what, the genotypes and frequencies locus by locus with each ratio and its
 * formula, the models and their settings, the lineage parts, the prior and posterior, the undisputed rule with its
 * thresholds and the clauses that failed, and who proposed and who decided on it. Genotypes and frequencies are read
 * as they are now; {@code stale} names what changed since the numbers were computed (a profile typed again, another
 * frequency table), so that a reader never takes today's genotypes for those the ratio used. Personal data: the
 * case's laboratory only, every read audited.
 */
public record KinshipReport(UUID candidateId, UUID caseId, UUID personId, String party, Instant computedAt,
                            List<String> stale, Hypotheses hypotheses, List<Member> pedigree, String reference,
                            String method, List<LocusLine> loci, Model model, List<LineagePart> lineage,
                            List<ReferenceLine> referenceChecks, List<ReferenceFit.Pair> referenceFit, String sex,
                            double autosomalLr, double lr,
                            double log10Lr, double prior, double posterior, int rank, Rule rule,
                            List<Decision> proposals, Instant generatedAt, String generatedBy,
                            String generatedByOrganisation) {

    /** One reference of the family compared on its own with the remains: its ratio and the loci that exclude it. */
    public record ReferenceLine(UUID donorId, String relationship, double lr, List<String> inconsistentLoci) {
    }

    /** H1 and H2, in words. */
    public record Hypotheses(String h1, String h2) {
    }

    /**
     * A member of the comparison: the remains, the missing person (never typed: he is what is sought), or a reference
     * donor with his relationship to the missing person, what he was typed by, and whether the candidate's ratio rests
     * on him.
     */
    public record Member(String id, String role, String relationship, List<String> typedBy, boolean inRatio) {
    }

    /** One locus: the genotypes of the remains and of each reference of the entry, the alleles' frequencies. */
    public record LocusLine(String locus, List<String> remains, List<Genotyped> references, List<Frequency> frequencies,
                            double lr) {
    }

    /** A reference's genotype at a locus (none where it was not typed there). */
    public record Genotyped(UUID donorId, List<String> alleles) {
    }

    /** An allele's frequency as the engine used it. */
    public record Frequency(String allele, double frequency) {
    }

    /** The models and settings, the formula in words, and what this release does not model. */
    public record Model(CandidateBasis basis, String formula, String dropOut) {
    }

    /**
     * The undisputed rule: today's thresholds and the party's policy (what the next ranking applies), the verdict and
     * the clauses that failed at the candidate's last ranking.
     */
    public record Rule(double minPosterior, double margin, int minLoci, double reportingThreshold, String policy,
                       boolean undisputed, List<String> failedClauses) {
    }

    /** A proposal on the candidate: who proposed and decided it (their subjects, and their names as their tokens stated them: null where
     * a token named nobody), from which organisation, when.
     */
    public record Decision(UUID proposalId, String status, String proposedBy, String proposedByName, String organisation,
                           Instant proposedAt, String decidedBy, String decidedByName, Instant decidedAt) {
    }
}

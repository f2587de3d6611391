package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a DNA candidate is strong enough to be proposed to the examiners as the body's identity: all of its
 * clauses hold (DESIGN.md 7; the thresholds are configuration, the defaults ICMP's).
 * <ul>
 *   <li>the posterior among the case's candidates (each one's LR times its prior, plus the mass of "none of
 *       them") is at least {@code minPosterior}: two brothers with the same ratio share it, so neither is
 *       near 1;</li>
 *   <li>the LR is at least {@code margin} times every rival's, of the same remains and of the same missing
 *       person in other remains; a rival of the same family group, or resting on a relative it rests on too
 *       (the mother registered for each of her sons, perhaps typed on another kit), is compared on the loci
 *       both comparisons share, so that six more loci typed for one brother's mother cannot make him the
 *       body of the other;</li>
 *   <li>a related rival that rests on some of its relatives but not on all of them, and whose ratio supports it
 *       (at least 1), is a brother or father weighed on other references (the father typed for one son's file
 *       only): they must be weighed on the same references first;</li>
 *   <li>a brother (resting on a parent of the candidate's) with a parent, full sibling, grandparent, uncle or
 *       aunt whose sample does not fit the remains (LR below 1, or two or more inconsistent loci), however weak he is,
 *       sends the family to review: a misattributed sample in a brother's file would otherwise hide him;</li>
 *   <li>a rival no longer missing (released, found alive, merged) is none: he is not the body;</li>
 *   <li>at least {@code minLoci} autosomal loci were compared: a few rare alleles are no identity;</li>
 *   <li>the person is still missing in the register: one released, found alive or merged into another entry
 *       is never the undisputed identity of a body;</li>
 *   <li>the remains' DNA sex does not exclude the person (a Y chromosome is never a woman's);</li>
 *   <li>no reference of the family, compared on its own, has an LR below 1 or two or more loci inconsistent
 *       with its stated relationship ({@link ReferenceCheck}): such a family is for review, not for a
 *       proposal;</li>
 *   <li>no two references fit another relationship to each other better than the stated one
 *       ({@link ReferenceFit}).</li>
 * </ul>
 * A lineage part (Y-STR along the paternal line, mtDNA along the maternal line) multiplies into the ratio and the
 * posterior, but its ratio is the same for everyone of one line: brothers cannot be told apart by it. So in the
 * margins a part of the candidate's counts against a rival only where the rival's own parts by the same method all
 * exclude him from the remains' line; elsewhere it may only lower the candidate's weight, never raise it, while the
 * rival keeps every part of his. (A ratio below 1 is no proof of another line: one mutation between a father and his
 * son does that one time in ten.) Any part that excludes (Y: more steps than meioses at a locus; mtDNA: two or more
 * differences) sends the candidate to review; and the party's {@link IdentificationPolicy} must be met.
 * <p>
 * Rivals under the reporting threshold are not kept, so each counts as the threshold itself: the rule can
 * only be stricter than stated. Each clause that fails is named, so the laboratory sees why.
 */
public record UndisputedRule(double minPosterior, double margin, int minLoci, double reportingThreshold,
                             IdentificationPolicy policy) {

    /** The clause a related rival weighed on other references fails. */
    public static final String OTHER_REFERENCES = "a related rival rests on some of the same relatives but not on"
            + " all: state the family group, or type the same relatives for both, so both are weighed alike";

    /**
     * The relatives a full brother shares with his brother: a sample of one of these in his file must fit his
     * brother's remains too. His own personal effects, his child or a half sibling of the other side need not.
     */
    private static final Set<Relation> BROTHERS_SHARE = Set.of(Relation.PARENT, Relation.FULL_SIBLING,
            Relation.GRANDPARENT, Relation.UNCLE_OR_AUNT);

    /** The clause a family whose references do not fit each other fails (ReferenceFit). */
    public static final String REFERENCES_MISFIT = "two references of the family fit another relationship to each other"
            + " better than the stated one (review the family: a swapped sample, a father who is not the father)";

    /** The clause a related rival with a relative who does not fit the remains fails. */
    public static final String RIVAL_DOES_NOT_FIT = "a related rival has a relative whose sample does not fit these"
            + " remains (a misattributed sample may hide him): review the family";

    /** The rule with no party policy beyond its own clauses. */
    public UndisputedRule(double minPosterior, double margin, int minLoci, double reportingThreshold) {
        this(minPosterior, margin, minLoci, reportingThreshold, IdentificationPolicy.NONE);
    }

    public UndisputedRule {
        if (policy == null) {
            throw new IllegalArgumentException("An undisputed rule needs a policy (IdentificationPolicy.NONE for none)");
        }
        if (!(minPosterior > 0 && minPosterior < 1) || !(margin >= 1) || minLoci < 1 || !(reportingThreshold > 0)) {
            throw new IllegalArgumentException("An undisputed rule needs 0 < posterior < 1, a margin of at least 1,"
                    + " at least one locus and a positive reporting threshold");
        }
    }

    /** ICMP's posterior, a thousandfold margin over every rival, 12 loci: the defaults the README states. */
    public static UndisputedRule defaults(double reportingThreshold) {
        return new UndisputedRule(0.9995, 1000, 12, reportingThreshold);
    }

    /**
     * One candidate of a case: its ratio, its prior, how many loci it compared, whether the person is missing,
     * each of the family's references compared on its own, whether DNA sex excludes the person; the family
     * group the person belongs to (his own id when none was stated), the relatives his references are with
     * their relationship to him ({@link FamilyGroups#relatives}), and the ratio at each locus compared.
     */
    public record Candidate(double lr, double prior, int lociCompared, boolean personMissing,
                            List<ReferenceCheck> references, boolean sexExcluded, String familyGroup,
                            Map<String, Relation> relatives, Map<String, Double> perLocus, double autosomalLr,
                            List<Lineage> lineage, Map<String, Integer> lineageMethodsTyped, boolean referencesMisfit) {
        public Candidate {
            references = List.copyOf(references);
            relatives = Map.copyOf(relatives);
            perLocus = Map.copyOf(perLocus);
            lineage = List.copyOf(lineage);
            lineageMethodsTyped = Map.copyOf(lineageMethodsTyped);
        }

        /** A candidate whose references fit each other as stated. */
        public Candidate(double lr, double prior, int lociCompared, boolean personMissing, List<ReferenceCheck> references,
                         boolean sexExcluded, String familyGroup, Map<String, Relation> relatives,
                         Map<String, Double> perLocus, double autosomalLr, List<Lineage> lineage,
                         Map<String, Integer> lineageMethodsTyped) {
            this(lr, prior, lociCompared, personMissing, references, sexExcluded, familyGroup, relatives, perLocus,
                    autosomalLr, lineage, lineageMethodsTyped, false);
        }

        /** A candidate compared on autosomal STRs only. */
        public Candidate(double lr, double prior, int lociCompared, boolean personMissing, List<ReferenceCheck> references,
                         boolean sexExcluded, String familyGroup, Map<String, Relation> relatives,
                         Map<String, Double> perLocus) {
            this(lr, prior, lociCompared, personMissing, references, sexExcluded, familyGroup, relatives, perLocus, lr,
                    List.of(), Map.of(), false);
        }

        /**
         * Excluded from the remains' line by every one of his own comparisons by {@code method}: one of them that fits
         * (a misattributed sample beside a true one) leaves him possibly of the same line.
         */
        boolean ofAnotherLine(String method) {
            List<Lineage> ofMethod = lineage.stream().filter(l -> l.method().equals(method)).toList();
            return !ofMethod.isEmpty() && ofMethod.stream().allMatch(Lineage::excludes);
        }

        /**
         * What it weighs against {@code rival} (null: a rival nobody sees): its autosomal ratio, times each lineage
         * part that shows the rival of another line by the same method; its other parts only where they lower it.
         */
        double weightAgainst(Candidate rival) {
            double weight = autosomalLr;
            for (Lineage part : lineage) {
                if (part.inRatio() && !part.excludes()) { // the others are not in its ratio either
                    weight *= rival != null && rival.ofAnotherLine(part.method()) ? part.lr() : Math.min(1, part.lr());
                }
            }
            return weight;
        }

        boolean lineageExcludes() {
            return lineage.stream().anyMatch(Lineage::excludes);
        }

        /** Related to {@code other}: of one stated family group, or resting on a relative both rest on. */
        boolean relatedTo(Candidate other) {
            return familyGroup.equals(other.familyGroup) || other.relatives.keySet().stream().anyMatch(relatives::containsKey);
        }

        /** Whether the two rest on one relative who is a parent of each: brothers, at least through him. */
        boolean sharesAParentWith(Candidate other) {
            return relatives.entrySet().stream().anyMatch(r -> r.getValue() == Relation.PARENT
                    && other.relatives.get(r.getKey()) == Relation.PARENT);
        }

        /** log10 of the product of the ratios at the given loci. */
        double log10LrOn(Set<String> loci) {
            double log10 = 0;
            for (String locus : loci) {
                log10 += Math.log10(perLocus.get(locus));
            }
            return log10;
        }
    }

    /**
     * A candidate's lineage comparison: its method (Y_STR, MT_DNA), its ratio, whether the differences exclude the
     * line, and whether it is the weighed one of its method in the candidate's ratio. Every comparison is given, the
     * unweighed ones too: one that fits, weighed or not, leaves a rival possibly of the remains' line.
     */
    public record Lineage(String method, double lr, boolean excludes, boolean inRatio) {
    }

    /** The verdict on one candidate: its posterior among the case's candidates and the clauses it failed. */
    public record Verdict(double posterior, List<String> failed) {
        public boolean undisputed() {
            return failed.isEmpty();
        }
    }

    /**
     * Posterior of candidate {@code i} among the case's candidates still missing (and itself): LR_i p_i / (sum_j LR_j p_j + 1 - sum_j p_j).
     */
    public static double posteriorAmong(List<Candidate> ofCase, int i) {
        double weighted = 0;
        double priors = 0;
        for (int j = 0; j < ofCase.size(); j++) {
            Candidate c = ofCase.get(j);
            if (j == i || c.personMissing()) { // one no longer missing has no prior of being the body
                weighted += c.lr() * c.prior();
                priors += c.prior();
            }
        }
        double none = Math.max(0, 1 - priors);
        double own = ofCase.get(i).lr() * ofCase.get(i).prior();
        double total = weighted + none;
        return total == 0 ? 0 : own / total;
    }

    /**
     * The verdict on candidate {@code i} of the case, given the strongest ratio the same missing person
     * reaches in any other remains, with or without its lineage part ({@code bestOfPersonElsewhere}, 0 when none).
     */
    public Verdict judge(List<Candidate> ofCase, int i, double bestOfPersonElsewhere) {
        Candidate candidate = ofCase.get(i);
        double posterior = posteriorAmong(ofCase, i);
        List<String> failed = new ArrayList<>();
        if (posterior < minPosterior) {
            failed.add("posterior below " + minPosterior);
        }
        // An unseen rival (under the threshold) may be of the same line: the lineage part does not count against him.
        boolean behindRival = candidate.weightAgainst(null) < margin * reportingThreshold;
        boolean behindRelated = false;
        boolean notComparedRelated = false;
        boolean otherReferences = false;
        boolean rivalDoesNotFit = false;
        for (int j = 0; j < ofCase.size(); j++) {
            Candidate rival = ofCase.get(j);
            if (j == i || !rival.personMissing()) {
                continue; // a person released, found alive or merged into another entry is not the body
            }
            if (!candidate.relatedTo(rival)) {
                // The rival keeps every part of his: one above 1 may be his line's, one below 1 is against him.
                behindRival |= candidate.weightAgainst(rival) < margin * rival.lr();
                continue;
            }
            Set<String> shared = new HashSet<>(candidate.perLocus().keySet());
            shared.retainAll(rival.perLocus().keySet());
            if (shared.isEmpty()) {
                notComparedRelated = true; // a relative weighed on lineage markers only: nothing tells them apart
            } else {
                behindRelated |= candidate.log10LrOn(shared) < Math.log10(margin) + rival.log10LrOn(shared);
            }
            // Brothers of a stated group rest on the same relatives (their references carry over whole); a
            // father and son, or brothers nobody grouped, may not: the one with more references would win.
            otherReferences |= !candidate.relatives().keySet().equals(rival.relatives().keySet()) && rival.lr() >= 1;
            // A brother's relative who does not fit these remains (his father's sample excluding them) may be a
            // misattributed sample that hides him: the family is for review. His own personal effects or his
            // child not matching are what a brother's remains show, and say nothing against him.
            // Only between brothers: a father's relatives need not fit his son's remains.
            rivalDoesNotFit |= candidate.sharesAParentWith(rival) && rival.references().stream().anyMatch(
                    r -> BROTHERS_SHARE.contains(r.relation()) && (r.lr() < 1 || r.inconsistentLoci().size() >= 2));
        }
        if (behindRival) {
            failed.add("LR under " + margin + " times a rival of the same remains");
        }
        if (behindRelated) {
            failed.add("LR under " + margin + " times a related rival on the loci both compared");
        }
        if (notComparedRelated) {
            failed.add("a related rival shares no compared STR locus with it (one of them was weighed on lineage"
                    + " markers only): type the family's references on STRs");
        }
        if (otherReferences) {
            failed.add(OTHER_REFERENCES);
        }
        if (rivalDoesNotFit) {
            failed.add(RIVAL_DOES_NOT_FIT);
        }
        // Other remains may be a brother's, of the same line: the lineage part does not count there either.
        if (candidate.weightAgainst(null) < margin * Math.max(reportingThreshold, bestOfPersonElsewhere)) {
            failed.add("LR under " + margin + " times the same person's ratio in other remains");
        }
        if (candidate.lociCompared() < minLoci) {
            failed.add("fewer than " + minLoci + " loci compared");
        }
        if (!candidate.personMissing()) {
            failed.add("the person is no longer missing");
        }
        if (candidate.sexExcluded()) {
            failed.add("the remains' DNA shows a Y chromosome and the missing person is a woman");
        }
        if (candidate.references().stream().anyMatch(r -> r.lr() < 1)) {
            failed.add("a reference of the family has an LR below 1 (review the family)");
        }
        if (candidate.references().stream().anyMatch(r -> r.inconsistentLoci().size() >= 2)) {
            failed.add("a reference is inconsistent with its stated relationship at 2 or more loci (review the family)");
        }
        if (candidate.lineageExcludes()) {
            failed.add("a lineage marker excludes the line of the reference (Y-STR: more steps than meioses; mtDNA: two"
                    + " or more differences): review the family");
        }
        if (candidate.referencesMisfit()) {
            failed.add(REFERENCES_MISFIT);
        }
        if (!policy.metBy(candidate.references(), candidate.lineageMethodsTyped())) {
            failed.add(policy.clause());
        }
        return new Verdict(posterior, List.copyOf(failed));
    }
}

package org.homeward.agreement;

import org.homeward.platform.domain.RuleViolation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The rules every version's terms obey; violations name the offending field as {@code terms[i].x}. */
final class TermRules {

    private TermRules() {
    }

    static void check(List<Term> terms, Set<String> parties) {
        Map<UUID, Term> byId = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            String at = "terms[" + i + "].";
            if (byId.put(term.id(), term) != null) {
                throw new RuleViolation(at + "id", "A term id is used twice");
            }
            if (!parties.contains(term.fromParty())) {
                throw new RuleViolation(at + "fromParty", "Not a party to this agreement");
            }
            if (!parties.contains(term.toParty())) {
                throw new RuleViolation(at + "toParty", "Not a party to this agreement");
            }
            if (term.fromParty().equals(term.toParty())) {
                throw new RuleViolation(at + "toParty", "A term hands over from one party to another");
            }
            if (term.basis().commitsANumber() && (term.quantity() == null || term.quantity() < 1)) {
                throw new RuleViolation(at + "quantity", "A " + term.basis() + " term commits a positive number");
            }
            if (!term.basis().commitsANumber() && term.quantity() != null) {
                throw new RuleViolation(at + "quantity", "A " + term.basis() + " term commits no number");
            }
            if (term.kind() == TermKind.POW_EXCHANGE && term.category() == null) {
                throw new RuleViolation(at + "category", "A prisoner exchange names the category of prisoners");
            }
            if (term.kind() != TermKind.POW_EXCHANGE && term.referenceDate() != null) {
                throw new RuleViolation(at + "referenceDate", "Only a prisoner exchange has a reference date (the day"
                        + " its eligibility is judged on)");
            }
            if ((term.category() == PrisonerCategory.CUSTOM) != (term.customCategory() != null && !term.customCategory().isBlank())) {
                throw new RuleViolation(at + "customCategory", "A custom category, and only it, has a name");
            }
            if (term.tolerance() != null && term.tolerance() < 0) {
                throw new RuleViolation(at + "tolerance", "A tolerance is a count of zero or more");
            }
            if ((term.ratio() != null && term.ratio() < 1) || (term.reciprocalRatio() != null && term.reciprocalRatio() < 1)) {
                throw new RuleViolation(at + "ratio", "A ratio is made of positive numbers");
            }
            if ((term.basis() == TermBasis.N_FOR_N) != (term.reciprocalTermId() != null)) {
                throw new RuleViolation(at + "reciprocal", "An N_FOR_N term, and only it, names its reciprocal term");
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (term.reciprocalTermId() == null) {
                continue;
            }
            Term other = byId.get(term.reciprocalTermId());
            String at = "terms[" + i + "].reciprocal";
            if (other == null || other.id().equals(term.id())) {
                throw new RuleViolation(at, "The reciprocal term is not another term of this agreement");
            }
            if (other.basis() != TermBasis.N_FOR_N || !term.id().equals(other.reciprocalTermId())) {
                throw new RuleViolation(at, "Reciprocal N_FOR_N terms name each other");
            }
            if (other.kind() != term.kind() || !other.fromParty().equals(term.toParty())
                    || !other.toParty().equals(term.fromParty())) {
                throw new RuleViolation(at, "Reciprocal terms are of one kind and in opposite directions");
            }
        }
    }
}

package org.homeward.agreement.api;

import org.homeward.agreement.Term;
import org.homeward.platform.domain.RuleViolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns requested terms into terms with ids: an existing term keeps its id (which must be one of the
 * agreement's), a new one gets a fresh id, and a reciprocal reference by key or id is resolved.
 */
final class TermMapping {

    private TermMapping() {
    }

    static List<Term> toTerms(List<TermInput> inputs, List<Term> existing) {
        if (inputs == null) {
            return List.of();
        }
        Set<UUID> existingIds = new HashSet<>();
        existing.forEach(term -> existingIds.add(term.id()));
        Map<String, UUID> idByReference = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TermInput input = inputs.get(i);
            if (input.id() != null && !existingIds.contains(input.id())) {
                throw new RuleViolation("terms[" + i + "].id", "Not the id of a term of this agreement");
            }
            UUID id = input.id() != null ? input.id() : UUID.randomUUID();
            ids.add(id);
            idByReference.put(id.toString(), id);
            if (input.key() != null && idByReference.put(input.key(), id) != null) {
                throw new RuleViolation("terms[" + i + "].key", "A key is used twice");
            }
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TermInput input = inputs.get(i);
            UUID reciprocal = null;
            if (input.reciprocal() != null) {
                reciprocal = idByReference.get(input.reciprocal());
                if (reciprocal == null) {
                    throw new RuleViolation("terms[" + i + "].reciprocal", "Names no term of this request");
                }
            }
            terms.add(new Term(ids.get(i), input.kind(), input.fromParty(), input.toParty(), input.basis(),
                    input.quantity(), input.category(), input.customCategory(), input.dueDate(), reciprocal,
                    input.ratio(), input.reciprocalRatio(), input.tolerance(), input.referenceDate()));
        }
        return terms;
    }
}

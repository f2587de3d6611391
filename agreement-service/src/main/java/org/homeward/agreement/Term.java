package org.homeward.agreement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One commitment of an agreement: who hands over what to whom, on which basis, by when. {@code id} is
 * stable across versions of the agreement. An N_FOR_N term names its reciprocal term (the other
 * direction) and the ratio between them, e.g. 6,000 for 6,000 is two terms with ratio 1:1; their
 * balance may differ by at most {@code tolerance} before it is flagged.
 */
public record Term(UUID id, TermKind kind, String fromParty, String toParty, TermBasis basis, Integer quantity,
                   PrisonerCategory category, String customCategory, LocalDate dueDate, UUID reciprocalTermId,
                   Integer ratio, Integer reciprocalRatio, Integer tolerance, LocalDate referenceDate) {

    /** A term as before prisoner terms had a reference date. */
    public Term(UUID id, TermKind kind, String fromParty, String toParty, TermBasis basis, Integer quantity,
                PrisonerCategory category, String customCategory, LocalDate dueDate, UUID reciprocalTermId,
                Integer ratio, Integer reciprocalRatio, Integer tolerance) {
        this(id, kind, fromParty, toParty, basis, quantity, category, customCategory, dueDate, reciprocalTermId, ratio,
                reciprocalRatio, tolerance, null);
    }

    /**
     * The day a prisoner term's eligibility is judged on (who is aged 18 to 25, who is held): its own
     * referenceDate, or else the agreement's effective date.
     */
    public LocalDate referenceDateOr(LocalDate effectiveDate) {
        return referenceDate != null ? referenceDate : effectiveDate;
    }

    /** The committed number, or null where the basis commits none. */
    public Integer committed() {
        return basis.commitsANumber() ? quantity : null;
    }

    public int toleranceOrDefault() {
        return tolerance == null ? 0 : tolerance;
    }

    public int ratioOrDefault() {
        return ratio == null ? 1 : ratio;
    }

    public int reciprocalRatioOrDefault() {
        return reciprocalRatio == null ? 1 : reciprocalRatio;
    }
}

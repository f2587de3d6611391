package org.homeward.identification.dvi.comparison;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A case's post-mortem record against one missing person's ante-mortem record: what excludes him, which primary
 * identifiers (INTERPOL: fingerprints, odontology, DNA) point to him, and what else concords, each with its reason.
 */
public record Comparison(UUID personId, List<Reason> exclusions, List<Identifier> primary, int dentalPoints,
                         List<Reason> concordances, List<Reason> explained) {

    /** What a reason rests on. */
    public enum Identifier { SEX, AGE, STATURE, ODONTOLOGY, FINGERPRINTS, MARKS, CLOTHING, EFFECTS, DOCUMENTS }

    /** How far the comparison goes: a primary identifier suffices to propose; supporting evidence alone does not. */
    public enum Strength { PRIMARY, SUPPORTING, NONE, EXCLUDED }

    public record Reason(Identifier by, String text) {
    }

    /** Best first: not excluded, more primary identifiers, more dental points, more concordances. */
    public static final Comparator<Comparison> BEST_FIRST = Comparator.comparing(Comparison::excluded)
            .thenComparing(Comparator.comparingInt((Comparison c) -> c.primary().size()).reversed())
            .thenComparing(Comparator.comparingInt(Comparison::dentalPoints).reversed())
            .thenComparing(Comparator.comparingInt((Comparison c) -> c.concordances().size()).reversed())
            .thenComparing(Comparison::personId);

    public boolean excluded() {
        return !exclusions.isEmpty();
    }

    public Strength strength() {
        if (excluded()) {
            return Strength.EXCLUDED;
        }
        if (!primary.isEmpty()) {
            return Strength.PRIMARY;
        }
        return concordances.isEmpty() ? Strength.NONE : Strength.SUPPORTING;
    }

    /** At most this many reasons of each list are quoted; the record itself holds them all. */
    static final int QUOTED_REASONS = 12;

    /** The words a proposal's evidence quotes, a few thousand characters at most. */
    public String summary() {
        StringBuilder text = new StringBuilder("Reconciliation of the post-mortem and ante-mortem records: ")
                .append(strength()).append(primary.isEmpty() ? "" : " by " + primary).append(", ")
                .append(dentalPoints).append(" dental point(s) of concordance, no exclusion.");
        quote(text, "", concordances);
        quote(text, "explainable, ", explained);
        return text.toString();
    }

    private static void quote(StringBuilder text, String prefix, List<Reason> reasons) {
        reasons.stream().limit(QUOTED_REASONS).forEach(reason -> text.append("\n- ").append(prefix).append(reason.by())
                .append(": ").append(abbreviated(reason.text())));
        if (reasons.size() > QUOTED_REASONS) {
            text.append("\n- ").append(prefix).append("and ").append(reasons.size() - QUOTED_REASONS).append(" more");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}

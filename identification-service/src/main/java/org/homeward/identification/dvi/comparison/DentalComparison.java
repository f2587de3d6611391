package org.homeward.identification.dvi.comparison;

import org.homeward.platform.domain.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ante-mortem chart against a post-mortem one, tooth by tooth, as odontologists reconcile them in DVI: a
 * difference dental work done after the ante-mortem record explains (a sound tooth later filled, a filling later
 * enlarged or crowned, a tooth later extracted) is explainable; one that time cannot explain (an extracted tooth
 * back in the jaw, a filling gone from a tooth, a root filling undone) is unexplainable and excludes. A point of
 * concordance is a tooth whose distinctive feature (a restoration, an extraction, an implant, a pontic) is the
 * same in both; sound teeth agreeing are not points, since most teeth of most people are sound.
 */
public final class DentalComparison {

    private DentalComparison() {
    }

    /** What the two charts say together. */
    public record Result(List<String> concordant, List<String> explainable, List<String> unexplainable) {

        public int points() {
            return concordant.size();
        }
    }

    public static Result compare(List<ToothRecord> anteMortem, List<ToothRecord> postMortem) {
        Map<Integer, ToothRecord> am = byTooth(anteMortem);
        Map<Integer, ToothRecord> pm = byTooth(postMortem);
        List<String> concordant = new ArrayList<>();
        List<String> explainable = new ArrayList<>();
        List<String> unexplainable = new ArrayList<>();
        for (Map.Entry<Integer, ToothRecord> entry : am.entrySet()) {
            ToothRecord before = entry.getValue();
            ToothRecord after = pm.get(entry.getKey());
            if (after == null) {
                continue;
            }
            String text = "tooth " + entry.getKey() + ": ante-mortem " + before.describe() + ", post-mortem "
                    + after.describe();
            switch (outcome(before, after)) {
                case CONCORDANT -> concordant.add(text);
                case EXPLAINABLE -> explainable.add(text);
                case UNEXPLAINABLE -> unexplainable.add(text);
                case AGREES, NOT_COMPARABLE -> { }
            }
        }
        return new Result(List.copyOf(concordant), List.copyOf(explainable), List.copyOf(unexplainable));
    }

    enum Outcome { CONCORDANT, AGREES, EXPLAINABLE, UNEXPLAINABLE, NOT_COMPARABLE }

    static Outcome outcome(ToothRecord before, ToothRecord after) {
        ToothState am = before.state();
        ToothState pm = after.state();
        if (am == ToothState.NO_INFORMATION || pm == ToothState.NO_INFORMATION) {
            return Outcome.NOT_COMPARABLE;
        }
        if (am == ToothState.MISSING_POST_MORTEM) {
            // An ante-mortem chart cannot know of a loss after death; read as no information.
            return Outcome.NOT_COMPARABLE;
        }
        return switch (am) {
            case MISSING_ANTE_MORTEM -> switch (pm) {
                case MISSING_ANTE_MORTEM -> Outcome.CONCORDANT;
                case IMPLANT, PONTIC -> Outcome.EXPLAINABLE;
                // A clinical chart marks an impacted or congenitally absent tooth "missing" without a radiograph.
                case UNERUPTED -> Outcome.NOT_COMPARABLE;
                // A tooth pulled in life does not return, and an open socket says it stood there at death.
                default -> Outcome.UNEXPLAINABLE;
            };
            case IMPLANT -> switch (pm) {
                case IMPLANT -> Outcome.CONCORDANT;
                // A failed implant removed, the gap left or bridged.
                case MISSING_ANTE_MORTEM, MISSING_POST_MORTEM, PONTIC -> Outcome.EXPLAINABLE;
                default -> Outcome.UNEXPLAINABLE;
            };
            case PONTIC -> switch (pm) {
                case PONTIC -> Outcome.CONCORDANT;
                case IMPLANT, MISSING_ANTE_MORTEM -> Outcome.EXPLAINABLE;
                // A pontic spans a gap: no tooth stood there to leave an open socket, nor grows back.
                default -> Outcome.UNEXPLAINABLE;
            };
            case UNERUPTED -> switch (pm) {
                case UNERUPTED -> Outcome.AGREES;
                case MISSING_POST_MORTEM -> Outcome.NOT_COMPARABLE;
                default -> Outcome.EXPLAINABLE;
            };
            case PRESENT -> presentBefore(before, after);
            default -> Outcome.NOT_COMPARABLE;
        };
    }

    /** A natural tooth in the ante-mortem chart, sound or restored. */
    private static Outcome presentBefore(ToothRecord before, ToothRecord after) {
        switch (after.state()) {
            case MISSING_POST_MORTEM:
                return Outcome.NOT_COMPARABLE;
            case MISSING_ANTE_MORTEM, IMPLANT, PONTIC:
                return Outcome.EXPLAINABLE;
            case UNERUPTED:
                return Outcome.UNEXPLAINABLE;
            default:
                break;
        }
        if (!before.restored()) {
            return after.restored() ? Outcome.EXPLAINABLE : Outcome.AGREES;
        }
        if (before.crown() && !after.crown()) {
            return Outcome.UNEXPLAINABLE;
        }
        // A crown hides whatever filling lies under it, placed before or after the record; uncrowned, a filling
        // only grows.
        if (!after.crown() && !covers(after.filling(), before.filling())) {
            return Outcome.UNEXPLAINABLE;
        }
        // A root filling shows on a radiograph, which a post-mortem chart may lack: one not recorded after death
        // contradicts nothing (and is no point either).
        boolean addedLater = (after.crown() && !before.crown()) || (after.rootCanal() && !before.rootCanal())
                || (!after.crown() && !after.filling().equals(before.filling()));
        if (addedLater) {
            return Outcome.EXPLAINABLE;
        }
        boolean sharedFeature = (before.crown() && after.crown()) || !before.filling().isEmpty()
                || (before.rootCanal() && after.rootCanal());
        return sharedFeature ? Outcome.CONCORDANT : Outcome.AGREES;
    }

    private static boolean covers(String larger, String smaller) {
        return smaller.chars().allMatch(surface -> larger.indexOf(surface) >= 0);
    }

    private static Map<Integer, ToothRecord> byTooth(List<ToothRecord> teeth) {
        if (teeth == null) {
            return Map.of();
        }
        Map<Integer, Long> counts = teeth.stream().collect(Collectors.groupingBy(ToothRecord::tooth, Collectors.counting()));
        counts.forEach((tooth, count) -> {
            if (count > 1) {
                throw new RuleViolation("dental", "Tooth " + tooth + " is charted twice");
            }
        });
        return teeth.stream().collect(Collectors.toMap(ToothRecord::tooth, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** Checks a chart on its own (each tooth once); called where a chart is recorded. */
    public static void check(List<ToothRecord> teeth) {
        byTooth(teeth);
    }
}

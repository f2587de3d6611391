package org.homeward.identification.dvi.comparison;

import org.homeward.platform.domain.RuleViolation;

/**
 * One tooth of a dental chart, numbered as the FDI (ISO 3950) numbers it: quadrant 1 to 4 and position 1 to 8 for
 * permanent teeth, quadrant 5 to 8 and position 1 to 5 for deciduous ones. {@code filling}: the restored surfaces,
 * any of M (mesial), O (occlusal or incisal), D (distal), B (buccal or labial), L (lingual or palatal), kept in that
 * order; null or empty for none.
 */
public record ToothRecord(int tooth, ToothState state, String filling, boolean crown, boolean rootCanal) {

    private static final String SURFACES = "MODBL";

    public ToothRecord {
        if (!isFdi(tooth)) {
            throw new RuleViolation("tooth", "Tooth " + tooth + " is not an FDI tooth number (11 to 48, or 51 to 85 for"
                    + " deciduous teeth)");
        }
        if (state == null) {
            throw new RuleViolation("state", "Tooth " + tooth + " needs a state");
        }
        filling = canonicalSurfaces(tooth, filling);
        if (state != ToothState.PRESENT && (!filling.isEmpty() || crown || rootCanal)) {
            throw new RuleViolation("state", "Tooth " + tooth + " is " + state
                    + ": fillings, crowns and root fillings are recorded on a PRESENT tooth");
        }
    }

    public static boolean isFdi(int tooth) {
        int quadrant = tooth / 10;
        int position = tooth % 10;
        return (quadrant >= 1 && quadrant <= 4 && position >= 1 && position <= 8)
                || (quadrant >= 5 && quadrant <= 8 && position >= 1 && position <= 5);
    }

    /** Whether it is restored in any way (a filling, a crown or a root filling). */
    public boolean restored() {
        return !filling.isEmpty() || crown || rootCanal;
    }

    /** The chart's words for it, as a reason quotes them. */
    public String describe() {
        if (state != ToothState.PRESENT) {
            return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        if (!restored()) {
            return "sound";
        }
        StringBuilder text = new StringBuilder();
        if (!filling.isEmpty()) {
            text.append("filling ").append(filling);
        }
        if (crown) {
            text.append(text.isEmpty() ? "" : ", ").append("crown");
        }
        if (rootCanal) {
            text.append(text.isEmpty() ? "" : ", ").append("root filling");
        }
        return text.toString();
    }

    private static String canonicalSurfaces(int tooth, String surfaces) {
        if (surfaces == null || surfaces.isBlank()) {
            return "";
        }
        StringBuilder canonical = new StringBuilder();
        for (char surface : SURFACES.toCharArray()) {
            if (surfaces.indexOf(surface) >= 0) {
                canonical.append(surface);
            }
        }
        for (char given : surfaces.toCharArray()) {
            if (SURFACES.indexOf(given) < 0) {
                throw new RuleViolation("filling", "Tooth " + tooth + ": a filling's surfaces are M, O, D, B and L");
            }
        }
        if (canonical.length() != surfaces.length()) {
            throw new RuleViolation("filling", "Tooth " + tooth + ": a surface is named twice");
        }
        return canonical.toString();
    }
}

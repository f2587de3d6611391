package org.homeward.platform.text;

/**
 * Text a person's record may hold: no control characters and no Unicode direction overrides (U+202A-U+202E,
 * U+2066-U+2069), which make a name display as another. One rule for single reports and bulk imports.
 */
public final class SafeText {

    /** The same rule as a Bean Validation pattern, for request records. */
    public static final String PATTERN = "[^\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]*";

    /**
     * The same rule for free text of several lines (findings, evidence, reasons): tabs and line breaks are
     * allowed, every other control character and direction override is not. One character class, so that
     * 10,000 characters are matched without backtracking.
     */
    public static final String MULTILINE_PATTERN =
            "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]*";

    private SafeText() {
    }

    public static boolean isSafe(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069));
    }

    /** {@link #MULTILINE_PATTERN} as a check: tabs and line breaks pass, other controls and overrides do not. */
    public static boolean isSafeMultiline(String value) {
        return value.chars().noneMatch(c -> (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }
}

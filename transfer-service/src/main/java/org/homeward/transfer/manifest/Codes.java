package org.homeward.transfer.manifest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The forms that item tags and nationality codes must take, wherever items come from. */
final class Codes {

    static final String TAG_RULE = "Letters, digits and . _ / - only, at most 64, starting with a letter or digit";
    static final String NATIONALITY_RULE = "Not an ISO 3166-1 alpha-2 country code";

    private static final Pattern TAG_FORM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}");
    /** ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which is user-assigned but in general use. */
    private static final Set<String> NATIONALITIES = Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of("XK"))
            .collect(Collectors.toUnmodifiableSet());

    private Codes() {
    }

    static boolean isTag(String tag) {
        return tag != null && TAG_FORM.matcher(tag).matches();
    }

    /** Upper-cases a code as written; null stays null. */
    static String normalised(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    static boolean isNationality(String normalisedCode) {
        return NATIONALITIES.contains(normalisedCode);
    }
}

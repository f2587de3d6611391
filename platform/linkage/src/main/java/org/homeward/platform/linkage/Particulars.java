package org.homeward.platform.linkage;

import java.util.Locale;

/**
 * What record linkage compares of a person, in comparable form: the folded Latin keys of the surname and
 * the first given name, the date of birth, and the service number without spaces, dashes or case.
 */
public record Particulars(String surnameKey, String givenNameKey, BirthDate birthDate, String serviceNumber) {

    /** How many leading letters of the surname key, with the birth year, make the blocking key. */
    static final int BLOCK_PREFIX = 4;

    public static Particulars of(String surname, String firstNames, String language, BirthDate birthDate,
                                 String serviceNumber) {
        String firstGiven = firstNames == null ? "" : firstNames.strip().split("\\s+")[0];
        return new Particulars(Romanisation.key(surname, language), Romanisation.key(firstGiven, language),
                birthDate == null ? BirthDate.UNKNOWN : birthDate, serviceNumberKey(serviceNumber));
    }

    /** Records are compared only within a block: the same surname key prefix (and birth year, where known). */
    public String blockingPrefix() {
        return surnameKey.length() <= BLOCK_PREFIX ? surnameKey : surnameKey.substring(0, BLOCK_PREFIX);
    }

    /** A service number as compared: without spaces, dashes, slashes, dots or case. */
    public static String serviceNumberKey(String serviceNumber) {
        if (serviceNumber == null) {
            return null;
        }
        String compact = serviceNumber.replaceAll("[\\s\\-/.]", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }
}

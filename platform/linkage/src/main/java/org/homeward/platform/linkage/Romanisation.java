package org.homeward.platform.linkage;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names in any script as one normalised Latin key, so that the Cyrillic original, its Ukrainian and its
 * Russian romanisations and the usual variants of each compare as equals. Transliteration is ICU's
 * (BGN/PCGN for Ukrainian and Russian; never a hand-made table); the folding after it is ours: it erases
 * the differences between romanisation systems, not between names.
 */
public final class Romanisation {

    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґІЇЄҐ]");
    private static final Pattern RUSSIAN_LETTERS = Pattern.compile("[ыэъёЫЭЪЁ]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    // Transliterator instances keep state while they work: one per thread.
    private static final ThreadLocal<Transliterator> UKRAINIAN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII; Lower"));
    private static final ThreadLocal<Transliterator> RUSSIAN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII; Lower"));
    /**
     * Latin spellings: the scientific and ISO 9 letters for the sounds the BGN system spells with two (š, č,
     * ž) are spelt the BGN way first, so that Ševčenko and Shevchenko fold alike; other diacritics go.
     */
    private static final ThreadLocal<Transliterator> LATIN = ThreadLocal.withInitial(() -> Transliterator.createFromRules(
            "homeward-latin", "š > sh; Š > Sh; č > ch; Č > Ch; ž > zh; Ž > Zh; ::Any-Latin; ::Latin-ASCII; ::Lower;",
            Transliterator.FORWARD));

    /**
     * Spellings that differ only by romanisation system, applied in order to both sides: Ukrainian h for
     * Russian g (Hryhorii / Grigorii), kh and h (Kharkiv / Harkiv), shch and sh, i, y and j (Serhii / Sergey /
     * Sergej), ie and ye and e (Yevhen / Evgen), w and v (Kowalenko), and doubled letters (Savvа / Sava).
     */
    private static final String[][] FOLDS = {
            {"shch", "sh"}, {"kh", "h"}, {"g", "h"}, {"w", "v"}, {"j", "i"}, {"y", "i"}, {"ie", "e"}};

    /** Readable romanisations (case kept), for lists read by people who do not read Cyrillic. */
    private static final ThreadLocal<Transliterator> UKRAINIAN_READABLE =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> RUSSIAN_READABLE =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII"));

    private Romanisation() {
    }

    /**
     * A name as a person reads it in Latin letters: the BGN/PCGN romanisation of Ukrainian or Russian (chosen
     * as for {@link #key}), case kept; a name already in Latin letters as it is. Null for null.
     */
    public static String latin(String name, String language) {
        if (name == null || name.isBlank() || !CYRILLIC.matcher(name).find()) {
            return name;
        }
        boolean ukrainian = UKRAINIAN_LETTERS.matcher(name).find()
                || (!RUSSIAN_LETTERS.matcher(name).find() && "uk".equals(language));
        return (ukrainian ? UKRAINIAN_READABLE : RUSSIAN_READABLE).get().transliterate(name.strip());
    }

    /**
     * The folded Latin key of one name part.
     *
     * @param language ISO 639-1 code the name was given in (uk, ru, ...), or null when unknown; letters
     *                 only one of the two languages has decide over it
     */
    public static String key(String name, String language) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String latin = transliterator(name, language).transliterate(name.strip());
        return fold(latin);
    }

    /** Folds a Latin spelling: lower case ASCII letters only, romanisation variants erased. */
    static String fold(String latin) {
        String letters = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        for (String[] fold : FOLDS) {
            letters = letters.replace(fold[0], fold[1]);
        }
        return letters.replaceAll("(.)\\1+", "$1");
    }

    private static Transliterator transliterator(String name, String language) {
        if (!CYRILLIC.matcher(name).find()) {
            return LATIN.get();
        }
        if (UKRAINIAN_LETTERS.matcher(name).find()) {
            return UKRAINIAN.get();
        }
        if (RUSSIAN_LETTERS.matcher(name).find()) {
            return RUSSIAN.get();
        }
        return "uk".equals(language) ? UKRAINIAN.get() : RUSSIAN.get();
    }
}

package org.homeward.identification.kinship.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An STR allele as labs name it: the number of repeats, with a microvariant after the point (9.3 is nine
 * full repeats and three bases). Kept as its canonical text ("09" and "9.0" are "9"); the number is used
 * only by the stepwise mutation model.
 */
public final class Allele {

    private static final Pattern FORM = Pattern.compile("\\d{1,3}(\\.\\d)?");

    private Allele() {
    }

    /** The canonical label, or empty when the text is not an allele (off-ladder "OL", "X", "", "9.35"). */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!FORM.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(trimmed).stripTrailingZeros();
        if (value.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.toPlainString());
    }

    public static double repeats(String canonical) {
        return Double.parseDouble(canonical);
    }
}

package org.homeward.identification.kinship.lineage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One difference of a mitochondrial sequence from the revised Cambridge Reference Sequence (rCRS), in the notation
 * forensic laboratories use (EMPOP): a substitution "16519C", a point heteroplasmy as its IUPAC code "16093Y" (C and
 * T both seen), an insertion "315.1C" (the first base inserted after 315), a deletion "249DEL" (or "249-"; not "249D", the IUPAC code for A, G or T).
 */
public record MtVariant(int position, int insertion, char base) {

    /** rCRS is 16,569 bases long. */
    public static final int GENOME_LENGTH = 16_569;

    /** The deleted base. */
    public static final char DELETION = '-';

    private static final Pattern NOTATION = Pattern.compile("(\\d{1,5})(?:\\.([1-9]\\d?))?([ACGTRYKMSWBDHVN]|DEL|-)");

    public MtVariant {
        if (position < 1 || position > GENOME_LENGTH || insertion < 0) {
            throw new IllegalArgumentException("An mtDNA position lies between 1 and " + GENOME_LENGTH);
        }
        if (insertion > 0 && (base == DELETION || isHeteroplasmy(base))) {
            throw new IllegalArgumentException("An insertion names the base inserted");
        }
    }

    /** Reads one variant; throws IllegalArgumentException naming the rule (never echoing the value). */
    public static MtVariant parse(String text) {
        Matcher m = NOTATION.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("An mtDNA variant is a position and a base (16519C), an IUPAC code for a"
                    + " point heteroplasmy (16093Y), an insertion (315.1C) or a deletion (249DEL)");
        }
        String base = m.group(3);
        char symbol = base.equals("DEL") || base.equals("-") ? DELETION : base.charAt(0);
        return new MtVariant(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), symbol);
    }

    /** Whether the base is an IUPAC code for two or more bases: a point heteroplasmy. */
    public static boolean isHeteroplasmy(char base) {
        return "RYKMSWBDHVN".indexOf(base) >= 0;
    }

    public boolean heteroplasmic() {
        return isHeteroplasmy(base);
    }

    /** An insertion or a deletion: a change of length. */
    public boolean lengthVariant() {
        return insertion > 0 || base == DELETION;
    }

    /** Whether a heteroplasmy's code covers {@code other} (Y covers C and T). */
    public static boolean covers(char code, char other) {
        String bases = switch (code) {
            case 'R' -> "AG";
            case 'Y' -> "CT";
            case 'K' -> "GT";
            case 'M' -> "AC";
            case 'S' -> "CG";
            case 'W' -> "AT";
            case 'B' -> "CGT";
            case 'D' -> "AGT";
            case 'H' -> "ACT";
            case 'V' -> "ACG";
            case 'N' -> "ACGT";
            default -> String.valueOf(code);
        };
        return bases.indexOf(other) >= 0;
    }

    @Override
    public String toString() {
        return position + (insertion > 0 ? "." + insertion : "") + (base == DELETION ? "DEL" : String.valueOf(base));
    }
}

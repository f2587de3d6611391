package org.homeward.platform.csv;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, the fastest way rows get into a table:
 * every value quoted (so an empty string stays an empty string and commas, quotes and line breaks inside a
 * value are data), a quote doubled, and a null written as nothing, which COPY reads as NULL. Values are
 * written with {@code toString()}: strings, numbers, UUIDs and {@code LocalDate} (ISO) are what it is for.
 */
public final class CopyCsv {

    private CopyCsv() {
    }

    /** Appends one row, its values in the order of the COPY statement's column list. */
    public static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] == null) {
                continue;
            }
            String text = values[i].toString();
            if (text.indexOf('\u0000') >= 0) {
                // COPY refuses NUL in text; callers validate input, so this is a bug, not bad input.
                throw new IllegalArgumentException("A value for COPY contains NUL");
            }
            out.append('"');
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '"') {
                    out.append('"');
                }
                out.append(ch);
            }
            out.append('"');
        }
        out.append('\n');
    }
}

package org.homeward.transfer.manifest;

/**
 * Why one cell (or one row, or the file) of a manifest is not acceptable. {@code field} reads
 * {@code rows[12].nationality} for a cell, {@code columns.patronymic} for a missing or repeated column,
 * {@code columns[6]} for a column that should not be there, {@code manifest} for the file. The message states the rule, never the submitted value.
 */
public record RowError(String field, String message) {

    public static RowError cell(ManifestRow row, String column, String rule) {
        return new RowError("rows[" + row.number() + "]." + column, rule + " (" + row.where() + ")");
    }

    public static RowError row(ManifestRow row, String rule) {
        return new RowError("rows[" + row.number() + "]", rule + " (" + row.where() + ")");
    }

    public static RowError column(String column, String rule) {
        return new RowError("columns." + column, rule);
    }

    /** A column that is not one of the layout's, named by its position (1 = first), never by its text. */
    public static RowError columnAt(int position, String rule) {
        return new RowError("columns[" + position + "]", "Column " + position + ": " + rule);
    }

    public static RowError file(String rule) {
        return new RowError("manifest", rule);
    }
}

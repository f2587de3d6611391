package org.homeward.transfer.manifest;

/**
 * Why one cell (or one row, or the file) of a manifest is not acceptable. {@code field} reads
 * {@code rows[12].nationality} for a cell, {@code columns.rank} for the header, {@code manifest} for the
 * file. The message states the rule, never the submitted value.
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

    public static RowError file(String rule) {
        return new RowError("manifest", rule);
    }
}

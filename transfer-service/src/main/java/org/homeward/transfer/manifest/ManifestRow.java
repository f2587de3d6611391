package org.homeward.transfer.manifest;

import java.util.Map;

/**
 * One row of an uploaded manifest before validation: its 1-based number among the items, the line it
 * starts on (CSV only; null for JSON) and its cells by column name, blank cells absent.
 */
public record ManifestRow(int number, Integer line, Map<String, String> cells) {

    public ManifestRow {
        cells = Map.copyOf(cells);
    }

    public String cell(String column) {
        return cells.get(column);
    }

    /** Where an error is, for a person fixing the file: the item number and, for CSV, its line. */
    String where() {
        return line == null ? "item " + number : "item " + number + ", line " + line;
    }
}

package org.homeward.platform.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.List;

/**
 * CSV for people who open it in a spreadsheet: UTF-8 with a byte-order mark (so Cyrillic shows right),
 * a header row, every string quoted, and every cell a spreadsheet would run as a formula prefixed with an
 * apostrophe (OWASP: CSV injection). Lists of the dead and manifests leave the platform this way.
 */
public final class SpreadsheetCsv {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();
    /** Spreadsheets run a cell starting with these as a formula. */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SpreadsheetCsv() {
    }

    /** @param rows one list of cells per row, in the order of {@code columns}; empty strings for no value */
    public static byte[] write(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<List<String>> defusedRows = rows.stream()
                .map(row -> row.stream().map(SpreadsheetCsv::defused).toList()).toList();
        try {
            byte[] body = CSV.writer(schema.build()).writeValueAsBytes(defusedRows);
            byte[] withMark = new byte[BYTE_ORDER_MARK.length + body.length];
            System.arraycopy(BYTE_ORDER_MARK, 0, withMark, 0, BYTE_ORDER_MARK.length);
            System.arraycopy(body, 0, withMark, BYTE_ORDER_MARK.length, body.length);
            return withMark;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rows could not be written as CSV", e);
        }
    }

    /** Prefixes a cell a spreadsheet would evaluate with an apostrophe, so it is shown as text. */
    public static String defused(String cell) {
        return !cell.isEmpty() && FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}

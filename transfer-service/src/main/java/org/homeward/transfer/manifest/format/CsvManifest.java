package org.homeward.transfer.manifest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.homeward.platform.csv.SpreadsheetCsv;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.ManifestLayout;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifests as CSV (RFC 4180, comma-separated, header row with the documented column names). Reading is
 * Jackson's CSV parser; writing is the platform's spreadsheet-safe CSV.
 */
public final class CsvManifest {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .build();

    private CsvManifest() {
    }

    static List<ManifestRow> read(String text, List<String> columns, String noun, int maxItems) {
        if (text.isBlank()) {
            throw ItemsRejected.of(RowError.file("Empty: " + noun + " in CSV is a header row naming the columns, then a"
                    + " row per item"));
        }
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            checkColumns(((CsvSchema) rows.getParserSchema()), columns, noun);
            List<ManifestRow> result = new ArrayList<>();
            while (true) {
                int line = rows.getCurrentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    return result;
                }
                if (result.size() == maxItems) {
                    throw ItemsRejected.of(RowError.file("More than " + maxItems + " items; split the list"));
                }
                Map<String, String> cells = new HashMap<>();
                rows.nextValue().forEach((column, value) -> {
                    if (value != null && !value.isBlank()) {
                        cells.put(column, value.strip());
                    }
                });
                result.add(new ManifestRow(result.size() + 1, line, cells));
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " near line " + e.getLocation().getLineNr();
            throw ItemsRejected.of(RowError.file("Not readable as CSV" + where
                    + " (a row with more cells than the header, or an unclosed quote)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkColumns(CsvSchema header, List<String> expected, String noun) {
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvSchema.Column column : header) {
            String name = column.getName().strip();
            if (!expected.contains(name)) {
                // Named by position, never by its text: without a header row the "name" is a person's data.
                errors.add(RowError.columnAt(column.getIndex() + 1, "Not a column of " + noun
                        + "; the first row must name the columns: " + String.join(",", expected)));
            } else if (!seen.add(name)) {
                errors.add(RowError.column(name, "Appears more than once"));
            }
        }
        expected.stream().filter(name -> !seen.contains(name))
                .forEach(name -> errors.add(RowError.column(name, "Missing: " + noun + " has the columns "
                        + String.join(",", expected))));
        if (!errors.isEmpty()) {
            throw new ItemsRejected(errors);
        }
    }

    /** A manifest as spreadsheet-safe CSV (byte-order mark, header, formulas defused). */
    public static byte[] write(TransferKind kind, List<ManifestItem> items) {
        return SpreadsheetCsv.write(ManifestLayout.columns(kind),
                items.stream().map(item -> ManifestLayout.cells(kind, item)).toList());
    }
}

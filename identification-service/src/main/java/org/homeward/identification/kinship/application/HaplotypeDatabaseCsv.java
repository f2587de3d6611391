package org.homeward.identification.kinship.application;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.MtDatabase;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lineage databases as the operator supplies them. A Y-STR haplotype database: CSV with a header row naming the loci, one haplotype per
 * row, calls as {@link YLocusCall} reads them (quote a duplication written with a comma, "16,17").
 */
public final class HaplotypeDatabaseCsv {

    private HaplotypeDatabaseCsv() {
    }

    /** Reads the CSV; a bad cell is refused with its row and locus named (never its value). */
    public static HaplotypeDatabase read(String name, Reader csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<YHaplotype> haplotypes = new ArrayList<>();
        List<String> loci = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            ((CsvSchema) rows.getParserSchema()).forEach(column -> loci.add(column.getName()));
            int row = 1;
            while (rows.hasNext()) {
                Map<String, String> cells = rows.next();
                Map<String, YLocusCall> calls = new HashMap<>();
                for (Map.Entry<String, String> cell : cells.entrySet()) {
                    if (cell.getValue() == null || cell.getValue().isBlank()) {
                        continue; // not typed at this locus (a database of mixed kits)
                    }
                    try {
                        calls.put(cell.getKey(), YLocusCall.parse(cell.getValue()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Row " + row + ", " + cell.getKey() + ": " + e.getMessage());
                    }
                }
                if (calls.isEmpty()) {
                    throw new IllegalArgumentException("Row " + row + ": no locus typed");
                }
                haplotypes.add(new YHaplotype(calls));
                row++;
            }
        }
        return new HaplotypeDatabase(name, loci, haplotypes);
    }

    /**
     * Reads an mtDNA database: CSV with columns {@code range} and {@code variants} (space-separated, as
     * {@link MtHaplotype#parse} reads them), one sequence per row; a bad row is refused with its number (never its
     * values).
     */
    public static MtDatabase readMtDna(String name, Reader csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<MtHaplotype> sequences = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            int row = 1;
            while (rows.hasNext()) {
                Map<String, String> cells = rows.next();
                if (!cells.containsKey("range") || !cells.containsKey("variants")) {
                    throw new IllegalArgumentException("The header names the columns range and variants");
                }
                try {
                    sequences.add(MtHaplotype.parse(cells.get("range"), cells.get("variants")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Row " + row + ": " + e.getMessage());
                }
                row++;
            }
        }
        return new MtDatabase(name, sequences);
    }
}

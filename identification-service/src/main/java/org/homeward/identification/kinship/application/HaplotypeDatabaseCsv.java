package org.homeward.identification.kinship.application;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Y-STR haplotype database as the operator supplies it: CSV with a header row naming the loci, one haplotype per
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
                    try {
                        calls.put(cell.getKey(), YLocusCall.parse(cell.getValue()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Row " + row + ", " + cell.getKey() + ": " + e.getMessage());
                    }
                }
                haplotypes.add(new YHaplotype(calls));
                row++;
            }
        }
        return new HaplotypeDatabase(name, loci, haplotypes);
    }

}

package org.homeward.identification.kinship.application;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table genotyping software exports (GeneMapper and its kin): one row per sample and locus, with the
 * columns "Sample Name", "Marker" and "Allele 1", "Allele 2", tab- or comma-separated. An empty second
 * allele is a homozygote; a row with no allele is a locus that did not amplify. One sample per upload. Columns
 * Allele 3 and beyond are read too, so that a mixture's third allele is refused instead of silently dropped.
 */
public final class LabTable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    private static final int MAX_ROWS = 200;
    /** As the JSON form's sampleId. */
    private static final java.util.regex.Pattern SAMPLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._/-]{1,64}");
    private static final java.util.regex.Pattern ALLELE_COLUMN = java.util.regex.Pattern.compile("allele[0-9]{1,2}");

    private LabTable() {
    }

    public static DnaProfiles.Submitted parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = body.lines().findFirst().orElse("");
        char separator = header.contains("\t") ? '\t' : ',';
        List<Problem.Violation> problems = new ArrayList<>();
        Set<String> samples = new LinkedHashSet<>();
        Map<String, List<String>> loci = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)).readValues(body)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                if (line > MAX_ROWS + 1) {
                    throw refused(List.of(new Problem.Violation("table", "At most " + MAX_ROWS + " rows (one sample)")));
                }
                Map<String, String> row = normalised(rows.next());
                String sample = row.get("samplename");
                String marker = row.containsKey("marker") ? row.get("marker") : row.get("locus");
                if (sample == null || marker == null || !row.containsKey("allele1")) {
                    throw refused(List.of(new Problem.Violation("table", "The header needs Sample Name, Marker,"
                            + " Allele 1 and Allele 2")));
                }
                if (sample.isBlank() || marker.isBlank()) {
                    problems.add(new Problem.Violation("row " + line, "A row names its sample and its marker"));
                    continue;
                }
                if (!SAMPLE.matcher(sample).matches() || marker.length() > 40) {
                    problems.add(new Problem.Violation("row " + line, "A sample name is at most 64 letters, digits"
                            + " and . _ / -; a marker name at most 40 characters"));
                    continue;
                }
                samples.add(sample);
                // Every allele column the software wrote (Allele 1 .. Allele n): a third allele must reach the
                // profile's check, which refuses it naming the locus, rather than vanish here.
                List<String> alleles = new ArrayList<>();
                row.forEach((column, allele) -> {
                    if (ALLELE_COLUMN.matcher(column).matches() && allele != null && !allele.isBlank()) {
                        alleles.add(allele);
                    }
                });
                if (alleles.isEmpty()) {
                    continue;
                }
                if (loci.put(marker, alleles) != null) {
                    problems.add(new Problem.Violation("row " + line, "Marker " + marker + " appears twice"));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw refused(List.of(new Problem.Violation("table", "Not a readable CSV or tab-separated table")));
        }
        if (samples.size() > 1) {
            problems.add(new Problem.Violation("table", "The table holds " + samples.size()
                    + " samples; upload one sample's rows per profile"));
        }
        if (samples.isEmpty()) {
            problems.add(new Problem.Violation("table", "The table has no rows"));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new DnaProfiles.Submitted(samples.iterator().next(), loci);
    }

    /** Header names as software spells them vary: "Sample Name", "Sample_Name", "Allele 1", "Allele1". */
    private static Map<String, String> normalised(Map<String, String> row) {
        Map<String, String> normalised = new LinkedHashMap<>();
        row.forEach((key, value) -> normalised.put(key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
                .replaceAll("^sample$", "samplename"), value));
        return normalised;
    }

    private static ProblemException refused(List<Problem.Violation> problems) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The profile table was refused; nothing was stored",
                problems);
    }
}

package org.homeward.identification.register.application;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.identification.register.PersonCategory;
import org.homeward.identification.register.ReportSource;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.identification.register.Sex;
import org.homeward.platform.text.SafeText;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.text.StrictUtf8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports in bulk, as CSV (a header row naming the columns) or JSON ({@code {"reports": [{...}]}}),
 * validated whole: one bad cell rejects the upload with every row and field at fault, and never the
 * values themselves (they are names). The rows come back in linkage order, by blocking key, so that a
 * chunk loads few blocks and a resumed import takes up exactly where it stopped.
 */
public final class ReportRows {

    public static final List<String> COLUMNS = List.of("surname", "firstNames", "patronymic", "script", "language",
            "dateOfBirth", "serviceNumber", "unit", "party", "category", "circumstances", "source", "sourceAddress",
            "reportedOn", "sex", "familyGroup");
    private static final Set<String> SCRIPTS = Set.of("Cyrl", "Latn");
    /** The longest value each column may hold: the register's column widths. */
    private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("surname", 200),
            Map.entry("firstNames", 200), Map.entry("patronymic", 200), Map.entry("script", 4),
            Map.entry("language", 2), Map.entry("dateOfBirth", 10), Map.entry("serviceNumber", 64),
            Map.entry("unit", 200), Map.entry("party", 2), Map.entry("category", 20), Map.entry("circumstances", 2000),
            Map.entry("source", 30), Map.entry("sourceAddress", 500), Map.entry("reportedOn", 10),
            Map.entry("sex", 6), Map.entry("familyGroup", 64));
    private static final ObjectMapper JSON = StrictJson.reader();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private ReportRows() {
    }

    /** @param upload the bytes as received, which must be UTF-8 (an optional byte-order mark is skipped) */
    public static List<ReportedPerson> parse(String format, byte[] upload, int maxRows, LocalDate today) {
        Reader text;
        try {
            text = StrictUtf8.reader(upload);
        } catch (StrictUtf8.NotUtf8 e) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "The import was rejected; nothing was stored",
                    List.of(new Problem.Violation("reports", e.getMessage())));
        }
        List<Map<String, String>> cells = "csv".equals(format) ? csv(text, maxRows) : json(text, maxRows);
        List<Problem.Violation> errors = new ArrayList<>();
        List<ReportedPerson> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String at = "rows[" + (i + 1) + "]";
            try {
                rows.add(row(cells.get(i), today, at, errors));
            } catch (RuleViolation e) {
                errors.add(new Problem.Violation(at + "." + e.field(), e.getMessage()));
            }
        }
        Map<String, String> partyOfFamily = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ReportedPerson row = rows.get(i);
            if (row != null && row.familyGroup() != null
                    && !partyOfFamily.computeIfAbsent(row.familyGroup(), g -> row.party()).equals(row.party())) {
                errors.add(new Problem.Violation("rows[" + (i + 1) + "].familyGroup",
                        "Brothers are stated within one party's register: this family's rows name two parties"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "The import was rejected; nothing was stored: "
                    + errors.size() + " error(s)", errors.subList(0, Math.min(errors.size(), 1000)));
        }
        // Romanising is the costly part: each row's blocking key is computed once, not at every comparison.
        Map<ReportedPerson, String> keys = new IdentityHashMap<>();
        rows.forEach(r -> keys.put(r, r.party() + "|" + r.particulars().blockingPrefix()));
        rows.sort(Comparator.comparing(keys::get));
        return rows;
    }

    private static ReportedPerson row(Map<String, String> cells, LocalDate today, String at,
                                      List<Problem.Violation> errors) {
        int before = errors.size();
        cells.forEach((column, value) -> {
            if (!COLUMNS.contains(column)) {
                errors.add(new Problem.Violation(at, "A field that does not belong (" + COLUMNS.size() + " are known)"));
            } else if (value.length() > MAX_LENGTH.get(column) || !SafeText.isSafe(value)) {
                errors.add(new Problem.Violation(at + "." + column, "Longer than " + MAX_LENGTH.get(column)
                        + " characters, or holds control or direction characters"));
            }
        });
        String surname = cells.get("surname");
        require(surname != null && surname.codePoints().anyMatch(Character::isLetter), at + ".surname",
                "Required, with letters", errors);
        String script = cells.get("script");
        require(script != null && SCRIPTS.contains(script), at + ".script", "Cyrl or Latn", errors);
        String language = cells.get("language");
        require(language == null || language.matches("[a-z]{2}"), at + ".language", "An ISO 639-1 code such as uk or ru", errors);
        String party = cells.get("party");
        require(party != null && party.matches("[A-Z]{2}"), at + ".party", "An ISO 3166-1 alpha-2 code", errors);
        PersonCategory category = enumOf(PersonCategory.class, cells.get("category"), at + ".category", errors);
        ReportSource source = enumOf(ReportSource.class, cells.get("source"), at + ".source", errors);
        String address = cells.get("sourceAddress");
        require(address == null || isWebAddress(address), at + ".sourceAddress", "An http(s) address", errors);
        LocalDate reportedOn = date(cells.get("reportedOn"), at + ".reportedOn", errors);
        require(reportedOn == null || !reportedOn.isAfter(today), at + ".reportedOn", "Cannot be in the future", errors);
        BirthDate birthDate = BirthDate.parse(cells.get("dateOfBirth"));
        Sex sex = cells.get("sex") == null || cells.get("sex").isBlank() ? null
                : enumOf(Sex.class, cells.get("sex"), at + ".sex", errors);
        if (errors.size() > before) {
            return null;
        }
        return new ReportedPerson(surname, cells.get("firstNames"), cells.get("patronymic"), script, language,
                birthDate, cells.get("serviceNumber"), cells.get("unit"), party, category, cells.get("circumstances"),
                source, address, reportedOn, sex, blankToNull(cells.get("familyGroup")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void require(boolean ok, String field, String message, List<Problem.Violation> errors) {
        if (!ok) {
            errors.add(new Problem.Violation(field, message));
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<Problem.Violation> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.Violation(field, "One of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<Problem.Violation> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(new Problem.Violation(field, "A calendar date YYYY-MM-DD"));
            return null;
        }
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Map<String, String>> csv(Reader text, int maxRows) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (it.hasNextValue()) {
                tooMany(rows.size(), maxRows);
                rows.add(nonBlank(it.nextValue()));
            }
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "Not readable as CSV (a row with more cells than"
                    + " the header, or an unclosed quote)", List.of(new Problem.Violation("reports", "Not readable as CSV")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Reads the reports one at a time as the parser reaches them: a tree of the whole document would weigh
     * several times the upload. Other top-level fields are skipped.
     */
    private static List<Map<String, String>> json(Reader text, int maxRows) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean sawReports = false;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnImport();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"reports".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw notAnImport();
                }
                sawReports = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    tooMany(rows.size(), maxRows);
                    rows.add(nonBlank(cellsOf(JSON.readTree(parser))));
                }
            }
            if (parser.nextToken() != null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON");
            }
        } catch (JsonProcessingException e) {
            if (StrictJson.isDuplicateKey(e)) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "A key appears twice in one JSON object");
            }
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sawReports) {
            throw notAnImport();
        }
        return rows;
    }

    private static ProblemException notAnImport() {
        return new ProblemException(ProblemType.RULE_VIOLATION, "A JSON import is {\"reports\": [...]}",
                List.of(new Problem.Violation("reports", "An array of reports")));
    }

    private static Map<String, String> cellsOf(JsonNode report) {
        Map<String, String> cells = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = report.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                cells.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText().strip()
                        : field.getValue().toString());
            }
        }
        return cells;
    }

    private static Map<String, String> nonBlank(Map<String, String> cells) {
        Map<String, String> kept = new HashMap<>();
        cells.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        return kept;
    }

    private static void tooMany(int rows, int maxRows) {
        if (rows >= maxRows) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "More than " + maxRows + " reports; split the import",
                    List.of(new Problem.Violation("reports", "At most " + maxRows)));
        }
    }
}

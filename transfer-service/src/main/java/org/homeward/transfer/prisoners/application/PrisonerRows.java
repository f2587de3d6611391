package org.homeward.transfer.prisoners.application;

import org.homeward.platform.text.SafeText;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;
import org.homeward.transfer.prisoners.PrisonerParticulars;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a list of prisoners held, or one record, checked field by field into {@link PrisonerParticulars}:
 * required fields, lengths, dates, codes, and text without control or bidirectional-override characters. Errors
 * name the field and the rule, never the value (a person's data).
 */
final class PrisonerRows {

    static final List<String> COLUMNS = List.of("surname", "firstNames", "patronymic", "script", "language",
            "dateOfBirth", "placeOfBirth", "rank", "serviceNumber", "partyOfOrigin", "fatherFirstName",
            "motherMaidenName", "personToInform", "capturedOn", "capturePlace", "internmentPlace", "stateOfHealth", "releasedOn");
    private static final Set<String> REQUIRED = Set.of("surname", "firstNames", "script", "dateOfBirth", "rank",
            "partyOfOrigin", "capturedOn", "capturePlace", "internmentPlace");
    private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("surname", 200),
            Map.entry("firstNames", 200), Map.entry("patronymic", 200), Map.entry("script", 4),
            Map.entry("language", 2), Map.entry("dateOfBirth", 10), Map.entry("placeOfBirth", 500),
            Map.entry("rank", 100), Map.entry("serviceNumber", 64), Map.entry("partyOfOrigin", 2),
            Map.entry("fatherFirstName", 200), Map.entry("motherMaidenName", 200), Map.entry("personToInform", 500),
            Map.entry("capturedOn", 10), Map.entry("capturePlace", 500), Map.entry("internmentPlace", 500),
            Map.entry("stateOfHealth", 2000), Map.entry("releasedOn", 10));
    private static final Set<String> SCRIPTS = Set.of("Cyrl", "Latn");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern PARTY = Pattern.compile("[A-Z]{2}");
    /** Only the state of health is free prose and may run over several lines. */
    private static final Set<String> MULTILINE = Set.of("stateOfHealth");

    /**
     * The particulars of one row, or null with the row's errors added to {@code errors} (named by field and
     * rule, never by the value, which is personal data).
     */
    static PrisonerParticulars of(ManifestRow row, LocalDate today, List<RowError> errors) {
        int before = errors.size();
        if (!COLUMNS.containsAll(row.cells().keySet())) {
            // Not named: in a JSON upload the stray key may itself be someone's data.
            errors.add(RowError.row(row, "A field that is not one of " + String.join(",", COLUMNS)));
        }
        for (String column : COLUMNS) {
            String value = row.cell(column);
            if (value == null) {
                if (REQUIRED.contains(column)) {
                    errors.add(RowError.cell(row, column, "Required"));
                }
                continue;
            }
            if (value.length() > MAX_LENGTH.get(column)) {
                errors.add(RowError.cell(row, column, "At most " + MAX_LENGTH.get(column) + " characters"));
            } else if (!(MULTILINE.contains(column) ? SafeText.isSafeMultiline(value) : SafeText.isSafe(value))) {
                errors.add(RowError.cell(row, column, "Control or bidirectional-override characters are not accepted"));
            }
        }
        String script = row.cell("script");
        if (script != null && !SCRIPTS.contains(script)) {
            errors.add(RowError.cell(row, "script", "Cyrl or Latn (ISO 15924), the script the names are written in"));
        }
        String language = row.cell("language");
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(RowError.cell(row, "language", "An ISO 639-1 code such as uk or ru"));
        }
        String party = row.cell("partyOfOrigin");
        if (party != null && !PARTY.matcher(party).matches()) {
            errors.add(RowError.cell(row, "partyOfOrigin", "An ISO 3166-1 alpha-2 code such as UA"));
        }
        LocalDate born = date(row, "dateOfBirth", errors);
        LocalDate captured = date(row, "capturedOn", errors);
        if (born != null && born.isAfter(today)) {
            errors.add(RowError.cell(row, "dateOfBirth", "Not in the future"));
        }
        if (captured != null && captured.isAfter(today)) {
            errors.add(RowError.cell(row, "capturedOn", "Not in the future"));
        }
        if (born != null && captured != null && captured.isBefore(born)) {
            errors.add(RowError.cell(row, "capturedOn", "Not before the date of birth"));
        }
        LocalDate released = date(row, "releasedOn", errors);
        if (released != null && (released.isAfter(today) || (captured != null && released.isBefore(captured)))) {
            errors.add(RowError.cell(row, "releasedOn", "Between the capture and today"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new PrisonerParticulars(row.cell("surname"), row.cell("firstNames"), row.cell("patronymic"), script,
                language, born, row.cell("placeOfBirth"), row.cell("rank"), row.cell("serviceNumber"), party,
                row.cell("fatherFirstName"), row.cell("motherMaidenName"), row.cell("personToInform"), captured,
                row.cell("capturePlace"), row.cell("internmentPlace"), row.cell("stateOfHealth"), released);
    }

    private PrisonerRows() {
    }

    private static LocalDate date(ManifestRow row, String column, List<RowError> errors) {
        String value = row.cell(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(RowError.cell(row, column, "A calendar date YYYY-MM-DD"));
        return null;
    }
}

package org.homeward.transfer.manifest;

import org.homeward.transfer.TransferKind;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.homeward.transfer.manifest.ManifestLayout.CATEGORY;
import static org.homeward.transfer.manifest.ManifestLayout.DATE_OF_BIRTH;
import static org.homeward.transfer.manifest.ManifestLayout.FIRST_NAMES;
import static org.homeward.transfer.manifest.ManifestLayout.HEALTH_NOTES;
import static org.homeward.transfer.manifest.ManifestLayout.NATIONALITY;
import static org.homeward.transfer.manifest.ManifestLayout.PATRONYMIC;
import static org.homeward.transfer.manifest.ManifestLayout.PERSONAL_EFFECTS;
import static org.homeward.transfer.manifest.ManifestLayout.RANK;
import static org.homeward.transfer.manifest.ManifestLayout.RECOVERY_DATE;
import static org.homeward.transfer.manifest.ManifestLayout.RECOVERY_PLACE;
import static org.homeward.transfer.manifest.ManifestLayout.SERVICE_NUMBER;
import static org.homeward.transfer.manifest.ManifestLayout.SURNAME;
import static org.homeward.transfer.manifest.ManifestLayout.TAG;

/**
 * Turns the rows of an uploaded manifest into items, all or nothing: every row is checked and every
 * error collected, so that the sender can correct the whole file at once. Messages name the rule broken
 * and the row, never the value (which may be a name).
 */
public final class ManifestValidator {

    /** The earliest date a manifest may carry: birth dates of the living, recovery dates of the dead. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private static final Set<String> REMAINS_CATEGORIES = Set.of("MILITARY", "CIVILIAN", "UNKNOWN");
    /**
     * Control characters (but tab), and the Unicode direction overrides and isolates (U+202A-U+202E,
     * U+2066-U+2069) that make a name display as another in a list. Joiners that some scripts need stay.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069&&[^\\t]]");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry(SURNAME, 200), Map.entry(FIRST_NAMES, 200), Map.entry(PATRONYMIC, 200), Map.entry(RANK, 100),
            Map.entry(SERVICE_NUMBER, 64), Map.entry(RECOVERY_PLACE, 500), Map.entry(PERSONAL_EFFECTS, 2000),
            Map.entry(HEALTH_NOTES, 2000), Map.entry(CATEGORY, 100));

    private final TransferKind kind;
    private final TermSelection terms;
    private final LocalDate today;

    /**
     * @param today the date at the handover point; no birth or recovery date may be later
     */
    public ManifestValidator(TransferKind kind, TermSelection terms, LocalDate today) {
        this.kind = kind;
        this.terms = terms;
        this.today = today;
    }

    /** The items of the manifest in row order; throws {@link ItemsRejected} with every error otherwise. */
    public List<ManifestItem> validate(List<ManifestRow> rows) {
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            throw ItemsRejected.of(RowError.file("A manifest lists at least one item"));
        }
        Map<String, Integer> firstRowOfTag = new HashMap<>();
        List<ManifestItem> items = new ArrayList<>(rows.size());
        for (ManifestRow row : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            ManifestItem item = item(row, rowErrors);
            if (item != null) {
                Integer first = firstRowOfTag.putIfAbsent(item.tag().toUpperCase(Locale.ROOT), row.number());
                if (first != null) {
                    rowErrors.add(RowError.cell(row, TAG, "Repeats the tag of item " + first
                            + "; tags are unique within a transfer"));
                }
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                items.add(item);
            }
        }
        if (!errors.isEmpty()) {
            throw new ItemsRejected(errors);
        }
        return items;
    }

    private ManifestItem item(ManifestRow row, List<RowError> errors) {
        Set<String> allowed = Set.copyOf(ManifestLayout.columns(kind));
        row.cells().keySet().stream().filter(column -> !allowed.contains(column)).sorted()
                .forEach(column -> errors.add(RowError.cell(row, column, "Not a column of a " + kind + " manifest")));
        for (String column : ManifestLayout.required(kind)) {
            if (row.cell(column) == null) {
                errors.add(RowError.cell(row, column, "Required"));
            }
        }
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            Integer max = MAX_LENGTH.get(cell.getKey());
            if (max != null && cell.getValue().length() > max) {
                errors.add(RowError.cell(row, cell.getKey(), "Longer than " + max + " characters"));
            }
            if (CONTROL.matcher(cell.getValue()).find()) {
                errors.add(RowError.cell(row, cell.getKey(), "Contains control characters or direction overrides"));
            }
        }
        String tag = row.cell(TAG);
        if (tag != null && !Codes.isTag(tag)) {
            errors.add(RowError.cell(row, TAG, Codes.TAG_RULE));
        }
        String nationality = Codes.normalised(row.cell(NATIONALITY));
        if (nationality != null && !Codes.isNationality(nationality)) {
            errors.add(RowError.cell(row, NATIONALITY, Codes.NATIONALITY_RULE));
        }
        String category = category(row, errors);
        LocalDate dateOfBirth = date(row, DATE_OF_BIRTH, errors);
        LocalDate recoveryDate = date(row, RECOVERY_DATE, errors);
        if (dateOfBirth != null && recoveryDate != null && recoveryDate.isBefore(dateOfBirth)) {
            errors.add(RowError.cell(row, RECOVERY_DATE, "Before the date of birth"));
        }
        Optional<UUID> term = category == null && kind != TransferKind.REMAINS ? Optional.empty() : terms.termFor(category);
        if (term.isEmpty() && (category != null || kind == TransferKind.REMAINS)) {
            errors.add(RowError.cell(row, CATEGORY, terms.rule()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ManifestItem(tag, term.orElseThrow(), category, nationality, row.cell(SURNAME),
                row.cell(FIRST_NAMES), row.cell(PATRONYMIC), row.cell(RANK), dateOfBirth, row.cell(SERVICE_NUMBER),
                row.cell(RECOVERY_PLACE), recoveryDate, row.cell(PERSONAL_EFFECTS), row.cell(HEALTH_NOTES));
    }

    private String category(ManifestRow row, List<RowError> errors) {
        String category = row.cell(CATEGORY);
        if (category == null) {
            return null;
        }
        if (kind == TransferKind.REMAINS) {
            category = Codes.normalised(category);
            if (!REMAINS_CATEGORIES.contains(category)) {
                errors.add(RowError.cell(row, CATEGORY, "One of MILITARY, CIVILIAN, UNKNOWN"));
            }
        }
        return category;
    }

    private LocalDate date(ManifestRow row, String column, List<RowError> errors) {
        String text = row.cell(column);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            errors.add(RowError.cell(row, column, "Not a calendar date in the form YYYY-MM-DD"));
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(RowError.cell(row, column, "In the future"));
        } else if (date.isBefore(EARLIEST_DATE)) {
            errors.add(RowError.cell(row, column, "Before " + EARLIEST_DATE));
        }
        return date;
    }
}

package org.homeward.transfer.manifest;

import org.homeward.transfer.TransferKind;

import java.util.List;
import java.util.Set;

/**
 * The documented columns of a manifest per kind of transfer (CSV header names and JSON field names alike),
 * and which of them every item must fill. A CSV file must carry exactly these columns, in any order.
 */
public final class ManifestLayout {

    public static final String TAG = "tag";
    public static final String CATEGORY = "category";
    public static final String NATIONALITY = "nationality";
    public static final String SURNAME = "surname";
    public static final String FIRST_NAMES = "firstNames";
    public static final String PATRONYMIC = "patronymic";
    public static final String RANK = "rank";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String SERVICE_NUMBER = "serviceNumber";
    public static final String RECOVERY_PLACE = "recoveryPlace";
    public static final String RECOVERY_DATE = "recoveryDate";
    public static final String PERSONAL_EFFECTS = "personalEffects";
    public static final String HEALTH_NOTES = "healthNotes";

    /** Remains: the claimed category of the dead, their claimed identity if any, where and when recovered. */
    private static final List<String> REMAINS = List.of(TAG, NATIONALITY, CATEGORY, SURNAME, FIRST_NAMES, PATRONYMIC,
            DATE_OF_BIRTH, SERVICE_NUMBER, RECOVERY_PLACE, RECOVERY_DATE, PERSONAL_EFFECTS);
    private static final Set<String> REMAINS_REQUIRED = Set.of(TAG, NATIONALITY, CATEGORY, RECOVERY_PLACE, RECOVERY_DATE);

    /** Prisoners of war: the Third Geneva Convention's Art. 17 data, the category that selects the term, health notes. */
    private static final List<String> PRISONERS = List.of(TAG, SURNAME, FIRST_NAMES, PATRONYMIC, RANK, DATE_OF_BIRTH,
            SERVICE_NUMBER, CATEGORY, NATIONALITY, HEALTH_NOTES);
    private static final Set<String> PRISONERS_REQUIRED = Set.of(TAG, SURNAME, FIRST_NAMES, RANK, DATE_OF_BIRTH,
            SERVICE_NUMBER, CATEGORY);

    /** Civilians: as prisoners, without rank and service number. */
    private static final List<String> CIVILIANS = List.of(TAG, SURNAME, FIRST_NAMES, PATRONYMIC, DATE_OF_BIRTH,
            CATEGORY, NATIONALITY, HEALTH_NOTES);
    private static final Set<String> CIVILIANS_REQUIRED = Set.of(TAG, SURNAME, FIRST_NAMES, DATE_OF_BIRTH, CATEGORY);

    private ManifestLayout() {
    }

    public static List<String> columns(TransferKind kind) {
        return switch (kind) {
            case REMAINS -> REMAINS;
            case PRISONERS -> PRISONERS;
            case CIVILIANS -> CIVILIANS;
        };
    }

    /** An item's cells in the kind's column order, blank where the item has no value: what a download lists. */
    public static List<String> cells(TransferKind kind, ManifestItem item) {
        return columns(kind).stream().map(column -> cell(item, column)).toList();
    }

    private static String cell(ManifestItem item, String column) {
        Object value = switch (column) {
            case TAG -> item.tag();
            case CATEGORY -> item.category();
            case NATIONALITY -> item.nationality();
            case SURNAME -> item.surname();
            case FIRST_NAMES -> item.firstNames();
            case PATRONYMIC -> item.patronymic();
            case RANK -> item.rank();
            case DATE_OF_BIRTH -> item.dateOfBirth();
            case SERVICE_NUMBER -> item.serviceNumber();
            case RECOVERY_PLACE -> item.recoveryPlace();
            case RECOVERY_DATE -> item.recoveryDate();
            case PERSONAL_EFFECTS -> item.personalEffects();
            case HEALTH_NOTES -> item.healthNotes();
            default -> throw new IllegalArgumentException("No such column: " + column);
        };
        return value == null ? "" : value.toString();
    }

    public static Set<String> required(TransferKind kind) {
        return switch (kind) {
            case REMAINS -> REMAINS_REQUIRED;
            case PRISONERS -> PRISONERS_REQUIRED;
            case CIVILIANS -> CIVILIANS_REQUIRED;
        };
    }
}

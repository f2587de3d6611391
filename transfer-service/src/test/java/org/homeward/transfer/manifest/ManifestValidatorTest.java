package org.homeward.transfer.manifest;

import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.TransferKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Manifest rules, all or nothing, without any framework. */
class ManifestValidatorTest {

    private static final UUID REMAINS_TERM = UUID.randomUUID();
    private static final UUID WOUNDED = UUID.randomUUID();
    private static final UUID YOUNG = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 11);

    private static final ManifestValidator REMAINS = new ManifestValidator(TransferKind.REMAINS,
            new TermSelection(TransferKind.REMAINS, List.of(new AgreedTerm(REMAINS_TERM, "REMAINS_REPATRIATION", "RU", "UA"))),
            TODAY);
    private static final ManifestValidator PRISONERS = new ManifestValidator(TransferKind.PRISONERS,
            new TermSelection(TransferKind.PRISONERS, List.of(
                    new AgreedTerm(WOUNDED, "POW_EXCHANGE", "RU", "UA", "SERIOUSLY_WOUNDED_OR_SICK", null),
                    new AgreedTerm(YOUNG, "POW_EXCHANGE", "RU", "UA", "CUSTOM", "aged 18 to 25"))),
            TODAY);

    private static ManifestRow remains(int number, String... overrides) {
        Map<String, String> cells = new HashMap<>(Map.of("tag", "RU-" + number, "nationality", "UA",
                "category", "military", "surname", "Шевченко", "firstNames", "Тарас", "recoveryPlace", "Донецька обл.",
                "recoveryDate", "2025-03-01"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                cells.remove(overrides[i]);
            } else {
                cells.put(overrides[i], overrides[i + 1]);
            }
        }
        return new ManifestRow(number, number + 1, cells);
    }

    private static List<String> fields(ItemsRejected rejected) {
        return rejected.errors().stream().map(RowError::field).toList();
    }

    @Test
    void aGoodRemainsManifestBecomesItemsOfItsOnlyTerm() {
        List<ManifestItem> items = REMAINS.validate(List.of(remains(1), remains(2, "surname", null, "firstNames", null)));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).termId()).isEqualTo(REMAINS_TERM);
        assertThat(items.get(0).category()).isEqualTo("MILITARY");
        assertThat(items.get(0).recoveryDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(items.get(1).surname()).isNull();
    }

    @Test
    void everyErrorOfEveryRowIsReportedWithoutTheValues() {
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class, () -> REMAINS.validate(List.of(
                remains(1),
                remains(2, "tag", "RU-1"),
                remains(3, "nationality", "QQ"),
                remains(4, "recoveryDate", "2025-02-30"),
                remains(5, "recoveryDate", "2031-01-01"),
                remains(6, "dateOfBirth", "1899-12-31"),
                remains(7, "category", "SOLDIER", "recoveryPlace", null),
                remains(8, "dateOfBirth", "2000-01-02", "recoveryDate", "2000-01-01"),
                remains(9, "rank", "captain"))));
        assertThat(fields(rejected)).containsExactly("rows[2].tag", "rows[3].nationality", "rows[4].recoveryDate",
                "rows[5].recoveryDate", "rows[6].dateOfBirth", "rows[7].recoveryPlace", "rows[7].category",
                "rows[8].recoveryDate", "rows[9].rank");
        assertThat(rejected.errors().get(0).message()).contains("item 1").contains("line 3");
        assertThat(rejected.errors()).allSatisfy(error -> assertThat(error.message())
                .doesNotContain("QQ", "SOLDIER", "2025-02-30", "captain", "Шевченко"));
    }

    @Test
    void directionOverridesAreRefusedLikeControlCharactersButJoinersStay() {
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class, () -> REMAINS.validate(List.of(
                remains(1, "surname", "Ivanov\u202Eokvohs"),
                remains(2, "firstNames", "\u2066Taras\u2069"),
                remains(3, "tag", "RU-\u202D3"),
                remains(4, "surname", "Ivanov\u0007"))));
        assertThat(fields(rejected)).containsExactly("rows[1].surname", "rows[2].firstNames", "rows[3].tag",
                "rows[3].tag", "rows[4].surname");
        // A zero-width joiner and non-joiner are parts of some scripts' spelling.
        assertThat(REMAINS.validate(List.of(remains(1, "surname", "Mi\u200Dhai\u200Cl")))).hasSize(1);
    }

    @Test
    void tagsAreUniqueInAnyLetterCase() {
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> REMAINS.validate(List.of(remains(1, "tag", "ru-7"), remains(2, "tag", "RU-7"))));
        assertThat(fields(rejected)).containsExactly("rows[2].tag");
    }

    @Test
    void aPrisonersCategorySelectsItsTermIncludingACustomOne() {
        Map<String, String> prisoner = Map.of("tag", "P-1", "surname", "Коваленко", "firstNames", "Петро",
                "rank", "солдат", "dateOfBirth", "1990-05-01", "serviceNumber", "AB123",
                "category", "seriously_wounded_or_sick");
        Map<String, String> young = new HashMap<>(prisoner);
        young.put("tag", "P-2");
        young.put("category", "Aged 18 to 25");
        List<ManifestItem> items = PRISONERS.validate(List.of(new ManifestRow(1, null, prisoner), new ManifestRow(2, null, young)));
        assertThat(items).extracting(ManifestItem::termId).containsExactly(WOUNDED, YOUNG);

        Map<String, String> unknownCategory = new HashMap<>(prisoner);
        unknownCategory.put("category", "ALL");
        unknownCategory.remove("serviceNumber");
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> PRISONERS.validate(List.of(new ManifestRow(1, null, unknownCategory))));
        assertThat(fields(rejected)).containsExactlyInAnyOrder("rows[1].serviceNumber", "rows[1].category");
        assertThat(rejected.errors().get(0).message()).contains("item 1").doesNotContain("line");
    }

    @Test
    void anEmptyManifestIsRefused() {
        assertThat(fields(catchThrowableOfType(ItemsRejected.class, () -> REMAINS.validate(List.of()))))
                .containsExactly("manifest");
    }
}

package org.homeward.transfer.manifest.format;

import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading and writing manifests as files, without any framework. */
class CsvManifestTest {

    private static final String HEADER = "tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,"
            + "serviceNumber,recoveryPlace,recoveryDate,personalEffects\n";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsCyrillicWithOrWithoutAByteOrderMarkAndQuotedCells() {
        String csv = HEADER + "RU-1,UA,MILITARY,Шевченко,Тарас,Григорович,,,\"Донецьк, шахта 3\",2025-03-01,\"жетон\nхрест\"\n"
                + "\n"
                + "RU-2,UA,UNKNOWN,,,,,,Бахмут,2025-03-02,\n";
        byte[] withMark = new byte[3 + utf8(csv).length];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(utf8(csv), 0, withMark, 3, utf8(csv).length);
        for (byte[] body : List.of(utf8(csv), withMark)) {
            List<ManifestRow> rows = ManifestFormat.CSV.read(body, TransferKind.REMAINS, 10);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).cells()).containsEntry("surname", "Шевченко")
                    .containsEntry("recoveryPlace", "Донецьк, шахта 3").containsEntry("personalEffects", "жетон\nхрест")
                    .doesNotContainKey("dateOfBirth");
            assertThat(rows.get(0).line()).isEqualTo(2);
            assertThat(rows.get(1).number()).isEqualTo(2);
            assertThat(rows.get(1).line()).isEqualTo(5);
        }
    }

    @Test
    void refusesInvalidUtf8NamingTheLine() {
        byte[] latin1 = (HEADER + "RU-1,UA,MILITARY,Müller,Hans,,,,Place,2025-03-01,\n").getBytes(StandardCharsets.ISO_8859_1);
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> ManifestFormat.CSV.read(latin1, TransferKind.REMAINS, 10));
        assertThat(rejected.errors()).extracting(RowError::field).containsExactly("manifest");
        assertThat(rejected.errors().get(0).message()).contains("UTF-8").contains("line 2");
    }

    @Test
    void refusesAWrongColumnSetNamingEachColumn() {
        String csv = "tag,nationality,category,surname,firstNames,rank,dateOfBirth,serviceNumber,recoveryPlace,"
                + "recoveryDate,personalEffects,tag\nRU-1,UA,MILITARY,,,,,,P,2025-03-01,,RU-1\n";
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> ManifestFormat.CSV.read(utf8(csv), TransferKind.REMAINS, 10));
        assertThat(rejected.errors()).extracting(RowError::field)
                .containsExactly("columns[6]", "columns.tag", "columns.patronymic");
    }

    @Test
    void aCsvWithoutItsHeaderRowIsRefusedByColumnPositionWithoutEchoingTheFirstRow() {
        String csv = "RU-1,UA,MILITARY,Шевченко,Тарас,Григорович,1990-03-09,AA-123,Донецьк,2025-03-01,годинник\n";
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> ManifestFormat.CSV.read(utf8(csv), TransferKind.REMAINS, 10));
        assertThat(rejected.errors()).extracting(RowError::field).contains("columns[1]", "columns[4]", "columns[11]");
        assertThat(rejected.errors()).allSatisfy(error -> assertThat(error.field() + " " + error.message())
                .doesNotContain("Шевченко", "Тарас", "RU-1", "AA-123", "1990-03-09", "годинник"));
        assertThat(rejected.errors().get(0).message()).contains("the first row must name the columns");
    }

    @Test
    void refusesMoreRowsThanTheLimitAndRowsWiderThanTheHeader() {
        String row = "RU-%d,UA,MILITARY,,,,,,P,2025-03-01,\n";
        String csv = HEADER + row.formatted(1) + row.formatted(2) + row.formatted(3);
        assertThat(catchThrowableOfType(ItemsRejected.class, () -> ManifestFormat.CSV.read(utf8(csv), TransferKind.REMAINS, 2))
                .errors().get(0).message()).contains("More than 2 items");
        String wide = HEADER + "RU-1,UA,MILITARY,,,,,,P,2025-03-01,,surplus\n";
        assertThat(catchThrowableOfType(ItemsRejected.class, () -> ManifestFormat.CSV.read(utf8(wide), TransferKind.REMAINS, 2))
                .errors().get(0).field()).isEqualTo("manifest");
    }

    @Test
    void writesWhatItReadsAndDefusesFormulas() {
        ManifestItem item = new ManifestItem("RU-1", UUID.randomUUID(), "MILITARY", "UA", "=HYPERLINK(\"x\")", "Тарас",
                null, null, LocalDate.of(1990, 1, 2), "+380", "@Бахмут", LocalDate.of(2025, 3, 1), "-1 жетон", null);
        byte[] written = CsvManifest.write(TransferKind.REMAINS, List.of(item));
        assertThat(written[0]).isEqualTo((byte) 0xEF);
        List<ManifestRow> rows = ManifestFormat.CSV.read(written, TransferKind.REMAINS, 10);
        assertThat(rows.get(0).cells()).containsEntry("surname", "'=HYPERLINK(\"x\")").containsEntry("firstNames", "Тарас")
                .containsEntry("serviceNumber", "'+380").containsEntry("recoveryPlace", "'@Бахмут")
                .containsEntry("personalEffects", "'-1 жетон").containsEntry("dateOfBirth", "1990-01-02");
    }

    @Test
    void readsJsonManifestsAndRefusesNestedValuesNumbersAndRepeatedKeys() {
        String json = "{\"items\": [{\"tag\": \"RU-1\", \"nationality\": \"UA\", \"serviceNumber\": 12345, \"surname\": null},"
                + " {\"tag\": {\"nested\": 1}}, 7]}";
        ItemsRejected rejected = catchThrowableOfType(ItemsRejected.class,
                () -> ManifestFormat.JSON.read(utf8(json), TransferKind.REMAINS, 10));
        assertThat(rejected.errors()).extracting(RowError::field)
                .containsExactly("rows[1].serviceNumber", "rows[2].tag", "rows[3]");
        assertThat(catchThrowableOfType(ItemsRejected.class, () -> ManifestFormat.JSON.read(
                utf8("{\"items\": [{\"tag\": \"RU-1\", \"surname\": 1e309}]}"), TransferKind.REMAINS, 10)).errors())
                .extracting(RowError::field).containsExactly("rows[1].surname");
        assertThat(catchThrowableOfType(ItemsRejected.class, () -> ManifestFormat.JSON.read(
                utf8("{\"items\": [{\"tag\": \"a\", \"tag\": \"b\"}]}"), TransferKind.REMAINS, 10)).errors().get(0)
                .message()).startsWith("A key appears twice in one object");
        List<ManifestRow> rows = ManifestFormat.JSON.read(utf8("{\"items\": [{\"tag\": \"RU-1\", \"serviceNumber\": \"12345\"}]}"),
                TransferKind.REMAINS, 10);
        assertThat(rows.get(0).cells()).containsEntry("serviceNumber", "12345").hasSize(2);
        assertThat(catchThrowableOfType(ItemsRejected.class, () -> ManifestFormat.JSON.read(utf8("{\"items\": ["),
                TransferKind.REMAINS, 10)).errors().get(0).message()).startsWith("Not well-formed JSON");
    }
}

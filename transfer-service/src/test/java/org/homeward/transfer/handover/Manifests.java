package org.homeward.transfer.handover;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Manifest files as a sending side would upload them: Cyrillic names, a byte-order mark, the documented columns. */
final class Manifests {

    static final String REMAINS_HEADER = "tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,"
            + "serviceNumber,recoveryPlace,recoveryDate,personalEffects";
    private static final String[] SURNAMES = {"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
            "Мельник", "Шевчук", "Поліщук", "Лисенко"};
    private static final String[] FIRST_NAMES = {"Тарас", "Петро", "Андрій", "Олександр", "Іван", "Дмитро", "Микола"};

    private Manifests() {
    }

    static String tag(int i) {
        return "RU-2025-%05d".formatted(i);
    }

    /** Row i (1-based) of a remains manifest; every seventh has no claimed identity, as on real manifests. */
    static String remainsRow(int i) {
        if (i % 7 == 0) {
            return tag(i) + ",UA,UNKNOWN,,,,,,\"Донецька обл., с. Зелене\",2025-04-" + (10 + i % 19) + ",";
        }
        return String.join(",", tag(i), "UA", i % 3 == 0 ? "CIVILIAN" : "MILITARY", SURNAMES[i % SURNAMES.length],
                FIRST_NAMES[i % FIRST_NAMES.length], "Іванович", "19" + (60 + i % 40) + "-0" + (1 + i % 9) + "-1" + i % 10,
                "ВС-" + (100000 + i), "\"Запорізька обл., квадрат " + i + "\"", "2025-03-" + (10 + i % 19), "\"жетон, хрестик\"");
    }

    /** A remains manifest of {@code count} items, UTF-8 with a byte-order mark. */
    static byte[] remainsCsv(int count) {
        String rows = IntStream.rangeClosed(1, count).mapToObj(Manifests::remainsRow).collect(Collectors.joining("\n"));
        return ("\uFEFF" + REMAINS_HEADER + "\n" + rows + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}

package org.homeward.platform.csv;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyCsvTest {

    @Test
    void nullIsNothingAnEmptyStringIsQuotedAndWhatCsvMeansIsData() {
        StringBuilder rows = new StringBuilder();
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        CopyCsv.row(rows, id, 7, null, "", "Шевченко, \"Тарас\"", "line\nbreak", LocalDate.of(1990, 2, 28));
        CopyCsv.row(rows, "second");

        assertThatThrownBy(() -> CopyCsv.row(new StringBuilder(), "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows.toString()).isEqualTo("\"00000000-0000-0000-0000-000000000001\",\"7\",,\"\","
                + "\"Шевченко, \"\"Тарас\"\"\",\"line\nbreak\",\"1990-02-28\"\n\"second\"\n");
    }
}

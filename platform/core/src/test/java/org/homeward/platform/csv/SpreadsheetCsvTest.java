package org.homeward.platform.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void writesAMarkedQuotedHeaderAndDefusesFormulas() {
        byte[] written = SpreadsheetCsv.write(List.of("surname", "note"),
                List.of(List.of("Шевченко", "=HYPERLINK(\"x\")"), List.of("", "-1 жетон")));
        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(written, 3, written.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines()).containsExactly("\"surname\",\"note\"", "\"Шевченко\",\"'=HYPERLINK(\"\"x\"\")\"",
                "\"\",\"'-1 жетон\"");
        assertThat(SpreadsheetCsv.defused("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetCsv.defused("+380")).isEqualTo("'+380");
        assertThat(SpreadsheetCsv.defused("Тарас")).isEqualTo("Тарас");
    }
}

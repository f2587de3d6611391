package org.homeward.identification.register.application;

import org.homeward.identification.register.ReportedPerson;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JSON import is read report by report from the bytes as received (no tree, no text copy of the whole upload):
 * what it accepts and refuses is unchanged by that.
 */
class ReportRowsJsonTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String REPORT = "{\"surname\": \"Коваль\", \"script\": \"Cyrl\", \"party\": \"UA\","
            + " \"category\": \"MILITARY\", \"source\": \"FAMILY_REPORT\"}";

    private static List<ReportedPerson> parse(String json) {
        return ReportRows.parse("json", json.getBytes(StandardCharsets.UTF_8), 10, TODAY);
    }

    private static java.net.URI refusalOf(String json) {
        try {
            ReportRows.parse("json", json.getBytes(StandardCharsets.UTF_8), 10, TODAY);
        } catch (ProblemException e) {
            return e.problem().type();
        }
        throw new AssertionError("the upload was accepted");
    }

    @Test
    void reportsAreReadWhereverTheyStandAmongOtherTopLevelFields() {
        assertThat(parse("{\"source\": {\"file\": [1, 2]}, \"reports\": [" + REPORT + ", " + REPORT + "], \"n\": 2}"))
                .hasSize(2).allSatisfy(row -> assertThat(row.particulars().surnameKey()).isNotBlank());
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        assertThat(parse("\uFEFF{\"reports\": [" + REPORT + "]}")).hasSize(1);
    }

    @Test
    void whatIsNotAnImportIsRefusedAsBefore() {
        assertThat(refusalOf("[" + REPORT + "]")).isEqualTo(ProblemType.RULE_VIOLATION.type());
        assertThat(refusalOf("{\"reports\": {}}")).isEqualTo(ProblemType.RULE_VIOLATION.type());
        assertThat(refusalOf("{\"other\": []}")).isEqualTo(ProblemType.RULE_VIOLATION.type());
        assertThat(refusalOf("")).isEqualTo(ProblemType.RULE_VIOLATION.type());
        assertThat(refusalOf("{\"reports\": [" + REPORT + "]")).isEqualTo(ProblemType.MALFORMED_JSON.type());
        assertThat(refusalOf("{\"reports\": [" + REPORT + "]} {}")).isEqualTo(ProblemType.MALFORMED_JSON.type());
        assertThat(refusalOf("{\"reports\": [{\"surname\": \"a\", \"surname\": \"b\"}]}"))
                .isEqualTo(ProblemType.MALFORMED_JSON.type());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithWhereTheFirstIs() {
        byte[] upload = ("{\"reports\": [" + REPORT + "]}").getBytes(StandardCharsets.UTF_8);
        upload[20] = (byte) 0xC3; // a lead byte followed by an ASCII one
        upload[21] = 'x';
        assertThatThrownBy(() -> ReportRows.parse("json", upload, 10, TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().violations())
                        .singleElement().satisfies(v -> assertThat(v.message()).contains("byte 20")));
    }

    @Test
    void moreReportsThanAllowedAreRefusedBeforeTheRestIsRead() {
        String many = "{\"reports\": [" + String.join(", ", java.util.Collections.nCopies(11, REPORT)) + "]}";
        assertThatThrownBy(() -> parse(many)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).contains("More than 10"));
    }
}

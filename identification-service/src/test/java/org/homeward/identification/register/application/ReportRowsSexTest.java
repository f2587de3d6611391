package org.homeward.identification.register.application;

import org.homeward.identification.register.ReportedPerson;
import org.homeward.identification.register.Sex;
import org.homeward.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import's optional sex column: blank is unknown, anything but MALE or FEMALE is a row error. */
class ReportRowsSexTest {

    private static final String HEADER = "surname,script,party,category,source,sex\n";

    @Test
    void sexIsOptionalAndReadAsReported() {
        List<ReportedPerson> rows = ReportRows.parse("csv", (HEADER + "Коваль,Cyrl,UA,MILITARY,FAMILY_REPORT,FEMALE\n"
                + "Шевчук,Cyrl,UA,MILITARY,FAMILY_REPORT,\n").getBytes(StandardCharsets.UTF_8), 10, LocalDate.of(2025, 6, 1));

        assertThat(rows).extracting(ReportedPerson::sex).containsExactly(Sex.FEMALE, null);
    }

    @Test
    void anUnknownSexIsARowErrorNamingTheCell() {
        assertThatThrownBy(() -> ReportRows.parse("csv", (HEADER + "Коваль,Cyrl,UA,MILITARY,FAMILY_REPORT,W\n")
                .getBytes(StandardCharsets.UTF_8), 10,
                LocalDate.of(2025, 6, 1))).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()
                .violations()).extracting(v -> v.field()).containsExactly("rows[1].sex"));
    }
}

package org.homeward.identification.register.application;

import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocking: a report meets only its block's entries of the same birth year or none, and its service number. */
class CandidateBlocksTest {

    private static CandidateBlocks.Candidate entry(String surname, String born, String number) {
        return new CandidateBlocks.Candidate(UUID.randomUUID(),
                Particulars.of(surname, "Петро", "uk", BirthDate.parse(born), number));
    }

    @Test
    void aReportMeetsItsBlockOfItsBirthYearOrNoneAndItsServiceNumberOnly() {
        CandidateBlocks blocks = CandidateBlocks.empty();
        CandidateBlocks.Candidate sameYear = entry("Коваленко", "1960-01-01", null);
        CandidateBlocks.Candidate noYear = entry("Коваль", null, null);
        CandidateBlocks.Candidate otherYear = entry("Коваленко", "1961-01-01", null);
        CandidateBlocks.Candidate otherBlock = entry("Бондаренко", "1960-01-01", null);
        CandidateBlocks.Candidate sameNumber = entry("Шевченко", "1975-01-01", "ЗСУ-1");
        for (CandidateBlocks.Candidate c : new CandidateBlocks.Candidate[]{sameYear, noYear, otherYear, otherBlock, sameNumber}) {
            blocks.put(c);
        }
        assertThat(blocks.candidatesFor(Particulars.of("Коваленко", "Петро", "uk", BirthDate.parse("1960-05-05"), "ЗСУ 1")))
                .containsExactlyInAnyOrder(sameYear, noYear, sameNumber);
        assertThat(blocks.candidatesFor(Particulars.of("Коваленко", "Петро", "uk", BirthDate.UNKNOWN, null)))
                .containsExactlyInAnyOrder(sameYear, noYear, otherYear);
        assertThat(blocks.comparisons()).isEqualTo(6);
    }
}

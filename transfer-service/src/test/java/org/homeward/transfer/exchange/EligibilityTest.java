package org.homeward.transfer.exchange;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Eligibility is computed on the term's reference date, at its boundaries. */
class EligibilityTest {

    private static final LocalDate REFERENCE = LocalDate.of(2025, 6, 2);
    private static final LocalDate CAPTURED = LocalDate.of(2024, 1, 1);

    private static boolean young(LocalDate born) {
        return Eligibility.unmet("AGED_18_TO_25", REFERENCE, born, CAPTURED, null).isEmpty();
    }

    @Test
    void aged18To25RunsFromThe18thBirthdayToTheDayBeforeThe26th() {
        assertThat(young(LocalDate.of(2007, 6, 2))).as("18 on the day").isTrue();
        assertThat(young(LocalDate.of(2007, 6, 3))).as("18 the day after").isFalse();
        assertThat(young(LocalDate.of(1999, 6, 3))).as("26 the day after").isTrue();
        assertThat(young(LocalDate.of(1999, 6, 2))).as("26 on the day").isFalse();
        assertThat(Eligibility.unmet("AGED_18_TO_25", REFERENCE, LocalDate.of(1999, 6, 2), CAPTURED, null))
                .hasValueSatisfying(rule -> assertThat(rule).startsWith("AGED_18_TO_25: aged 26"));
    }

    @Test
    void theSeriouslyWoundedNeedACommissionsDecisionThatTheyAreMadeByTheReferenceDate() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        assertThat(Eligibility.unmet("SERIOUSLY_WOUNDED_OR_SICK", REFERENCE, born, CAPTURED, true)).isEmpty();
        assertThat(Eligibility.unmet("SERIOUSLY_WOUNDED_OR_SICK", REFERENCE, born, CAPTURED, false)).isPresent();
        assertThat(Eligibility.unmet("SERIOUSLY_WOUNDED_OR_SICK", REFERENCE, born, CAPTURED, null))
                .hasValueSatisfying(rule -> assertThat(rule).startsWith("SERIOUSLY_WOUNDED_OR_SICK"));
    }

    @Test
    void everyTermTakesOnlyThoseHeldOnItsReferenceDate() {
        LocalDate born = LocalDate.of(2000, 1, 1);
        assertThat(Eligibility.unmet("ALL", REFERENCE, born, REFERENCE, null)).isEmpty();
        assertThat(Eligibility.unmet("ALL", REFERENCE, born, REFERENCE.plusDays(1), null))
                .hasValueSatisfying(rule -> assertThat(rule).startsWith("HELD_ON_REFERENCE_DATE"));
        assertThat(Eligibility.unmet("CUSTOM", REFERENCE, born, CAPTURED, null)).isEmpty();
    }
}

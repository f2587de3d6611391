package org.homeward.transfer.exchange;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Whether a prisoner qualifies under a prisoner-exchange term, computed from his record, never typed
 * (DESIGN.md 10). Everything is judged on the term's reference date: he must be held on it (captured on or
 * before it); AGED_18_TO_25 counts his age on that day (from his 18th birthday to the day before his 26th);
 * SERIOUSLY_WOUNDED_OR_SICK needs a Mixed Medical Commission's latest decision, made on or before that day,
 * that he is; ALL takes everyone; a CUSTOM category is the parties' own words, which no record can check, so
 * it takes everyone the detaining party offers.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * @param seriouslyWoundedOrSick the commission's latest decision made on or before the reference date, or
     *                               null when it decided nothing by then
     * @return the rule he does not meet, in words, or empty when he qualifies
     */
    public static Optional<String> unmet(String category, LocalDate referenceDate, LocalDate dateOfBirth,
                                         LocalDate capturedOn, Boolean seriouslyWoundedOrSick) {
        if (capturedOn.isAfter(referenceDate)) {
            return Optional.of("HELD_ON_REFERENCE_DATE: captured after the term's reference date " + referenceDate);
        }
        return switch (category) {
            case "AGED_18_TO_25" -> {
                int age = Period.between(dateOfBirth, referenceDate).getYears();
                yield age >= 18 && age <= 25 ? Optional.empty()
                        : Optional.of("AGED_18_TO_25: aged " + age + " on the term's reference date " + referenceDate);
            }
            case "SERIOUSLY_WOUNDED_OR_SICK" -> Boolean.TRUE.equals(seriouslyWoundedOrSick) ? Optional.empty()
                    : Optional.of("SERIOUSLY_WOUNDED_OR_SICK: no Mixed Medical Commission decision that he is, made"
                    + " by the term's reference date " + referenceDate);
            default -> Optional.empty();
        };
    }
}

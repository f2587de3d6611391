package org.homeward.platform.linkage;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares two records of persons field by field (DESIGN.md 7). Names "meet" when the Jaro-Winkler
 * similarity of the folded Latin surname keys is at least {@value #SURNAME_THRESHOLD} and that of the first
 * given names at least {@value #GIVEN_NAME_THRESHOLD}: high enough that Petrenko and Petruk (0.89) stay
 * apart, low enough that a typo or a romanisation the folding missed still meets.
 * <ul>
 *   <li>MATCHED: the service numbers agree, the names meet and the dates of birth do not contradict (a
 *       swapped day and month makes it PROBABLE);</li>
 *   <li>CONFLICT: the service numbers agree but the names or dates contradict, or they differ while names
 *       and full dates of birth agree;</li>
 *   <li>PROBABLE: no service number to go by (or only on one side), the names meet and the dates of birth
 *       are compatible or unknown;</li>
 *   <li>NO_MATCH: anything else.</li>
 * </ul>
 * A name and a date of birth alone never make MATCHED: namesakes born the same day exist, and a MATCHED
 * prisoner is marked released without a person looking.
 */
public final class RecordComparison {

    public static final double SURNAME_THRESHOLD = 0.92;
    public static final double GIVEN_NAME_THRESHOLD = 0.88;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private RecordComparison() {
    }

    /** The verdict and what it rests on; {@link #agreed()} names the fields that agreed, for a reviewer. */
    public record Result(LinkageOutcome outcome, boolean sameServiceNumber, double surnameSimilarity,
                         double givenNameSimilarity, BirthDate.Agreement birthDates) {

        public boolean namesMeet() {
            return meet(surnameSimilarity, givenNameSimilarity);
        }

        /** The fields that agreed and how closely, e.g. "surname (0.97)": never the values themselves. */
        public List<String> agreed() {
            List<String> agreed = new ArrayList<>();
            if (sameServiceNumber) {
                agreed.add("serviceNumber");
            }
            if (surnameSimilarity >= SURNAME_THRESHOLD) {
                agreed.add(String.format(Locale.ROOT, "surname (%.2f)", surnameSimilarity));
            }
            if (givenNameSimilarity >= GIVEN_NAME_THRESHOLD) {
                agreed.add(String.format(Locale.ROOT, "firstName (%.2f)", givenNameSimilarity));
            }
            if (birthDates != BirthDate.Agreement.CONFLICT && birthDates != BirthDate.Agreement.UNKNOWN) {
                agreed.add("dateOfBirth (" + birthDates + ")");
            }
            return List.copyOf(agreed);
        }
    }

    public static Result compare(Particulars a, Particulars b) {
        double surname = similarity(a.surnameKey(), b.surnameKey());
        double given = similarity(a.givenNameKey(), b.givenNameKey());
        BirthDate.Agreement dates = a.birthDate().compare(b.birthDate());
        boolean namesMeet = meet(surname, given);
        boolean bothNumbers = a.serviceNumber() != null && b.serviceNumber() != null;
        boolean sameNumber = bothNumbers && a.serviceNumber().equals(b.serviceNumber());
        LinkageOutcome outcome;
        if (sameNumber) {
            outcome = !namesMeet || dates == BirthDate.Agreement.CONFLICT ? LinkageOutcome.CONFLICT
                    // a swapped day and month is a likely slip, never proof: a person decides
                    : dates == BirthDate.Agreement.DAY_AND_MONTH_SWAPPED ? LinkageOutcome.PROBABLE : LinkageOutcome.MATCHED;
        } else if (bothNumbers) {
            outcome = namesMeet && dates == BirthDate.Agreement.EQUAL ? LinkageOutcome.CONFLICT : LinkageOutcome.NO_MATCH;
        } else {
            outcome = namesMeet && dates != BirthDate.Agreement.CONFLICT ? LinkageOutcome.PROBABLE : LinkageOutcome.NO_MATCH;
        }
        return new Result(outcome, sameNumber, surname, given, dates);
    }

    private static boolean meet(double surname, double given) {
        return surname >= SURNAME_THRESHOLD && given >= GIVEN_NAME_THRESHOLD;
    }

    private static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }
}

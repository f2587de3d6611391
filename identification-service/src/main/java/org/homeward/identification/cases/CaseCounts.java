package org.homeward.identification.cases;

/**
 * How a set of cases stands, by current status: absolute counts, never deltas. {@code received} counts the items
 * that arrived (bags, as the transfer received them; the withdrawn excepted); {@code individuals} the persons
 * established among them (a bag split into two is two, a fragment joined to another person's case is none), which
 * the counts by status add up to; {@code joined} the fragments joined into another case. {@code underExamination}
 * includes the profiled and those with a proposed identification (proposals never leave the laboratory, so they
 * are not told apart here).
 */
public record CaseCounts(long received, long individuals, long awaitingExamination, long underExamination,
                         long identified, long notANational, long unidentifiable, long withdrawn, long returned,
                         long joined) {
}

package org.homeward.identification.cases;

/**
 * How a set of cases stands, by current status: absolute counts, never deltas. {@code received} counts
 * every body that arrived (all cases but the withdrawn); {@code underExamination} includes the profiled
 * and those with a proposed identification (proposals never leave the laboratory, so they are not told
 * apart here).
 */
public record CaseCounts(long received, long awaitingExamination, long underExamination, long identified,
                         long notANational, long unidentifiable, long withdrawn, long returned) {
}

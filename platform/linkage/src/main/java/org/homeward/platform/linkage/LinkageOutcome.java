package org.homeward.platform.linkage;

/**
 * The verdict of comparing two records of persons. MATCHED: the same person, safe to act on; PROBABLE:
 * likely the same, a person decides; CONFLICT: a strong identifier agrees while another contradicts it, a
 * person decides; NO_MATCH: different people, as far as the records tell. UNCOMPARED is no verdict: more
 * entries share the report's blocking key than one report is compared with, so a person searches the register
 * and decides (never the best of several candidates: it names none).
 */
public enum LinkageOutcome {
    MATCHED,
    PROBABLE,
    CONFLICT,
    NO_MATCH,
    UNCOMPARED;

    /** Needs a person's decision before anything is done on it. */
    public boolean needsReview() {
        return this == PROBABLE || this == CONFLICT || this == UNCOMPARED;
    }

    /** The stronger of two verdicts about candidates, for picking the best candidate. */
    public boolean isStrongerThan(LinkageOutcome other) {
        return ordinal() < other.ordinal();
    }
}

package org.homeward.agreement;

/**
 * How a term's commitment is measured. QUANTITY and N_FOR_N commit a number; ALL_FOR_ALL commits
 * everyone of a category (progress is a count, never a percentage); UNILATERAL is a one-sided release
 * with no number.
 */
public enum TermBasis {
    QUANTITY,
    ALL_FOR_ALL,
    N_FOR_N,
    UNILATERAL;

    public boolean commitsANumber() {
        return this == QUANTITY || this == N_FOR_N;
    }
}

package org.homeward.identification.cases;

/** A proposed identification awaits the second examiner's decision, then is confirmed or rejected. */
public enum ProposalStatus {
    PROPOSED,
    CONFIRMED,
    REJECTED
}

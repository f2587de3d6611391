package org.homeward.identification.cases;

/**
 * What a closure proposal would do to a case once a second examiner confirms it: close it as not a
 * national or as unidentifiable, or revoke its confirmed identification.
 */
public enum ClosureKind {
    NOT_A_NATIONAL,
    UNIDENTIFIABLE,
    REVOCATION
}

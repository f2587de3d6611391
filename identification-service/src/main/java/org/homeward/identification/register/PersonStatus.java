package org.homeward.identification.register;

/** Where a person of the register stands. MERGED: found to be another entry's person by a reviewer. */
public enum PersonStatus {
    MISSING,
    RELEASED,
    IDENTIFIED_DEAD,
    FOUND_ALIVE,
    MERGED
}

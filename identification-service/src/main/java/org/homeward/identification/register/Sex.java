package org.homeward.identification.register;

/**
 * A missing person's sex as reported; unknown (null) never excludes anything. One field, read by the DNA
 * comparison (Amelogenin) and by ante-mortem records alike.
 */
public enum Sex {
    MALE,
    FEMALE
}

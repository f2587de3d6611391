package org.homeward.notification;

/**
 * How much of an event a subscription is told: what its organisation and roles could read of the same thing
 * through the APIs (DESIGN.md 6), never more.
 */
public enum Sight {
    /** Not told at all. */
    NONE,
    /** The counts the event carries and the handover they belong to; not which case. */
    COUNTS,
    /** The case and its state, not how or as whom its remains were identified. */
    STATUS,
    /** Every field of the thin payload. */
    FULL
}

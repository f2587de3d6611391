package org.homeward.notification;

/** ACTIVE endpoints receive; PAUSED ones keep their deliveries until resumed; DISABLED ones get no more. */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    DISABLED
}

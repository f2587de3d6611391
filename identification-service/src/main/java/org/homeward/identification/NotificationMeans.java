package org.homeward.identification;

/** How a family was told. */
public enum NotificationMeans {
    IN_PERSON,
    TELEPHONE,
    VIDEO_CALL,
    LETTER
}

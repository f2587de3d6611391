package org.homeward.identification.cases;

/** How a family was told. */
public enum NotificationMeans {
    IN_PERSON,
    TELEPHONE,
    VIDEO_CALL,
    LETTER
}

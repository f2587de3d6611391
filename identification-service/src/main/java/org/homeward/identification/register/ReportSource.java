package org.homeward.identification.register;

/** Where a report of a missing person came from; each contributing report keeps it. */
public enum ReportSource {
    OFFICIAL_NOTIFICATION,
    FAMILY_REPORT,
    CAPTURE_CARD,
    EXCHANGE_LIST,
    /** A published death announcement; the report keeps its address. */
    OPEN_SOURCE
}

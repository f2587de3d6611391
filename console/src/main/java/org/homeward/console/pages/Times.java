package org.homeward.console.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A moment as people at the handover point lived it: in that place's time zone (as the API gives the zone),
 * written the way the reader's language writes dates and times.
 */
final class Times {

    private Times() {
    }

    /** {@code instant} (ISO-8601, as the API gives it) in {@code zone}; the text as given if either is unreadable. */
    static String at(String instant, String zone, Locale locale) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            ZoneId place = ZoneId.of(zone);
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(place).format(Instant.parse(instant)) + " (" + place.getId() + ")";
        } catch (DateTimeException | NullPointerException e) {
            return instant;
        }
    }
}

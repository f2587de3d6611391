package org.homeward.platform.linkage;

import org.homeward.platform.domain.RuleViolation;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date of birth as sources give it: in full, or the year only (open-source death announcements often
 * give no more). Null parts are unknown.
 */
public record BirthDate(Integer year, Integer month, Integer day) {

    /** How two dates of birth relate, from the strongest agreement to a contradiction. */
    public enum Agreement { EQUAL, YEAR_AGREES, DAY_AND_MONTH_SWAPPED, UNKNOWN, CONFLICT }

    public BirthDate {
        if (year == null && (month != null || day != null)) {
            throw new RuleViolation("dateOfBirth", "A date of birth without a year");
        }
        if ((month == null) != (day == null)) {
            throw new RuleViolation("dateOfBirth", "Give a date of birth in full (YYYY-MM-DD) or the year only (YYYY)");
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new RuleViolation("dateOfBirth", "Not a calendar date");
            }
        }
    }

    public static final BirthDate UNKNOWN = new BirthDate(null, null, null);

    /** Parses YYYY-MM-DD or YYYY; blank is unknown. */
    public static BirthDate parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String value = text.strip();
        try {
            if (value.matches("\\d{4}")) {
                return new BirthDate(Integer.parseInt(value), null, null);
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate date = LocalDate.parse(value);
                return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            }
        } catch (DateTimeException e) {
            throw new RuleViolation("dateOfBirth", "Not a calendar date");
        }
        throw new RuleViolation("dateOfBirth", "Give a date of birth as YYYY-MM-DD or YYYY");
    }

    public boolean isFull() {
        return day != null;
    }

    public boolean isKnown() {
        return year != null;
    }

    /**
     * Compatible when equal, when one side has only the year and it agrees, or (the weaker
     * DAY_AND_MONTH_SWAPPED, a common clerical slip) when day and month are swapped.
     */
    public Agreement compare(BirthDate other) {
        if (!isKnown() || !other.isKnown()) {
            return Agreement.UNKNOWN;
        }
        if (!year.equals(other.year)) {
            return Agreement.CONFLICT;
        }
        if (!isFull() || !other.isFull()) {
            return Agreement.YEAR_AGREES;
        }
        if (month.equals(other.month) && day.equals(other.day)) {
            return Agreement.EQUAL;
        }
        if (month.equals(other.day) && day.equals(other.month)) {
            return Agreement.DAY_AND_MONTH_SWAPPED;
        }
        return Agreement.CONFLICT;
    }

    @Override
    public String toString() {
        return !isKnown() ? "" : isFull() ? LocalDate.of(year, month, day).toString() : String.valueOf(year);
    }
}

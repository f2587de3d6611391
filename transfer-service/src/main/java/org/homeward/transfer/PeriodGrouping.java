package org.homeward.transfer;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** How receipts are grouped into periods: by calendar day, or by ISO week (what a ministry calls "this week"). */
public enum PeriodGrouping {
    DAY,
    WEEK;

    /** The period label of a local date: 2025-06-09, or 2025-W24 (ISO week-based year). */
    public String label(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }
}

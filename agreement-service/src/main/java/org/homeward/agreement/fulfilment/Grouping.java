package org.homeward.agreement.fulfilment;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** How period totals are grouped: by day of receipt, or by ISO week (e.g. 2025-W24). */
public enum Grouping {
    DAY,
    WEEK;

    public String label(LocalDate date) {
        return this == DAY ? date.toString()
                : String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}

package org.homeward.identification.dvi.comparison;

import org.homeward.platform.domain.RuleViolation;

/** A closed range of whole units (years, centimetres), as the forms state an estimate; a single value is min = max. */
public record Range(int min, int max) {

    public Range {
        if (min < 0 || max < min) {
            throw new RuleViolation("range", "A range runs from a minimum of 0 or more to a maximum not below it");
        }
    }

    public boolean overlaps(Range other) {
        return min <= other.max && other.min <= max;
    }

    @Override
    public String toString() {
        return min == max ? String.valueOf(min) : min + "–" + max;
    }
}

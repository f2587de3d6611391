package org.homeward.identification.kinship.lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of the mitochondrial genome a sequence was read over, as laboratories state them ("16024-16365
 * 73-340"; a range across the origin, "16024-576", is read as two). Outside them nothing is known: a variant there
 * is neither a match nor a difference.
 */
public record MtRange(List<Interval> intervals) {

    /** From and to, inclusive, with from at most to. */
    public record Interval(int from, int to) {
        public Interval {
            if (from < 1 || to > MtVariant.GENOME_LENGTH || from > to) {
                throw new IllegalArgumentException("A range runs from a position to a later one, within 1-"
                        + MtVariant.GENOME_LENGTH);
            }
        }
    }

    public MtRange {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("A sequence was read over at least one range");
        }
        intervals = merged(intervals);
    }

    /**
     * Overlapping or adjacent intervals joined into one (16024-16200 and 16201-16365 are 16024-16365), each kept
     * where the first of them was written, so that no position counts twice and order follows the writing.
     */
    private static List<Interval> merged(List<Interval> written) {
        List<Interval> joined = new ArrayList<>(written);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < joined.size() && !changed; i++) {
                for (int j = i + 1; j < joined.size() && !changed; j++) {
                    Interval a = joined.get(i);
                    Interval b = joined.get(j);
                    if (a.from() <= b.to() + 1 && b.from() <= a.to() + 1) {
                        joined.set(i, new Interval(Math.min(a.from(), b.from()), Math.max(a.to(), b.to())));
                        joined.remove(j);
                        changed = true;
                    }
                }
            }
        }
        return List.copyOf(joined);
    }

    /** Reads "16024-16365 73-340" (space- or comma-separated). */
    public static MtRange parse(String text) {
        List<Interval> intervals = new ArrayList<>();
        for (String part : (text == null ? "" : text.strip()).split("[\\s,;]+")) {
            if (!part.matches("\\d{1,5}-\\d{1,5}")) {
                throw new IllegalArgumentException("A range is written from-to, e.g. 16024-16365 73-340");
            }
            int from = Integer.parseInt(part.substring(0, part.indexOf('-')));
            int to = Integer.parseInt(part.substring(part.indexOf('-') + 1));
            if (from > to) { // across the origin
                intervals.add(new Interval(from, MtVariant.GENOME_LENGTH));
                intervals.add(new Interval(1, to));
            } else {
                intervals.add(new Interval(from, to));
            }
        }
        return new MtRange(intervals);
    }

    /** The index of the interval holding {@code position}, in the order the range was written; -1 outside it. */
    public int indexOf(int position) {
        for (int i = 0; i < intervals.size(); i++) {
            if (position >= intervals.get(i).from() && position <= intervals.get(i).to()) {
                return i;
            }
        }
        return -1;
    }

    public boolean covers(int position) {
        return intervals.stream().anyMatch(i -> position >= i.from() && position <= i.to());
    }

    /** Whether every position of {@code other} lies in this range. */
    public boolean coversAll(MtRange other) {
        return other.intervals.stream().allMatch(o -> intervals.stream().anyMatch(i -> i.from() <= o.from() && o.to() <= i.to()));
    }

    /** The positions both read, as a range (empty when none). */
    public java.util.Optional<MtRange> overlap(MtRange other) {
        List<Interval> shared = new ArrayList<>();
        for (Interval a : intervals) {
            for (Interval b : other.intervals) {
                int from = Math.max(a.from(), b.from());
                int to = Math.min(a.to(), b.to());
                if (from <= to) {
                    shared.add(new Interval(from, to));
                }
            }
        }
        return shared.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new MtRange(shared));
    }

    @Override
    public String toString() {
        return String.join(" ", intervals.stream().map(i -> i.from() + "-" + i.to()).toList());
    }
}

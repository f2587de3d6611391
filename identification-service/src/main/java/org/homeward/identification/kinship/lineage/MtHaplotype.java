package org.homeward.identification.kinship.lineage;

import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * A mitochondrial sequence as its differences from the rCRS over the range read. A position of the range with no
 * variant is the rCRS base; a variant outside the range is refused (nothing was read there).
 */
public record MtHaplotype(MtRange range, Set<MtVariant> variants) {

    public MtHaplotype {
        // In the order the range is written (HV1 before HV2 for "16024-16365 73-340"), as laboratories list them.
        MtRange read = range;
        Comparator<MtVariant> order = Comparator.comparingInt((MtVariant v) -> read.indexOf(v.position()))
                .thenComparingInt(MtVariant::position).thenComparingInt(MtVariant::insertion);
        TreeSet<MtVariant> sorted = new TreeSet<>(order);
        for (MtVariant v : variants) {
            if (!range.covers(v.position())) {
                throw new IllegalArgumentException("A variant lies outside the range read");
            }
            if (!sorted.add(v)) {
                throw new IllegalArgumentException("A position is named twice");
            }
        }
        variants = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    /** Reads the range ("16024-16365 73-340") and the variants ("16519C 263G 315.1C"), space- or comma-separated. */
    public static MtHaplotype parse(String range, String variants) {
        Set<MtVariant> read = new java.util.HashSet<>();
        String text = variants == null ? "" : variants.strip();
        if (!text.isEmpty()) {
            for (String v : text.split("[\\s,;]+")) {
                MtVariant variant = MtVariant.parse(v);
                if (!read.add(variant)) {
                    throw new IllegalArgumentException("A variant is named twice");
                }
            }
        }
        return new MtHaplotype(MtRange.parse(range), read);
    }

    /** The variants as laboratories write them, in the order of the range. */
    public String variantsText() {
        return String.join(" ", variants.stream().map(MtVariant::toString).toList());
    }
}

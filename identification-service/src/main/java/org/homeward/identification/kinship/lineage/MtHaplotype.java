package org.homeward.identification.kinship.lineage;

import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * A mitochondrial sequence as its differences from the rCRS over the range read. A position of the range with no
 * variant is the rCRS base; a variant outside the range is refused (nothing was read there).
 */
public record MtHaplotype(MtRange range, Set<MtVariant> variants) {

    private static final Comparator<MtVariant> ORDER = Comparator.comparingInt(MtVariant::position)
            .thenComparingInt(MtVariant::insertion);

    public MtHaplotype {
        TreeSet<MtVariant> sorted = new TreeSet<>(ORDER);
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

    /** The variants as laboratories write them, in order of position. */
    public String variantsText() {
        return String.join(" ", variants.stream().map(MtVariant::toString).toList());
    }
}

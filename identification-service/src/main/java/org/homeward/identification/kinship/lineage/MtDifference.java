package org.homeward.identification.kinship.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How two mitochondrial sequences compare over the positions both read (SWGDAM's interpretation guidelines, 2019, and
 * EMPOP's conventions):
 * <ul>
 *   <li>length variants (insertions, deletions) in the homopolymeric C-stretches (16180-16195, 302-316, 566-574) are
 *       ignored: their length varies within one person and between tissues, and is not compared by convention;</li>
 *   <li>a point heteroplasmy in one sequence (its IUPAC code) against one of the bases it covers in the other, or
 *       against the rCRS base (no variant there; the notation writes a heteroplasmy where one of its bases is the
 *       reference's), is shared, not a difference (a mother may pass a mixture her child resolves either way);</li>
 *   <li>every other disagreement at a position, a variant in one and the rCRS base in the other included, is a
 *       difference, reported by position, never silently matched.</li>
 * </ul>
 */
public record MtDifference(MtRange compared, List<String> differences, List<String> sharedHeteroplasmies,
                           List<String> ignoredLengthVariants) {

    private static final int[][] C_STRETCHES = {{16180, 16195}, {302, 316}, {566, 574}};

    /** Whether a length variant lies in one of the C-stretches whose length is not compared. */
    static boolean inCStretch(MtVariant v) {
        if (!v.lengthVariant()) {
            return false;
        }
        for (int[] stretch : C_STRETCHES) {
            if (v.position() >= stretch[0] && v.position() <= stretch[1]) {
                return true;
            }
        }
        return false;
    }

    /** Compares the two over the positions both read; empty differences when none. Throws when no position is shared. */
    public static MtDifference between(MtHaplotype a, MtHaplotype b) {
        MtRange shared = a.range().overlap(b.range())
                .orElseThrow(() -> new IllegalArgumentException("The two sequences share no position read"));
        Map<String, MtVariant> ofA = keyed(a, shared);
        Map<String, MtVariant> ofB = keyed(b, shared);
        List<String> differences = new ArrayList<>();
        List<String> heteroplasmies = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        TreeMap<String, Boolean> sites = new TreeMap<>();
        ofA.keySet().forEach(k -> sites.put(k, true));
        ofB.keySet().forEach(k -> sites.put(k, true));
        for (String site : sites.keySet()) {
            MtVariant va = ofA.get(site);
            MtVariant vb = ofB.get(site);
            MtVariant any = va != null ? va : vb;
            if ((va == null || inCStretch(va)) && (vb == null || inCStretch(vb)) && inCStretch(any)) {
                ignored.add(any.toString());
                continue;
            }
            if (va != null && va.equals(vb)) {
                continue;
            }
            if (sharedHeteroplasmy(va, vb) || sharedHeteroplasmy(vb, va)) {
                heteroplasmies.add((va != null && va.heteroplasmic() ? va : vb).toString());
                continue;
            }
            differences.add(any.toString());
        }
        return new MtDifference(shared, List.copyOf(differences), List.copyOf(heteroplasmies), List.copyOf(ignored));
    }

    /**
     * A heteroplasmy against a base it covers; or against no variant, the rCRS base, which the notation's code covers
     * (a point heteroplasmy is written where one of its bases is the reference's, 16093Y for rCRS T).
     */
    private static boolean sharedHeteroplasmy(MtVariant heteroplasmy, MtVariant other) {
        return heteroplasmy != null && heteroplasmy.heteroplasmic() && heteroplasmy.insertion() == 0
                && (other == null || !other.lengthVariant() && MtVariant.covers(heteroplasmy.base(), other.base()));
    }

    /** The variants inside {@code range}, keyed by position and insertion index, so the two sides line up. */
    private static Map<String, MtVariant> keyed(MtHaplotype h, MtRange range) {
        Map<String, MtVariant> keyed = new TreeMap<>();
        h.variants().stream().filter(v -> range.covers(v.position()))
                .forEach(v -> keyed.put(String.format("%05d.%02d", v.position(), v.insertion()), v));
        return keyed;
    }

    /** Whether the two agree at every position compared, ignored length variants and shared heteroplasmies aside. */
    public boolean matches() {
        return differences.isEmpty();
    }
}

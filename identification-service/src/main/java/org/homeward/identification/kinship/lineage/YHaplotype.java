package org.homeward.identification.kinship.lineage;

import java.util.Map;
import java.util.TreeMap;

/**
 * A man's Y-STR haplotype: the call at each locus typed, by locus name (upper case, e.g. DYS19, DYS385). Loci not
 * typed are absent; they are neither a match nor a mismatch.
 */
public record YHaplotype(Map<String, YLocusCall> loci) {

    public YHaplotype {
        Map<String, YLocusCall> normalised = new TreeMap<>();
        loci.forEach((locus, call) -> normalised.put(locus.strip().toUpperCase(java.util.Locale.ROOT), call));
        loci = java.util.Collections.unmodifiableMap(normalised);
    }

    /** The calls at the loci named (those typed here), e.g. the loci another haplotype was typed at too. */
    public YHaplotype restrictedTo(java.util.Set<String> loci) {
        Map<String, YLocusCall> kept = new TreeMap<>(this.loci);
        kept.keySet().retainAll(loci);
        return new YHaplotype(kept);
    }

    /** Parses the calls given as text by locus ("DYS385" -> "11-14"). */
    public static YHaplotype of(Map<String, String> calls) {
        Map<String, YLocusCall> loci = new TreeMap<>();
        calls.forEach((locus, call) -> loci.put(locus, YLocusCall.parse(call)));
        return new YHaplotype(loci);
    }
}

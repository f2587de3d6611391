package org.homeward.identification.kinship.lineage;

import java.util.List;

/**
 * An mtDNA database the operator loads (no licensed data is bundled; read from CSV by {@code MtDatabaseCsv}): each
 * entry with the range it was read over. A sequence is counted over the positions compared: an entry counts towards
 * the size only when it was read over all of them, and as a match when it agrees there (length variants in the
 * C-stretches ignored, shared heteroplasmies agreeing, as {@link MtDifference} compares).
 */
public final class MtDatabase {

    private final String name;
    private final List<MtHaplotype> haplotypes;

    public MtDatabase(String name, List<MtHaplotype> haplotypes) {
        if (haplotypes.isEmpty()) {
            throw new IllegalArgumentException("An mtDNA database holds at least one sequence");
        }
        this.name = name;
        this.haplotypes = List.copyOf(haplotypes);
    }

    /** How often {@code sequence} occurs over {@code compared}, with its upper bound; throws when no entry covers it. */
    public HaplotypeFrequency frequencyOf(MtHaplotype sequence, MtRange compared, double confidence) {
        MtHaplotype restricted = restrict(sequence, compared);
        long size = 0;
        long count = 0;
        for (MtHaplotype entry : haplotypes) {
            if (!entry.range().coversAll(compared)) {
                continue;
            }
            size++;
            if (MtDifference.between(restricted, restrict(entry, compared)).matches()) {
                count++;
            }
        }
        if (size == 0) {
            throw new IllegalArgumentException("No sequence of database " + name + " was read over the range compared");
        }
        return HaplotypeFrequency.counted(count, size, confidence);
    }

    private static MtHaplotype restrict(MtHaplotype h, MtRange range) {
        return new MtHaplotype(range, h.variants().stream().filter(v -> range.covers(v.position()))
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The sequences it holds, in the file's order. */
    public List<MtHaplotype> haplotypes() {
        return haplotypes;
    }

    public String name() {
        return name;
    }

    public int size() {
        return haplotypes.size();
    }
}

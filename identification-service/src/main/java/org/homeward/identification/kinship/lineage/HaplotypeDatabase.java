package org.homeward.identification.kinship.lineage;



import java.util.List;
import java.util.Locale;

/**
 * A Y-STR haplotype database the operator loads (no licensed data is bundled; read from CSV by
 * {@code HaplotypeDatabaseCsv}). A haplotype is counted on the loci it shares with the database: a database
 * haplotype matches when it agrees at every one of them.
 */
public final class HaplotypeDatabase {

    private final String name;
    private final List<String> loci;
    private final List<YHaplotype> haplotypes;

    public HaplotypeDatabase(String name, List<String> loci, List<YHaplotype> haplotypes) {
        if (haplotypes.isEmpty()) {
            throw new IllegalArgumentException("A haplotype database holds at least one haplotype");
        }
        this.name = name;
        this.loci = loci.stream().map(l -> l.strip().toUpperCase(Locale.ROOT)).toList();
        this.haplotypes = List.copyOf(haplotypes);
    }

    /** How often {@code haplotype} occurs here, counted on the loci both type, with its upper bound. */
    public HaplotypeFrequency frequencyOf(YHaplotype haplotype, double confidence) {
        List<String> shared = loci.stream().filter(haplotype.loci()::containsKey).toList();
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("The haplotype shares no locus with database " + name);
        }
        long count = haplotypes.stream().filter(h -> shared.stream()
                .allMatch(locus -> haplotype.loci().get(locus).equals(h.loci().get(locus)))).count();
        return HaplotypeFrequency.counted(count, haplotypes.size(), confidence);
    }

    public String name() {
        return name;
    }

    public int size() {
        return haplotypes.size();
    }
}

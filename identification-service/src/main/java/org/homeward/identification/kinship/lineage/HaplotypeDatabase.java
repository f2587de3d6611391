package org.homeward.identification.kinship.lineage;



import java.util.List;
import java.util.Locale;

/**
 * A Y-STR haplotype database the operator loads (no licensed data is bundled; read from CSV by
 * {@code HaplotypeDatabaseCsv}). A haplotype is counted on the loci it shares with the database: the entries typed
 * at every one of them make the size (a database of mixed kits holds entries typed on fewer loci), and those that
 * agree at every one of them the count.
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
        List<YHaplotype> typed = haplotypes.stream().filter(h -> h.loci().keySet().containsAll(shared)).toList();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("No haplotype of database " + name + " was typed at the loci compared");
        }
        long count = typed.stream().filter(h -> shared.stream()
                .allMatch(locus -> haplotype.loci().get(locus).equals(h.loci().get(locus)))).count();
        return HaplotypeFrequency.counted(count, typed.size(), confidence);
    }

    public String name() {
        return name;
    }

    public int size() {
        return haplotypes.size();
    }

    /** The haplotypes it holds, in the file's order. */
    public List<YHaplotype> haplotypes() {
        return haplotypes;
    }
}

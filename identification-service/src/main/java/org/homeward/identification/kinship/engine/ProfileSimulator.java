package org.homeward.identification.kinship.engine;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic STR profiles for tests, benchmarks and demonstrations, never for casework: founders draw each
 * allele from the population's frequencies; a child takes one allele of each parent at random (Mendel, no
 * mutation). Seeded, so a run can be repeated exactly.
 */
public final class ProfileSimulator {

    private final AlleleFrequencies frequencies;
    private final Random random;
    private final String[] loci;
    private final java.util.Map<String, AlleleFrequencies.LocusAlleles> byLocus = new java.util.HashMap<>();

    public ProfileSimulator(AlleleFrequencies frequencies, long seed, java.util.List<String> loci) {
        this.frequencies = frequencies;
        this.random = new Random(seed);
        this.loci = loci.toArray(String[]::new);
    }

    public StrProfile founder() {
        Map<String, Genotype> genotypes = new TreeMap<>();
        for (String locus : loci) {
            genotypes.put(locus, new Genotype(draw(locus), draw(locus)));
        }
        return new StrProfile(genotypes);
    }

    public StrProfile child(StrProfile father, StrProfile mother) {
        Map<String, Genotype> genotypes = new TreeMap<>();
        for (String locus : loci) {
            genotypes.put(locus, new Genotype(transmit(father.at(locus)), transmit(mother.at(locus))));
        }
        return new StrProfile(genotypes);
    }

    /** The profile with each locus lost with the given probability (degraded remains), keeping one. */
    public StrProfile degrade(StrProfile profile, double lossProbability) {
        Map<String, Genotype> kept = new TreeMap<>();
        profile.loci().forEach((locus, genotype) -> {
            if (random.nextDouble() >= lossProbability || kept.isEmpty() && locus.equals(loci[loci.length - 1])) {
                kept.put(locus, genotype);
            }
        });
        return new StrProfile(kept);
    }

    private String transmit(Genotype parent) {
        return random.nextBoolean() ? parent.first() : parent.second();
    }

    private String draw(String locus) {
        AlleleFrequencies.LocusAlleles alleles = byLocus.computeIfAbsent(locus,
                l -> frequencies.locus(l, java.util.List.of()));
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < alleles.alleles().length; i++) {
            cumulative += alleles.frequencies()[i];
            if (u < cumulative) {
                return alleles.alleles()[i];
            }
        }
        return alleles.alleles()[alleles.alleles().length - 1];
    }
}

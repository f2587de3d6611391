package org.homeward.identification.kinship.engine;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic STR profiles for tests, benchmarks, demonstrations and the power of a family's references
 * (ReferencePlanning), never as evidence: founders draw each allele from the population's frequencies; a child takes
 * one allele of each parent at random (Mendel, no mutation); a relative shares alleles with a typed person as the
 * relationship's IBD coefficients say. Seeded, so a run can be repeated exactly.
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

    /**
     * A child of the two, on the simulator's loci where at least one of them was typed: a parent not typed at a locus
     * passes an allele drawn from the population (parents typed on different kits).
     */
    public StrProfile child(StrProfile father, StrProfile mother) {
        Map<String, Genotype> genotypes = new TreeMap<>();
        for (String locus : loci) {
            Genotype f = father.at(locus);
            Genotype m = mother.at(locus);
            if (f != null || m != null) {
                genotypes.put(locus, new Genotype(f == null ? draw(locus) : transmit(f), m == null ? draw(locus)
                        : transmit(m)));
            }
        }
        return new StrProfile(genotypes);
    }

    /**
     * Someone related to {@code typed} as stated, on the loci {@code typed} shows: at each locus the IBD state is drawn
     * from the relationship's (k0, k1, k2); two alleles shared are the typed genotype, one shared is one of the typed
     * alleles at random beside a drawn one, none is two drawn alleles. Conditioned on one typed person only.
     */
    public StrProfile relative(StrProfile typed, Relation relation) {
        Map<String, Genotype> genotypes = new TreeMap<>();
        typed.loci().forEach((locus, genotype) -> {
            double u = random.nextDouble();
            if (u < relation.k2) {
                genotypes.put(locus, genotype);
            } else if (u < relation.k2 + relation.k1) {
                genotypes.put(locus, new Genotype(transmit(genotype), draw(locus)));
            } else {
                genotypes.put(locus, new Genotype(draw(locus), draw(locus)));
            }
        });
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

    /**
     * The profile as a degraded sample reads it: each allele copy fails to show with probability d (a
     * heterozygote losing one is read as the other alone; a locus losing both is not typed), keeping one
     * locus. The reading carries d, as the laboratory states it.
     */
    public StrProfile dropOut(StrProfile profile, double d) {
        Map<String, Genotype> read = new TreeMap<>();
        profile.loci().forEach((locus, genotype) -> {
            boolean first = random.nextDouble() >= d;
            boolean second = random.nextDouble() >= d;
            if (first && second) {
                read.put(locus, genotype);
            } else if (first || second) {
                String shown = first ? genotype.first() : genotype.second();
                read.put(locus, new Genotype(shown, shown));
            }
        });
        if (read.isEmpty()) {
            Map.Entry<String, Genotype> any = profile.loci().entrySet().iterator().next();
            read.put(any.getKey(), any.getValue());
        }
        return new StrProfile(read, d);
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

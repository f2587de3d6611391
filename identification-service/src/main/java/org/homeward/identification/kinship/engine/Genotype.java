package org.homeward.identification.kinship.engine;

/** The two alleles at one locus, smaller repeat number first; a homozygote has the same allele twice. */
public record Genotype(String first, String second) {

    public Genotype {
        if (Allele.repeats(first) > Allele.repeats(second)) {
            String swap = first;
            first = second;
            second = swap;
        }
    }

    public boolean homozygous() {
        return first.equals(second);
    }

    @Override
    public String toString() {
        return first + "/" + second;
    }
}

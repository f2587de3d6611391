package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The STR genotypes of one sample, by canonical locus name. Degraded remains give partial profiles: a locus
 * that did not amplify is simply absent, and comparisons use the loci both sides have. A sample marked
 * degraded carries its allele drop-out probability ({@link Observation}); 0 means every allele is read.
 */
public record StrProfile(Map<String, Genotype> loci, double dropout) {

    public StrProfile {
        loci = Collections.unmodifiableMap(new TreeMap<>(loci));
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("A drop-out probability is in [0, 1)");
        }
    }

    public StrProfile(Map<String, Genotype> loci) {
        this(loci, 0);
    }

    /** The same genotypes, read from a sample with this drop-out probability. */
    public StrProfile withDropout(double probability) {
        return new StrProfile(loci, probability);
    }

    public Genotype at(String locus) {
        return loci.get(locus);
    }

    /** A field error: which part of the submitted profile, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /** The profile was refused; every malformed locus is named, nothing is half-read. */
    public static final class Malformed extends RuntimeException {
        private final List<FieldError> errors;

        public Malformed(List<FieldError> errors) {
            super(errors.size() + " problem(s) in the STR profile, first: " + errors.get(0).field() + ": "
                    + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /**
     * A profile as read, with the markers set aside as submitted: loci the population table lacks, sex and
     * Y-chromosome markers (Amelogenin, DYS..., Yindel). The autosomal engine cannot use them, yet a
     * laboratory's kit types them, so they never refuse a profile; the answer lists them instead. The sex
     * markers are read for what they say of the source's sex ({@link DnaSex}).
     */
    public record Reading(StrProfile profile, List<String> setAside, DnaSex sex) {
        public Reading {
            setAside = List.copyOf(setAside);
        }
    }

    /** As {@link #read}, for callers that need only the autosomal profile. */
    public static StrProfile parse(Map<String, List<String>> input, Loci known, String fieldPrefix) {
        return read(input, known, fieldPrefix).profile();
    }

    /**
     * Reads a profile given as locus name -> one or two allele labels (one label is a homozygote as some
     * software writes it). Loci are matched against the population table's names and their aliases; markers
     * the table does not know are set aside (see {@link Reading}). A third allele is refused: a reference or a
     * single source has at most two, and a mixture is not a profile to match. {@code fieldPrefix} names where
     * the profile sits in the request.
     */
    public static Reading read(Map<String, List<String>> input, Loci known, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Genotype> loci = new TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> setAside = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            throw new Malformed(List.of(new FieldError(fieldPrefix, "A profile needs at least one typed locus")));
        }
        for (Map.Entry<String, List<String>> entry : input.entrySet()) {
            String field = fieldPrefix + "." + entry.getKey();
            var locus = known.canonical(entry.getKey());
            if (Loci.isSexMarker(entry.getKey()) || locus.isEmpty()) {
                setAside.add(entry.getKey());
                continue;
            }
            if (!seen.add(locus.get())) {
                errors.add(new FieldError(field, "Locus " + locus.get() + " is given twice (under two spellings)"));
                continue;
            }
            List<String> alleles = entry.getValue();
            if (alleles == null || alleles.isEmpty()) {
                errors.add(new FieldError(field, "A locus has one or two alleles (omit a locus that was not typed)"));
                continue;
            }
            if (alleles.size() > 2) {
                errors.add(new FieldError(field, alleles.size() + " alleles at " + locus.get() + ": a reference or a"
                        + " single-source sample has at most two, and a mixture is not a profile to match"));
                continue;
            }
            List<String> canonical = new ArrayList<>();
            for (String text : alleles) {
                // The value is not echoed: genotypes are personal data, even malformed ones.
                Allele.canonical(text).ifPresentOrElse(canonical::add, () -> errors.add(new FieldError(field,
                        "Not an allele (a repeat number, with an optional microvariant such as 9.3)")));
            }
            if (canonical.size() == alleles.size()) {
                loci.put(locus.get(), new Genotype(canonical.get(0), canonical.get(canonical.size() - 1)));
            }
        }
        if (!errors.isEmpty()) {
            throw new Malformed(errors);
        }
        if (loci.isEmpty()) {
            throw new Malformed(List.of(new FieldError(fieldPrefix, "A profile needs at least one autosomal locus"
                    + " that the population table knows")));
        }
        return new Reading(new StrProfile(loci), setAside, DnaSex.read(input));
    }
}

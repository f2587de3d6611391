package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One comparison written in the text formats pedtools reads, so that another laboratory recomputes it with
 * forrel: the pedigree and genotypes as {@code readPed} reads them (tab-separated columns id, fid, mid, sex,
 * then one column per marker; "0" for a founder's parents; sex 1 male, 2 female, 0 unknown; genotypes
 * "a/b", "-/-" untyped), and the allele frequencies as {@code readFreqDatabase(format = "list")} reads them
 * (the marker's name on a line, then "allele frequency" lines, a blank line between markers). The missing
 * person is "MP", typed with the remains' genotypes, which is what forrel's {@code missingPersonLR(x,
 * missing = "MP")} takes as the person of interest.
 *
 * <p>pedtools insists a father is male and a mother female; the engine does not record the sex of a
 * pedigree's untyped parents, so a member is written male when he is a father in the pedigree and female
 * when a mother. Both readers split on white space, so a space in a locus name is written "_". Each marker's frequencies are the whole locus of the table, renormalised with any allele it
 * lacks as the engine does, so they sum to one. A drop-out probability has no column: the text says so.
 */
public final class PedFormat {

    /** The label forrel's examples give the missing person. */
    public static final String MISSING = "MP";

    /** The two files: {@code ped} for readPed, {@code frequencies} for readFreqDatabase. */
    public record Files(String ped, String frequencies) {
    }

    private PedFormat() {
    }

    /**
     * The pedigree with the candidate in the missing person's place and the typed members' genotypes, on
     * {@code loci} (in that order), with the table's frequencies at those loci.
     */
    public static Files write(Pedigree pedigree, String missing, StrProfile candidate, Map<String, StrProfile> typed,
                              List<String> loci, AlleleFrequencies frequencies) {
        pedigree.indexOf(missing);
        Set<String> fathers = new HashSet<>();
        Set<String> mothers = new HashSet<>();
        for (Pedigree.Member member : pedigree.members()) {
            if (!member.founder()) {
                fathers.add(member.father());
                mothers.add(member.mother());
            }
        }
        StringBuilder ped = new StringBuilder("id\tfid\tmid\tsex");
        loci.forEach(locus -> ped.append('\t').append(name(locus)));
        ped.append('\n');
        for (Pedigree.Member member : pedigree.members()) {
            StrProfile profile = member.id().equals(missing) ? candidate : typed.get(member.id());
            ped.append(label(member.id(), missing)).append('\t')
                    .append(member.founder() ? "0" : label(member.father(), missing)).append('\t')
                    .append(member.founder() ? "0" : label(member.mother(), missing)).append('\t')
                    .append(sex(member, fathers, mothers));
            for (String locus : loci) {
                Genotype g = profile == null ? null : profile.at(locus);
                ped.append('\t').append(g == null ? "-/-" : g.first() + "/" + g.second());
            }
            ped.append('\n');
        }
        return new Files(ped.toString(), frequencies(candidate, typed, loci, frequencies));
    }

    private static String frequencies(StrProfile candidate, Map<String, StrProfile> typed, List<String> loci,
                                      AlleleFrequencies frequencies) {
        List<String> blocks = new ArrayList<>();
        for (String locus : loci) {
            Set<String> unseen = new java.util.TreeSet<>();
            List<StrProfile> profiles = new ArrayList<>(typed.values());
            profiles.add(candidate);
            for (StrProfile profile : profiles) {
                Genotype g = profile.at(locus);
                if (g != null) {
                    for (String allele : List.of(g.first(), g.second())) {
                        if (!frequencies.alleles(locus).contains(allele)) {
                            unseen.add(allele);
                        }
                    }
                }
            }
            AlleleFrequencies.LocusAlleles all = frequencies.locus(locus, unseen);
            StringBuilder block = new StringBuilder(name(locus)).append('\n');
            for (int i = 0; i < all.alleles().length; i++) {
                block.append(all.alleles()[i]).append('\t').append(all.frequencies()[i]).append('\n');
            }
            blocks.add(block.toString());
        }
        return String.join("\n", blocks);
    }

    /** readPed and readFreqDatabase split on white space: "Penta E" is written Penta_E (pedtools' fixNames style). */
    public static String name(String locus) {
        return locus.replace(' ', '_');
    }

    private static String label(String id, String missing) {
        return id.equals(missing) ? MISSING : id;
    }

    private static String sex(Pedigree.Member member, Set<String> fathers, Set<String> mothers) {
        if (fathers.contains(member.id()) || member.sex() == Pedigree.Sex.MALE) {
            return "1";
        }
        if (mothers.contains(member.id()) || member.sex() == Pedigree.Sex.FEMALE) {
            return "2";
        }
        return "0";
    }
}

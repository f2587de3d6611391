package org.homeward.identification.kinship.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reader of the two pedtools files (readPed's table, readFreqDatabase's "list" format), as a second
 * laboratory would load what PedFormat writes, and to load forrel's and pedprobr's published examples written
 * as pedtools writes them. Allele labels are the engine's (repeat numbers).
 */
public final class PedtoolsFiles {

    public record Loaded(Pedigree pedigree, Map<String, StrProfile> typed, AlleleFrequencies frequencies) {
    }

    private PedtoolsFiles() {
    }

    public static Loaded read(String ped, String frequencies) throws IOException {
        List<String> lines = ped.lines().filter(line -> !line.isBlank()).toList();
        String[] header = lines.get(0).trim().split("\\s+");
        if (!List.of("id", "fid", "mid", "sex").equals(List.of(header).subList(0, 4))) {
            throw new IllegalArgumentException("A ped file starts with id, fid, mid, sex: " + lines.get(0));
        }
        List<Pedigree.Member> members = new ArrayList<>();
        Map<String, StrProfile> typed = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            boolean founder = cells[1].equals("0");
            members.add(new Pedigree.Member(cells[0], founder ? null : cells[1], founder ? null : cells[2],
                    switch (cells[3]) {
                        case "1" -> Pedigree.Sex.MALE;
                        case "2" -> Pedigree.Sex.FEMALE;
                        default -> Pedigree.Sex.UNKNOWN;
                    }));
            Map<String, Genotype> loci = new TreeMap<>();
            for (int c = 4; c < cells.length; c++) {
                String[] alleles = cells[c].split("/");
                if (!alleles[0].equals("-")) {
                    loci.put(header[c], new Genotype(alleles[0], alleles[1]));
                }
            }
            if (!loci.isEmpty()) {
                typed.put(cells[0], new StrProfile(loci));
            }
        }
        StringBuilder csv = new StringBuilder("locus,allele,frequency\n");
        String marker = null;
        for (String line : frequencies.lines().toList()) {
            if (line.isBlank()) {
                marker = null;
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            if (marker == null) {
                marker = cells[0];
            } else {
                csv.append(marker).append(',').append(cells[0]).append(',').append(cells[1]).append('\n');
            }
        }
        return new Loaded(new Pedigree(members), typed, AlleleFrequencies.parseCsv("pedtools", new StringReader(csv.toString())));
    }
}

package org.homeward.local.launcher.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Made-up families for the story: a father and a mother drawn from the allele frequencies of the shared
 * table (the one identification-service bundles), and their child, who inherits one allele of each parent at
 * every locus (Mendel, no mutation). No real person's DNA is used anywhere.
 */
public final class SyntheticFamilies {

    /** The 20 CODIS core loci, in the table's spelling. */
    static final List<String> LOCI = List.of("CSF1PO", "D3S1358", "D5S818", "D7S820", "D8S1179", "D13S317",
            "D16S539", "D18S51", "D21S11", "FGA", "TH01", "TPOX", "vWA", "D1S1656", "D2S441", "D2S1338",
            "D10S1248", "D12S391", "D19S433", "D22S1045");

    /** A genotype per locus, as the profile API takes it. */
    public record Profile(Map<String, List<String>> loci) {
    }

    public record Family(Profile father, Profile mother, Profile child) {
    }

    private record Allele(String name, double frequency) {
    }

    private final Map<String, List<Allele>> alleles = new LinkedHashMap<>();
    private final Random random;

    public SyntheticFamilies(Path frequencyTable, long seed) {
        this.random = new Random(seed);
        try {
            List<String> lines = Files.readAllLines(frequencyTable);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (LOCI.contains(cells[0])) {
                    alleles.computeIfAbsent(cells[0], locus -> new ArrayList<>())
                            .add(new Allele(cells[1], Double.parseDouble(cells[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the frequency table " + frequencyTable, e);
        }
        if (!alleles.keySet().containsAll(LOCI)) {
            throw new IllegalStateException("The frequency table lacks some of " + LOCI);
        }
    }

    /** The table identification-service bundles, found from the repository root. */
    public static Path bundledTable(Path repositoryRoot) {
        return repositoryRoot.resolve("identification-service/src/main/resources/kinship/europe-norstr-2023.csv");
    }

    public Family next() {
        Map<String, List<String>> father = new LinkedHashMap<>();
        Map<String, List<String>> mother = new LinkedHashMap<>();
        Map<String, List<String>> child = new LinkedHashMap<>();
        for (String locus : LOCI) {
            father.put(locus, List.of(draw(locus), draw(locus)));
            mother.put(locus, List.of(draw(locus), draw(locus)));
            child.put(locus, List.of(father.get(locus).get(random.nextInt(2)), mother.get(locus).get(random.nextInt(2))));
        }
        return new Family(new Profile(father), new Profile(mother), new Profile(child));
    }

    /** Another child of the family's parents: a full brother of its child. */
    public Profile brother(Family family) {
        Map<String, List<String>> brother = new LinkedHashMap<>();
        for (String locus : LOCI) {
            brother.put(locus, List.of(family.father().loci().get(locus).get(random.nextInt(2)),
                    family.mother().loci().get(locus).get(random.nextInt(2))));
        }
        return new Profile(brother);
    }

    private String draw(String locus) {
        List<Allele> candidates = alleles.get(locus);
        double total = candidates.stream().mapToDouble(Allele::frequency).sum();
        double point = random.nextDouble() * total;
        for (Allele allele : candidates) {
            point -= allele.frequency();
            if (point <= 0) {
                return allele.name();
            }
        }
        return candidates.get(candidates.size() - 1).name();
    }
}

package org.homeward.identification.kinship.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allele frequencies of one population, per locus, read from a {@code locus,allele,frequency} table. An
 * allele the table has never seen gets the table's minimum frequency (the shared table already floors its
 * rare alleles at 0.001) and the locus is renormalised, so probabilities still sum to one.
 */
public final class AlleleFrequencies {

    private final String population;
    private final Map<String, Map<String, Double>> byLocus;
    private final double minimum;
    private final Loci loci;

    private AlleleFrequencies(String population, Map<String, Map<String, Double>> byLocus) {
        this.population = population;
        this.byLocus = byLocus;
        this.minimum = byLocus.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).min().orElse(0.001);
        this.loci = new Loci(byLocus.keySet());
    }

    /** Reads the CSV table; any line that is not a locus, an allele and a frequency in (0,1] is refused. */
    public static AlleleFrequencies parseCsv(String population, Reader csv) throws IOException {
        Map<String, Map<String, Double>> byLocus = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(csv);
        String header = reader.readLine();
        if (header == null || !header.trim().equalsIgnoreCase("locus,allele,frequency")) {
            throw new IllegalArgumentException("A frequency table starts with the header locus,allele,frequency");
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException("Line " + number + ": expected locus,allele,frequency");
            }
            int lineNumber = number;
            String allele = Allele.canonical(cells[1]).orElseThrow(() ->
                    new IllegalArgumentException("Line " + lineNumber + ": '" + cells[1] + "' is not an allele"));
            double frequency;
            try {
                frequency = Double.parseDouble(cells[2].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + number + ": '" + cells[2] + "' is not a frequency");
            }
            if (!(frequency > 0 && frequency <= 1)) {
                throw new IllegalArgumentException("Line " + number + ": a frequency is in (0, 1]");
            }
            if (byLocus.computeIfAbsent(cells[0].trim(), l -> new LinkedHashMap<>()).put(allele, frequency) != null) {
                throw new IllegalArgumentException("Line " + number + ": allele " + allele + " listed twice");
            }
        }
        if (byLocus.isEmpty()) {
            throw new IllegalArgumentException("The frequency table has no rows");
        }
        return new AlleleFrequencies(population, byLocus);
    }

    public String population() {
        return population;
    }

    public Loci loci() {
        return loci;
    }

    public List<String> locusNames() {
        return List.copyOf(byLocus.keySet());
    }

    public double minimum() {
        return minimum;
    }

    /** The alleles the table lists for a locus, in table order. */
    public Set<String> alleles(String locus) {
        return Collections.unmodifiableSet(table(locus).keySet());
    }

    /**
     * Every allele of the locus (the table's, then the extra ones it lacks, at the minimum frequency) with
     * frequencies renormalised to sum to one.
     */
    public LocusAlleles locus(String locus, Collection<String> extraAlleles) {
        Map<String, Double> table = table(locus);
        Set<String> names = new LinkedHashSet<>(table.keySet());
        names.addAll(extraAlleles);
        List<String> ordered = new ArrayList<>(names);
        double[] frequencies = new double[ordered.size()];
        double sum = 0;
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = table.getOrDefault(ordered.get(i), minimum);
            sum += frequencies[i];
        }
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] /= sum;
        }
        return new LocusAlleles(locus, ordered.toArray(String[]::new), frequencies);
    }

    private Map<String, Double> table(String locus) {
        Map<String, Double> table = byLocus.get(locus);
        if (table == null) {
            throw new IllegalArgumentException("No frequencies for locus " + locus + " in " + population);
        }
        return table;
    }

    /** The alleles of one locus and their (renormalised) frequencies, index for index. */
    public record LocusAlleles(String locus, String[] alleles, double[] frequencies) {

        public int indexOf(String allele) {
            for (int i = 0; i < alleles.length; i++) {
                if (alleles[i].equals(allele)) {
                    return i;
                }
            }
            return -1;
        }
    }
}

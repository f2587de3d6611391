package org.homeward.identification.benchmark;

import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.ClosedForms;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.KinshipCalculator;
import org.homeward.identification.kinship.engine.KinshipModel;
import org.homeward.identification.kinship.engine.KinshipSearch;
import org.homeward.identification.kinship.engine.Loci;
import org.homeward.identification.kinship.engine.LocusModel;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.ReferenceIndex;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.BenchmarkReport;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Not a test (only the benchmarks profile runs it): the kinship search of one post-mortem profile, and of 6,000,
 * against 100,000 parent/child references on the 20 CODIS loci, generated from the European table with a
 * fixed seed (ProfileSimulator: founders draw alleles from the table, children one allele of each parent).
 * Two baselines in the same run: the engine's per-pair API in a loop (measured on a sample of references
 * and scaled), and the floor: a flat scan of genotype codes with a per-query table of locus ratios and
 * nothing else. Run: {@code mvn -B -Pbenchmarks -pl identification-service test -Dtest=KinshipSearchBenchmark}
 * ({@code -Dbenchmark.references=}, {@code -Dbenchmark.queries=} to change the sizes).
 */
class KinshipSearchBenchmark {

    private static final int REFERENCES = Integer.getInteger("benchmark.references", 100_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 6_000);
    private static final int PER_PAIR_SAMPLE = Integer.getInteger("benchmark.per-pair-sample", 5_000);
    private static final double THRESHOLD = 1000;

    @Test
    void oneAndSixThousandProfilesAgainstOneHundredThousandParentChildReferences() throws Exception {
        AlleleFrequencies europe;
        try (var in = getClass().getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            europe = AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        ProfileSimulator simulate = new ProfileSimulator(europe, 2025_06_02L, Loci.CODIS_CORE);

        long generation = System.nanoTime();
        List<StrProfile> parents = new ArrayList<>(REFERENCES);
        for (int r = 0; r < REFERENCES; r++) {
            parents.add(simulate.founder());
        }
        // Remains: half are children of a reference (their family is in the index), half are strangers.
        Random pick = new Random(6000);
        List<StrProfile> remains = new ArrayList<>(QUERIES);
        int[] truth = new int[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            truth[q] = q % 2 == 0 ? pick.nextInt(REFERENCES) : -1;
            remains.add(truth[q] >= 0 ? simulate.child(parents.get(truth[q]), simulate.founder()) : simulate.founder());
        }
        System.out.printf(Locale.ROOT, "generated %,d references and %,d remains in %.1f s%n", REFERENCES, QUERIES,
                (System.nanoTime() - generation) / 1e9);

        List<ReferenceIndex.Reference> references = new ArrayList<>(REFERENCES);
        for (int r = 0; r < REFERENCES; r++) {
            references.add(new ReferenceIndex.Reference("ref-" + r, "family-" + r, Relation.PARENT, parents.get(r)));
        }
        long heapBefore = usedHeap();
        long indexing = System.nanoTime();
        ReferenceIndex index = ReferenceIndex.of(calculator, references, List.of());
        double indexSeconds = (System.nanoTime() - indexing) / 1e9;
        long indexBytes = usedHeap() - heapBefore;
        heapBefore = usedHeap();
        FlatScan floor = new FlatScan(calculator, europe, parents);
        long floorBytes = usedHeap() - heapBefore;

        // Warm-up, then one profile at a time.
        for (int q = 0; q < 200; q++) {
            KinshipSearch.search(index, remains.get(q), THRESHOLD, 1e-5);
            floor.search(remains.get(q), THRESHOLD);
        }
        int single = Math.min(500, QUERIES);
        double[] engineMs = new double[single];
        double[] floorMs = new double[single];
        int found = 0;
        for (int q = 0; q < single; q++) {
            long start = System.nanoTime();
            List<KinshipSearch.Candidate> candidates = KinshipSearch.search(index, remains.get(q), THRESHOLD, 1e-5);
            engineMs[q] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int floorMatches = floor.search(remains.get(q), THRESHOLD);
            floorMs[q] = (System.nanoTime() - start) / 1e6;
            if (floorMatches != candidates.size()) {
                throw new AssertionError("The floor and the engine disagree on query " + q);
            }
            if (truth[q] >= 0 && !candidates.isEmpty() && candidates.get(0).family().equals("family-" + truth[q])) {
                found++;
            }
        }
        int related = (single + 1) / 2;

        // The engine's per-pair API in a loop, on a sample of the references, scaled to all of them.
        int sampleQueries = 3;
        long perPairStart = System.nanoTime();
        for (int q = 0; q < sampleQueries; q++) {
            for (int r = 0; r < PER_PAIR_SAMPLE; r++) {
                calculator.pairwise(remains.get(q), parents.get(r), Relation.PARENT).total();
            }
        }
        double perPairMsPerQuery = (System.nanoTime() - perPairStart) / 1e6 / sampleQueries * REFERENCES / PER_PAIR_SAMPLE;

        // 6,000 remains against every reference, on every core.
        AtomicInteger allFound = new AtomicInteger();
        long all = System.nanoTime();
        IntStream.range(0, QUERIES).parallel().forEach(q -> {
            List<KinshipSearch.Candidate> candidates = KinshipSearch.search(index, remains.get(q), THRESHOLD, 1e-5);
            if (truth[q] >= 0 && !candidates.isEmpty() && candidates.get(0).family().equals("family-" + truth[q])) {
                allFound.incrementAndGet();
            }
        });
        double engineAll = (System.nanoTime() - all) / 1e9;
        all = System.nanoTime();
        IntStream.range(0, QUERIES).parallel().forEach(q -> floor.search(remains.get(q), THRESHOLD));
        double floorAll = (System.nanoTime() - all) / 1e9;

        double engineMedian = median(engineMs);
        double floorMedian = median(floorMs);
        System.out.println();
        System.out.printf(Locale.ROOT, "Kinship search, %,d parent/child references, 20 CODIS loci, proportional mutation 0.002,"
                + " reporting threshold LR %.0f (%d cores, Java %s)%n", REFERENCES, THRESHOLD,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  index: built in %.2f s, about %.0f MB of heap%n", indexSeconds, indexBytes / 1e6);
        System.out.printf(Locale.ROOT, "  one profile, median (p95) of %d: engine %.2f ms (%.2f), floor %.2f ms (%.2f),"
                        + " engine/floor %.2f; per-pair API %.0f ms per profile (from %d x %,d pairs), %.0f times the engine%n",
                single, engineMedian, percentile(engineMs, 0.95), floorMedian, percentile(floorMs, 0.95),
                engineMedian / floorMedian, perPairMsPerQuery, sampleQueries, PER_PAIR_SAMPLE, perPairMsPerQuery / engineMedian);
        System.out.printf(Locale.ROOT, "  %,d profiles: engine %.1f s, floor %.1f s, engine/floor %.2f; per-pair API about"
                        + " %.0f s (scaled)%n", QUERIES, engineAll, floorAll, engineAll / floorAll,
                perPairMsPerQuery * QUERIES / 1000 / Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  the right family ranked first for %d of %d related profiles (one at a time) and %d of %d"
                + " (all)%n", found, related, allFound.get(), (QUERIES + 1) / 2);
        BenchmarkReport.record(new Figure("kinship search", "one profile against 100,000 references, median",
                engineMedian, "ms", "flat-array scan (floor)", floorMedian, Target.valueAtMost(20, "ms")));
        BenchmarkReport.record(new Figure("kinship search", "6,000 profiles against 100,000 references, 2 cores",
                engineAll, "s", "flat-array scan (floor)", floorAll, Target.valueAtMost(60, "s")));
        BenchmarkReport.record(new Figure("kinship search", "reference index, heap", indexBytes / 1e6, "MB",
                "flat genotype array (floor)", floorBytes / 1e6, Target.valueAtMost(300, "MB")));
    }

    /**
     * The floor: genotype codes of every reference in one int array, and for each query one table per locus
     * of the parent/child ratio for every genotype a parent can have; a scan multiplies. No relationships,
     * no pedigrees, no unseen alleles, no explanation of the matches: what the engine cannot beat.
     */
    static final class FlatScan {
        private final String[] loci;
        private final LocusModel[] models;
        private final int[] codes;
        private final int count;

        FlatScan(KinshipCalculator calculator, AlleleFrequencies frequencies, List<StrProfile> parents) {
            loci = Loci.CODIS_CORE.toArray(String[]::new);
            models = new LocusModel[loci.length];
            for (int l = 0; l < loci.length; l++) {
                models[l] = calculator.model().locus(loci[l], frequencies.alleles(loci[l]));
            }
            count = parents.size();
            codes = new int[count * loci.length];
            for (int r = 0; r < count; r++) {
                for (int l = 0; l < loci.length; l++) {
                    codes[r * loci.length + l] = models[l].genotypeIndex(parents.get(r).at(loci[l]));
                }
            }
        }

        int search(StrProfile query, double threshold) {
            double[][] tables = new double[loci.length][];
            for (int l = 0; l < loci.length; l++) {
                Genotype g = query.at(loci[l]);
                int candidate = models[l].genotypeIndex(g);
                double[] table = new double[models[l].genotypeCount()];
                for (int parent = 0; parent < table.length; parent++) {
                    table[parent] = ClosedForms.parentOfMissing(models[l], parent, candidate);
                }
                tables[l] = table;
            }
            int matches = 0;
            int width = loci.length;
            for (int r = 0; r < count; r++) {
                double lr = 1;
                int base = r * width;
                for (int l = 0; l < width; l++) {
                    lr *= tables[l][codes[base + l]];
                }
                if (lr >= threshold) {
                    matches++;
                }
            }
            return matches;
        }
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

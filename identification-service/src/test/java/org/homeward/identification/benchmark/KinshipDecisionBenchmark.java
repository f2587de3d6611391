package org.homeward.identification.benchmark;

import org.homeward.identification.kinship.application.HaplotypeDatabaseCsv;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.MatchingSimulation;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.HaplotypeFrequency;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MtDatabase;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.MtVariant;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;
import org.homeward.identification.kinship.lineage.YMutationRates;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Not a test (only the benchmarks profile runs it), and not about speed: how often the background matching's
 * decisions name the wrong person, over 1,000 seeded disaster scenarios drawn from the bundled European table
 * through the matching's own steps ({@link MatchingSimulation}). Each scenario has three to five families
 * with one to three missing sons (brothers: some families state their group, some register each son with his
 * own copy of the mother's sample, on a 15-locus kit half of the time), references of varying completeness
 * (both parents, one parent, a living brother, a son's personal effects, a son's child), three unrelated
 * decoy families whose sons are not among the remains, partial post-mortem profiles (up to half the loci
 * lost), a stranger's remains, and references mixed up: one sample of a family with two or more references
 * misattributed (another person's profile under the relative's name) in 15% of scenarios, and in about 5% the
 * only sample of a family exchanged with another family's (reported apart: no rule on DNA alone can see it).
 * Baseline in the same run: the same scenarios with every family compared on its own (how the matching
 * decided before family groups). Run: {@code mvn -B -Pbenchmarks -pl identification-service test
 * -Dtest=KinshipDecisionBenchmark} ({@code -Dbenchmark.scenarios=} to change the count).
 */
class KinshipDecisionBenchmark {

    private static final int SCENARIOS = Integer.getInteger("benchmark.scenarios", 1_000);

    /** What became of the remains of the scenarios' missing persons (and of the strangers). */
    private static final class Tally {
        int remainsOfMissing;
        int strangers;
        int wrongUndisputed;
        int wrongUndisputedOnlyReferenceExchanged;
        int correctUndisputed;
        int correctFoundDisputed;
        int notFound;
        final boolean print;

        Tally(boolean print) {
            this.print = print;
        }

        /** The remains whose true family is among their candidates, undisputed or not, in percent. */
        double found() {
            return 100.0 * (correctUndisputed + correctFoundDisputed) / remainsOfMissing;
        }

        String percent(int count) {
            return String.format(Locale.ROOT, "%.2f%%", 100.0 * count / remainsOfMissing);
        }
    }

    @Test
    void oneThousandDisasterScenarios() {
        AlleleFrequencies europe = MatchingSimulation.europe();
        MatchingSimulation matching = MatchingSimulation.withDefaults(europe);
        MatchingSimulation familiesAlone = matching.familiesAlone();
        Tally homeward = new Tally(true);
        Tally baseline = new Tally(false);
        long start = System.nanoTime();
        for (int s = 0; s < SCENARIOS; s++) {
            Scenario scenario = Scenario.draw(europe, 2025_06_02L * 1_000 + s);
            scenario.count(matching.assess(scenario.persons, scenario.remains), homeward);
            scenario.count(familiesAlone.assess(scenario.persons, scenario.remains), baseline);
        }
        System.out.printf(Locale.ROOT, "%n%,d scenarios, %,d remains of missing persons and %,d strangers' in %.1f s%n",
                SCENARIOS, homeward.remainsOfMissing, homeward.strangers, (System.nanoTime() - start) / 1e9);
        print("Homeward (family groups, related rivals, every clause)", homeward);
        print("Baseline (each family on its own)", baseline);

        double wrong = 100.0 * homeward.wrongUndisputed / homeward.remainsOfMissing;
        double wrongBefore = 100.0 * baseline.wrongUndisputed / baseline.remainsOfMissing;
        BenchmarkReport.record(new Figure("kinship decisions, " + SCENARIOS + " scenarios", "wrong person undisputed",
                wrong, "%", "each family on its own", wrongBefore, Target.valueAtMost(0, "%")));
        if (homeward.wrongUndisputed > 0) {
            throw new AssertionError(homeward.wrongUndisputed + " remains were named undisputed as the wrong person");
        }
    }

    /**
     * The same scenarios with the remains read as degraded samples: every allele copy fails to show with a
     * probability of 0.1, 0.2 or 0.3 (the laboratory states it), besides the loci lost. Homeward weighs each
     * locus read as one allele with that drop-out; the baseline in the same run takes the same readings as
     * genotypes (drop-out 0), as the matching did before, where one allele lost can exclude the true family.
     */
    @Test
    void oneThousandScenariosWithRemainsReadWithDropOut() {
        AlleleFrequencies europe = MatchingSimulation.europe();
        MatchingSimulation matching = MatchingSimulation.withDefaults(europe);
        Tally weighed = new Tally(true);
        Tally asRead = new Tally(false);
        long start = System.nanoTime();
        for (int s = 0; s < SCENARIOS; s++) {
            Scenario scenario = Scenario.draw(europe, 2025_06_02L * 1_000 + s, true);
            scenario.count(matching.assess(scenario.persons, scenario.remains), weighed);
            Map<String, StrProfile> takenAsRead = new LinkedHashMap<>();
            scenario.remains.forEach((id, profile) -> takenAsRead.put(id, profile.withDropout(0)));
            scenario.count(matching.assess(scenario.persons, takenAsRead), asRead);
        }
        System.out.printf(Locale.ROOT, "%n%,d scenarios with drop-out, %,d remains of missing persons and %,d strangers'"
                        + " in %.1f s%n", SCENARIOS, weighed.remainsOfMissing, weighed.strangers,
                (System.nanoTime() - start) / 1e9);
        print("Homeward (drop-out weighed)", weighed);
        print("Baseline (the same readings taken as genotypes)", asRead);

        BenchmarkReport.record(new Figure("kinship decisions with drop-out, " + SCENARIOS + " scenarios",
                "wrong person undisputed", 100.0 * weighed.wrongUndisputed / weighed.remainsOfMissing, "%",
                "readings taken as genotypes", 100.0 * asRead.wrongUndisputed / asRead.remainsOfMissing,
                Target.valueAtMost(0, "%")));
        BenchmarkReport.record(new Figure("kinship decisions with drop-out, " + SCENARIOS + " scenarios",
                "true family found", weighed.found(), "%", "readings taken as genotypes", asRead.found(),
                Target.ratioAtLeast(1)));
        if (weighed.wrongUndisputed > 0) {
            throw new AssertionError(weighed.wrongUndisputed + " degraded remains were named undisputed as the wrong"
                    + " person");
        }
    }

    /**
     * Families whose only references are on the missing men's paternal line: a paternal uncle, a paternal
     * grandfather, both, or the uncle's Y-STR haplotype alone (no autosomal typing). Lines are drawn from the
     * synthetic Y database of the tests (the one the frequencies are counted in, as an operator's), and mutate
     * along the meioses at the default rate. Every remains is typed on Y-STRs beside its partial autosomal profile;
     * the strangers' too. Homeward weighs the Y parts as the matcher does; the baseline in the same run is the
     * same scenarios with the Y typings left out.
     */
    @Test
    void oneThousandScenariosWithOnlyPaternalLineRelatives() {
        oneLineOnly("paternal line only", "Y-STR", new PaternalDescent(syntheticYDatabase()));
    }

    /**
     * The same on the maternal line: a maternal aunt, a maternal grandmother, both, or the aunt's mtDNA sequence
     * alone; sequences drawn from the synthetic mtDNA database, one new difference per meiosis at the default rate
     * (0.01).
     */
    @Test
    void oneThousandScenariosWithOnlyMaternalLineRelatives() {
        oneLineOnly("maternal line only", "mtDNA", new MaternalDescent(syntheticMtDatabase()));
    }

    private static void oneLineOnly(String name, String method, LineOfDescent<?, ?> descent) {
        AlleleFrequencies europe = MatchingSimulation.europe();
        MatchingSimulation matching = MatchingSimulation.withDefaults(europe);
        Tally withLine = new Tally(true);
        Tally withoutLine = new Tally(false);
        long start = System.nanoTime();
        for (int s = 0; s < SCENARIOS; s++) {
            Scenario scenario = Scenario.oneLine(europe, descent, 2025_06_02L * 1_000 + s);
            scenario.count(matching.assess(scenario.persons, scenario.remains, scenario.lines), withLine);
            scenario.count(matching.assess(scenario.persons, scenario.remains), withoutLine);
        }
        System.out.printf(Locale.ROOT, "%n%,d scenarios, %s, %,d remains of missing persons and %,d strangers' in"
                        + " %.1f s%n", SCENARIOS, name, withLine.remainsOfMissing, withLine.strangers,
                (System.nanoTime() - start) / 1e9);
        print("Homeward (" + method + " parts weighed)", withLine);
        print("Baseline (autosomal STRs only)", withoutLine);

        BenchmarkReport.record(new Figure("kinship decisions, " + name + ", " + SCENARIOS + " scenarios",
                "wrong person undisputed", 100.0 * withLine.wrongUndisputed / withLine.remainsOfMissing, "%",
                "autosomal STRs only", 100.0 * withoutLine.wrongUndisputed / withoutLine.remainsOfMissing,
                Target.valueAtMost(0, "%")));
        BenchmarkReport.record(new Figure("kinship decisions, " + name + ", " + SCENARIOS + " scenarios",
                "true family found", withLine.found(), "%", "autosomal STRs only", withoutLine.found(),
                Target.ratioAtLeast(1)));
        if (withLine.wrongUndisputed > 0) {
            throw new AssertionError(withLine.wrongUndisputed + " remains were named undisputed as the wrong person"
                    + " with " + method + " weighed");
        }
    }

    /**
     * A line of descent for the one-line scenarios: the grandparent's haplotype drawn from a synthetic database,
     * its changes along the meioses, and the typings as the matcher's simulation reads them.
     */
    private interface LineOfDescent<H, R> {
        H founder(Random random);

        H mutated(H haplotype, int meioses, Random random);

        /** A reference's typing: the grandparent's or the uncle's (or aunt's) on this line. */
        R reference(String donor, boolean grandparent, H haplotype);

        MatchingSimulation.Lines lines(Map<String, List<R>> references, Map<String, H> remains);

        /** A new scenario's typings. */
        default Typings<H, R> typings() {
            return new Typings<>(this);
        }
    }

    /** The references' typings by person and the remains' by id, as a scenario records them. */
    private static final class Typings<H, R> {
        private final LineOfDescent<H, R> descent;
        private final Map<String, List<R>> references = new LinkedHashMap<>();
        private final Map<String, H> remains = new LinkedHashMap<>();

        Typings(LineOfDescent<H, R> descent) {
            this.descent = descent;
        }

        void reference(String person, String donor, boolean grandparent, H haplotype) {
            references.computeIfAbsent(person, p -> new ArrayList<>()).add(descent.reference(donor, grandparent,
                    haplotype));
        }

        void remains(String id, H haplotype) {
            remains.put(id, haplotype);
        }

        MatchingSimulation.Lines lines() {
            return descent.lines(references, remains);
        }
    }

    /** Y-STRs: the paternal grandfather and uncle; one repeat up or down per locus at the default rate. */
    private record PaternalDescent(HaplotypeDatabase database) implements LineOfDescent<YHaplotype, MatchingSimulation.YReference> {
        @Override
        public YHaplotype founder(Random random) {
            return database.haplotypes().get(random.nextInt(database.size()));
        }

        @Override
        public YHaplotype mutated(YHaplotype haplotype, int meioses, Random random) {
            Map<String, YLocusCall> loci = new LinkedHashMap<>(haplotype.loci());
            for (int i = 0; i < meioses; i++) {
                loci.replaceAll((locus, call) -> {
                    if (call.isNull() || random.nextDouble() >= YMutationRates.DEFAULT_RATE) {
                        return call;
                    }
                    List<BigDecimal> copies = new ArrayList<>(call.copies());
                    int copy = random.nextInt(copies.size());
                    copies.set(copy, copies.get(copy).add(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)));
                    return new YLocusCall(copies);
                });
            }
            return new YHaplotype(loci);
        }

        @Override
        public MatchingSimulation.YReference reference(String donor, boolean grandparent, YHaplotype haplotype) {
            return new MatchingSimulation.YReference(donor, grandparent ? PaternalLine.PATERNAL_GRANDFATHER
                    : PaternalLine.PATERNAL_UNCLE, haplotype);
        }

        @Override
        public MatchingSimulation.Lines lines(Map<String, List<MatchingSimulation.YReference>> references,
                                              Map<String, YHaplotype> remains) {
            return new MatchingSimulation.PaternalLines(database, YMutationRates.uniform(YMutationRates.DEFAULT_RATE),
                    HaplotypeFrequency.DEFAULT_CONFIDENCE, references, remains);
        }
    }

    /** mtDNA: the maternal grandmother and aunt; one new difference per meiosis at the default rate (0.01). */
    private record MaternalDescent(MtDatabase database) implements LineOfDescent<MtHaplotype, MatchingSimulation.MtReference> {
        private static final double RATE = 0.01;

        @Override
        public MtHaplotype founder(Random random) {
            return database.haplotypes().get(random.nextInt(database.size()));
        }

        @Override
        public MtHaplotype mutated(MtHaplotype sequence, int meioses, Random random) {
            Set<MtVariant> variants = new HashSet<>(sequence.variants());
            for (int i = 0; i < meioses; i++) {
                if (random.nextDouble() < RATE) {
                    // A substitution in HV1, at a position no variant of the sequence names.
                    int position = 16_024 + random.nextInt(16_365 - 16_024 + 1);
                    if (variants.stream().noneMatch(v -> v.position() == position)) {
                        variants.add(new MtVariant(position, 0, "ACGT".charAt(random.nextInt(4))));
                    }
                }
            }
            return new MtHaplotype(sequence.range(), variants);
        }

        @Override
        public MatchingSimulation.MtReference reference(String donor, boolean grandparent, MtHaplotype sequence) {
            return new MatchingSimulation.MtReference(donor, grandparent ? MaternalLine.MATERNAL_GRANDMOTHER
                    : MaternalLine.MATERNAL_UNCLE_OR_AUNT, sequence);
        }

        @Override
        public MatchingSimulation.Lines lines(Map<String, List<MatchingSimulation.MtReference>> references,
                                              Map<String, MtHaplotype> remains) {
            return new MatchingSimulation.MaternalLines(database, RATE, HaplotypeFrequency.DEFAULT_CONFIDENCE,
                    references, remains);
        }
    }

    static HaplotypeDatabase syntheticYDatabase() {
        try (var in = KinshipDecisionBenchmark.class.getResourceAsStream("/kinship/synthetic-y-haplotypes.csv")) {
            return HaplotypeDatabaseCsv.read("synthetic-y-haplotypes.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MtDatabase syntheticMtDatabase() {
        try (var in = KinshipDecisionBenchmark.class.getResourceAsStream("/kinship/synthetic-mtdna.csv")) {
            return HaplotypeDatabaseCsv.readMtDna("synthetic-mtdna.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(String name, Tally tally) {
        System.out.printf(Locale.ROOT, "%s:%n  wrong undisputed %s (%d; strangers' remains included)%n"
                        + "  wrong undisputed where a family's only reference was exchanged: %d (not counted above)%n"
                        + "  correct undisputed %s (%d)%n  correct found but disputed %s (%d)%n  not found %s (%d)%n",
                name, tally.percent(tally.wrongUndisputed), tally.wrongUndisputed,
                tally.wrongUndisputedOnlyReferenceExchanged, tally.percent(tally.correctUndisputed),
                tally.correctUndisputed, tally.percent(tally.correctFoundDisputed), tally.correctFoundDisputed,
                tally.percent(tally.notFound), tally.notFound);
    }

    /** One drawn scenario: the register's persons with their donors, the remains and who each is. */
    private static final class Scenario {
        final List<MatchingSimulation.Person> persons = new ArrayList<>();
        final Map<String, StrProfile> remains = new LinkedHashMap<>();
        /** Remains id to the missing person they are (absent: a stranger). */
        final Map<String, String> truth = new LinkedHashMap<>();
        /** Persons of a family whose only reference was exchanged with another family's. */
        final Set<String> exchanged = new HashSet<>();

        private final long seed;
        private final Random random;
        private final ProfileSimulator simulate;

        private final boolean dropOut;

        private Scenario(AlleleFrequencies europe, long seed, boolean dropOut) {
            this.dropOut = dropOut;
            this.seed = seed;
            this.random = new Random(seed);
            this.simulate = new ProfileSimulator(europe, seed, MatchingSimulation.LOCI_21);
        }

        /** The lineage typings of a one-line scenario (null otherwise). */
        MatchingSimulation.Lines lines;

        /**
         * A scenario of the one-line benchmarks: families whose references are the grandparent and the uncle or aunt
         * on the line of descent (as autosomal GRANDPARENT and UNCLE_OR_AUNT, and typed on the line), both, or the
         * uncle or aunt typed on the line alone; one son in seven families of ten, two brothers (stated) otherwise.
         */
        static <H, R> Scenario oneLine(AlleleFrequencies europe, LineOfDescent<H, R> descent, long seed) {
            Scenario scenario = new Scenario(europe, seed, false);
            Random random = scenario.random;
            Typings<H, R> typings = descent.typings();
            int families = 3 + random.nextInt(3);
            for (int f = 0; f < families + 3; f++) {
                boolean target = f < families;
                String name = (target ? "f" : "decoy") + f;
                H grandparentsLine = descent.founder(random);
                StrProfile grandparent = scenario.simulate.founder();
                StrProfile otherGrandparent = scenario.simulate.founder();
                StrProfile parent = scenario.simulate.child(grandparent, otherGrandparent);
                StrProfile uncle = scenario.simulate.child(grandparent, otherGrandparent);
                StrProfile otherParent = scenario.simulate.founder();
                H unclesLine = descent.mutated(grandparentsLine, 1, random);
                int sons = target && random.nextInt(10) < 3 ? 2 : 1;
                int pattern = random.nextInt(4);
                List<FamilyReferences.Donor> donors = new ArrayList<>();
                if (pattern == 0 || pattern == 3) {
                    donors.add(new FamilyReferences.Donor(name + "-uncle", Relation.UNCLE_OR_AUNT, uncle));
                }
                if (pattern == 1 || pattern == 3) {
                    donors.add(new FamilyReferences.Donor(name + "-grandparent", Relation.GRANDPARENT, grandparent));
                }
                String group = sons > 1 ? name : null;
                for (int m = 0; m < sons; m++) {
                    String son = name + "-son" + m;
                    scenario.persons.add(new MatchingSimulation.Person(son, group, donors));
                    if (pattern == 1 || pattern == 3) {
                        typings.reference(son, name + "-grandparent", true, grandparentsLine);
                    }
                    if (pattern != 1) {
                        typings.reference(son, name + "-uncle", false, unclesLine);
                    }
                    if (target && random.nextInt(10) < 8) {
                        String id = son + "-remains";
                        double[] losses = {0, 0.1, 0.3, 0.5};
                        scenario.remains.put(id, scenario.simulate.degrade(scenario.simulate.child(parent, otherParent),
                                losses[random.nextInt(losses.length)]));
                        typings.remains(id, descent.mutated(grandparentsLine, 2, random));
                        scenario.truth.put(id, son);
                    }
                }
            }
            scenario.remains.put("stranger", scenario.simulate.founder());
            typings.remains("stranger", descent.mutated(descent.founder(random), 2, random));
            scenario.lines = typings.lines();
            return scenario;
        }

        /** A family's sons and each son's own donors, before they join the register. */
        private record Family(List<String> sons, String group, Map<String, List<FamilyReferences.Donor>> donors) {
            int references() {
                return donors.values().stream().mapToInt(List::size).sum();
            }
        }

        static Scenario draw(AlleleFrequencies europe, long seed) {
            return draw(europe, seed, false);
        }

        /** With {@code dropOut}, every remains is read as a degraded sample (allele drop-out 0.1, 0.2 or 0.3). */
        static Scenario draw(AlleleFrequencies europe, long seed, boolean dropOut) {
            Scenario scenario = new Scenario(europe, seed, dropOut);
            List<Family> families = new ArrayList<>();
            int targets = 3 + scenario.random.nextInt(3);
            for (int f = 0; f < targets; f++) {
                families.add(scenario.family("f" + f, true));
            }
            List<Family> decoys = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                decoys.add(scenario.family("decoy" + d, false));
            }
            scenario.mixUp(families, decoys);
            for (Family family : families) {
                family.sons().forEach(son -> scenario.persons.add(new MatchingSimulation.Person(son, family.group(),
                        family.donors().getOrDefault(son, List.of()))));
            }
            for (Family family : decoys) {
                family.sons().forEach(son -> scenario.persons.add(new MatchingSimulation.Person(son, family.group(),
                        family.donors().getOrDefault(son, List.of()))));
            }
            StrProfile stranger = scenario.simulate.founder();
            scenario.remains.put("stranger", dropOut ? scenario.simulate.dropOut(stranger, 0.2) : stranger);
            return scenario;
        }

        private Family family(String name, boolean remainsPresent) {
            StrProfile father = simulate.founder();
            StrProfile mother = simulate.founder();
            int roll = random.nextInt(10);
            int missing = !remainsPresent || roll < 6 ? 1 : roll < 9 ? 2 : 3;
            List<String> sons = new ArrayList<>();
            List<StrProfile> profiles = new ArrayList<>();
            for (int m = 0; m < missing; m++) {
                sons.add(name + "-son" + m);
                profiles.add(simulate.child(father, mother));
            }
            boolean groupStated = missing > 1 && random.nextInt(10) < 7;
            Map<String, List<FamilyReferences.Donor>> donors = new LinkedHashMap<>();
            List<FamilyReferences.Donor> first = new ArrayList<>();
            int pattern = remainsPresent ? random.nextInt(7) : 0;
            if (pattern == 0 || pattern == 1 || pattern == 4 || pattern == 5) {
                first.add(new FamilyReferences.Donor(name + "-mother", Relation.PARENT, mother));
            }
            if (pattern == 0 || pattern == 2) {
                first.add(new FamilyReferences.Donor(name + "-father", Relation.PARENT, father));
            }
            if (pattern == 3 || pattern == 4) {
                first.add(new FamilyReferences.Donor(name + "-brother", Relation.FULL_SIBLING, simulate.child(father, mother)));
            }
            if (pattern == 5) {
                first.add(new FamilyReferences.Donor(name + "-effects", Relation.IDENTITY, profiles.get(0)));
            }
            if (pattern == 6) {
                first.add(new FamilyReferences.Donor(name + "-child", Relation.CHILD,
                        simulate.child(profiles.get(0), simulate.founder())));
            }
            donors.put(sons.get(0), first);
            if (!groupStated) {
                // Each other son's file has its own copy of his parents' and brothers' samples, perhaps on another kit.
                for (String son : sons.subList(1, sons.size())) {
                    List<FamilyReferences.Donor> copies = new ArrayList<>();
                    for (FamilyReferences.Donor donor : first) {
                        if (donor.relation() == Relation.PARENT || donor.relation() == Relation.FULL_SIBLING) {
                            StrProfile typed = random.nextBoolean() ? donor.profile()
                                    : MatchingSimulation.typedOn(donor.profile(), MatchingSimulation.LOCI_15);
                            copies.add(new FamilyReferences.Donor(donor.id() + "-for-" + son, donor.relation(), typed));
                        }
                    }
                    donors.put(son, copies);
                }
            }
            if (remainsPresent) {
                double[] losses = {0, 0.1, 0.3, 0.5};
                for (int m = 0; m < missing; m++) {
                    if (random.nextInt(10) < 8) {
                        String id = sons.get(m) + "-remains";
                        StrProfile lost = simulate.degrade(profiles.get(m), losses[random.nextInt(losses.length)]);
                        remains.put(id, dropOut ? simulate.dropOut(lost, 0.1 * (1 + random.nextInt(3))) : lost);
                        truth.put(id, sons.get(m));
                    }
                }
            }
            return new Family(sons, groupStated ? name : null, donors);
        }

        /** A misattributed sample in a family with two or more references; an only reference exchanged. */
        private void mixUp(List<Family> families, List<Family> decoys) {
            if (random.nextInt(100) < 15) {
                List<Family> several = families.stream().filter(f -> f.references() >= 2).toList();
                if (!several.isEmpty()) {
                    Family family = several.get(random.nextInt(several.size()));
                    List<FamilyReferences.Donor> donors = new ArrayList<>(family.donors().get(family.sons().get(0)));
                    int at = random.nextInt(donors.size());
                    FamilyReferences.Donor wrong = donors.get(at);
                    donors.set(at, new FamilyReferences.Donor(wrong.id(), wrong.relation(), simulate.founder()));
                    family.donors().put(family.sons().get(0), donors);
                }
            } else if (random.nextInt(100) < 6) {
                // Two families' only samples exchanged at the laboratory (or a family's with a decoy family's).
                List<Family> single = families.stream().filter(f -> f.references() == 1
                        && f.donors().get(f.sons().get(0)).size() == 1).toList();
                if (!single.isEmpty()) {
                    Family family = single.get(random.nextInt(single.size()));
                    List<Family> others = new ArrayList<>(single);
                    others.remove(family);
                    Family other = others.isEmpty() ? decoys.get(random.nextInt(decoys.size()))
                            : others.get(random.nextInt(others.size()));
                    List<FamilyReferences.Donor> ours = family.donors().get(family.sons().get(0));
                    List<FamilyReferences.Donor> theirs = new ArrayList<>(other.donors().get(other.sons().get(0)));
                    FamilyReferences.Donor mine = ours.get(0);
                    FamilyReferences.Donor yours = theirs.get(0);
                    family.donors().put(family.sons().get(0), List.of(new FamilyReferences.Donor(mine.id(),
                            mine.relation(), yours.profile())));
                    theirs.set(0, new FamilyReferences.Donor(yours.id(), yours.relation(), mine.profile()));
                    other.donors().put(other.sons().get(0), theirs);
                    exchanged.addAll(family.sons());
                    exchanged.addAll(other.sons());
                }
            }
        }

        void count(Map<String, List<MatchingSimulation.Assessed>> assessed, Tally tally) {
            assessed.forEach((body, candidates) -> {
                String person = truth.get(body);
                String named = MatchingSimulation.undisputed(candidates);
                if (person == null) {
                    tally.strangers++;
                } else {
                    tally.remainsOfMissing++;
                }
                if (named != null && !named.equals(person)) {
                    if (exchanged.contains(named) || exchanged.contains(person)) {
                        tally.wrongUndisputedOnlyReferenceExchanged++;
                    } else {
                        tally.wrongUndisputed++;
                        if (tally.print) {
                            System.out.printf(Locale.ROOT, "WRONG: scenario %d, remains %s (%s) named %s; candidates %s;"
                                    + " persons %s%n", seed, body, person, named, candidates, persons);
                        }
                    }
                } else if (person != null && named != null) {
                    tally.correctUndisputed++;
                } else if (person != null && candidates.stream().anyMatch(c -> c.person().equals(person))) {
                    tally.correctFoundDisputed++;
                } else if (person != null) {
                    tally.notFound++;
                }
            });
        }
    }
}

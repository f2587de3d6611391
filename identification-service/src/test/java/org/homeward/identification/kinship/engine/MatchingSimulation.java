package org.homeward.identification.kinship.engine;

import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.HaplotypeFrequency;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MaternalLineComparison;
import org.homeward.identification.kinship.lineage.MtDatabase;
import org.homeward.identification.kinship.lineage.MtDifference;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLineComparison;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YMutationRates;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The background matching's decisions without its database, for seeded simulations (tests and the benchmark):
 * the same engine steps in the same order as {@code KinshipMatcher} (one relative's samples merged across files,
 * a stated group's references carried over,
 * one candidate per person (its strongest entry), every reference checked on its own, relatives shared across
 * candidates, the undisputed rule over the case's candidates and the same person elsewhere). Every missing
 * person is male or of unknown sex and still missing; the prior is the default's 1/N for a register of
 * {@link #REGISTER_SIZE}.
 */
public final class MatchingSimulation {

    /**
     * The prior is the service's default for a party's register of this many missing persons (1/N): the few
     * families of a scenario stand in a register of thousands, as the bodies of June 2025 did.
     */
    public static final int REGISTER_SIZE = 5_000;

    /** The 20 CODIS core loci and SE33: a 21-locus kit. */
    public static final List<String> LOCI_21;
    /** The first 15 of them: an older 15-locus kit. */
    public static final List<String> LOCI_15;

    static {
        List<String> loci = new ArrayList<>(Loci.CODIS_CORE);
        loci.add("SE33");
        LOCI_21 = List.copyOf(loci);
        LOCI_15 = List.copyOf(loci.subList(0, 15));
    }

    /**
     * A missing person: his id, the full-sibling group stated for him (null when none), his own typed donors,
     * and the missing persons stated as his parents.
     */
    public record Person(String id, String statedGroup, List<FamilyReferences.Donor> donors, Set<String> parents) {

        public Person(String id, String statedGroup, List<FamilyReferences.Donor> donors) {
            this(id, statedGroup, donors, Set.of());
        }
    }

    /** A Y-STR typing of one of a person's references, with its place on his paternal line. */
    public record YReference(String donorId, PaternalLine line, YHaplotype haplotype) {
    }

    /**
     * Y-STR typings, as the matcher weighs them (LineageEngine, KinshipMatcher): the operator's database, the
     * rates and the bound's confidence; each person's paternal-line references; the remains' haplotypes.
     */
    public record PaternalLines(HaplotypeDatabase database, YMutationRates rates, double confidence,
                                Map<String, List<YReference>> references, Map<String, YHaplotype> remains)
            implements Lines {

        @Override
        public List<UndisputedRule.Lineage> parts(String body, String person) {
            YHaplotype ofRemains = remains.get(body);
            List<LinePart> parts = new ArrayList<>();
            for (YReference reference : references.getOrDefault(person, List.of())) {
                YHaplotype shared = ofRemains.restrictedTo(reference.haplotype().loci().keySet());
                if (shared.loci().isEmpty()) {
                    continue;
                }
                HaplotypeFrequency frequency = counted(() -> database.frequencyOf(shared, confidence));
                PaternalLineComparison.Result result = PaternalLineComparison.compare(shared, reference.haplotype(),
                        reference.line(), rates, frequency == null ? NOT_COUNTED : frequency);
                parts.add(LinePart.of(reference.donorId(), reference.line().meioses(), shared.loci().size(),
                        result.numerator() == 0, frequency, result.likelihoodRatio()));
            }
            return LinePart.toRule("Y_STR", parts);
        }
    }

    /** An mtDNA typing of one of a person's references, with its place on his maternal line. */
    public record MtReference(String donorId, MaternalLine line, MtHaplotype sequence) {
    }

    /** mtDNA typings, as the matcher weighs them: the operator's database, the rate per meiosis, the confidence. */
    public record MaternalLines(MtDatabase database, double rate, double confidence,
                                Map<String, List<MtReference>> references, Map<String, MtHaplotype> remains)
            implements Lines {

        @Override
        public List<UndisputedRule.Lineage> parts(String body, String person) {
            MtHaplotype ofRemains = remains.get(body);
            List<LinePart> parts = new ArrayList<>();
            for (MtReference reference : references.getOrDefault(person, List.of())) {
                if (ofRemains.range().overlap(reference.sequence().range()).isEmpty()) {
                    continue;
                }
                MtDifference difference = MtDifference.between(ofRemains, reference.sequence());
                HaplotypeFrequency frequency = counted(() -> database.frequencyOf(ofRemains, difference.compared(),
                        confidence));
                MaternalLineComparison.Result result = MaternalLineComparison.weigh(difference, reference.line(), rate,
                        frequency == null ? NOT_COUNTED : frequency);
                parts.add(LinePart.of(reference.donorId(), reference.line().meioses(),
                        difference.compared().intervals().stream().mapToInt(i -> i.to() - i.from() + 1).sum(),
                        result.excludes(), frequency, result.likelihoodRatio()));
            }
            return LinePart.toRule("MT_DNA", parts);
        }
    }

    /** Lineage typings of remains and of references, weighed into the rule's parts as the matcher weighs them. */
    public sealed interface Lines permits PaternalLines, MaternalLines {
        /** Each person's references typed on the line. */
        Map<String, ? extends List<?>> references();

        /** The remains typed on the line, by id. */
        Map<String, ?> remains();

        default Set<String> typedRemains() {
            return remains().keySet();
        }

        default Set<String> personsOnALine() {
            return references().keySet();
        }

        /** The remains' comparisons with each of the person's references on this line (none if untyped). */
        List<UndisputedRule.Lineage> parts(String body, String person);
    }

    /** One comparison before the closest weighed one is chosen for the ratio (LineageEngine.part). */
    private record LinePart(String donor, int meioses, int compared, boolean excludes, boolean weighed, double lr) {
        static LinePart of(String donor, int meioses, int compared, boolean excludes, HaplotypeFrequency frequency,
                           double lr) {
            boolean weighed = frequency != null;
            return new LinePart(donor, meioses, compared, excludes, weighed, excludes ? 0 : weighed ? lr : 1);
        }

        /** The closest weighed comparison (fewest meioses, most compared) is the one in the ratio. */
        static List<UndisputedRule.Lineage> toRule(String method, List<LinePart> parts) {
            LinePart closest = parts.stream().filter(LinePart::weighed).min(Comparator.comparingInt(LinePart::meioses)
                    .thenComparing(Comparator.comparingInt(LinePart::compared).reversed())
                    .thenComparing(LinePart::donor)).orElse(null);
            return parts.stream().map(p -> new UndisputedRule.Lineage(method, p.lr(), p.excludes(), p == closest)).toList();
        }
    }

    private static HaplotypeFrequency counted(java.util.function.Supplier<HaplotypeFrequency> count) {
        try {
            return count.get();
        } catch (IllegalArgumentException nothingToCount) {
            return null;
        }
    }

    /** A candidate of one remains: the person, his ratio and the rule's verdict. */
    public record Assessed(String person, double lr, UndisputedRule.Verdict verdict) {
    }

    private final KinshipCalculator calculator;
    private final UndisputedRule rule;
    private final boolean familiesAlone;

    /**
     * With {@code familiesAlone}, the baseline the benchmark compares with: every family compared on its own, as
     * before family groups (no references carried over, no rival related, only stored rivals).
     */
    public MatchingSimulation(KinshipCalculator calculator, UndisputedRule rule, boolean familiesAlone) {
        this.calculator = calculator;
        this.rule = rule;
        this.familiesAlone = familiesAlone;
    }

    /** The same calculator and rule, comparing every family on its own. */
    public MatchingSimulation familiesAlone() {
        return new MatchingSimulation(calculator, rule, true);
    }

    /** The European table bundled with the service. */
    public static AlleleFrequencies europe() {
        try (var in = MatchingSimulation.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            return AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the service is configured by default: θ 0, proportional mutation at 0.002, reporting from LR 1,000. */
    public static MatchingSimulation withDefaults(AlleleFrequencies frequencies) {
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(frequencies, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        return new MatchingSimulation(calculator, UndisputedRule.defaults(1000), false);
    }

    /** Each remains' candidates, strongest first, with the verdict the matching would store. */
    public Map<String, List<Assessed>> assess(List<Person> persons, Map<String, StrProfile> remains) {
        return assess(persons, remains, null);
    }

    /**
     * The same, with the remains' and the references' Y-STR typings weighed as the matcher weighs them: every
     * reference of the line compared, the closest weighed one in the ratio, a family the parts raise above the
     * threshold (or typed on the line only) found too, the parts given to the rule.
     */
    public Map<String, List<Assessed>> assess(List<Person> persons, Map<String, StrProfile> remains, Lines lines) {
        double prior = 1.0 / REGISTER_SIZE;
        Map<String, List<FamilyReferences.Donor>> own = new HashMap<>();
        Map<String, Set<String>> byGroup = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        if (familiesAlone) {
            persons = persons.stream().map(p -> new Person(p.id(), null, p.donors())).toList();
        }
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        for (Person person : persons) {
            own.put(person.id(), person.donors());
            groupOf.put(person.id(), person.statedGroup() == null ? person.id() : person.statedGroup());
            if (person.statedGroup() != null) {
                byGroup.computeIfAbsent(person.statedGroup(), g -> new LinkedHashSet<>()).add(person.id());
            }
            for (String parent : person.parents()) {
                parents.computeIfAbsent(person.id(), c -> new LinkedHashSet<>()).add(parent);
                children.computeIfAbsent(parent, c -> new LinkedHashSet<>()).add(person.id());
            }
        }
        // A parent and his child are one family with their brothers (as the service's stated families).
        children.forEach((parent, sons) -> sons.forEach(son -> {
            String from = groupOf.get(son);
            String to = groupOf.get(parent);
            groupOf.replaceAll((person, group) -> group.equals(from) ? to : group);
        }));
        byGroup.clear();
        groupOf.forEach((person, group) -> byGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(person));
        FamilyGroups.SharedRelatives shared = FamilyGroups.SharedRelatives.of(own);
        if (!familiesAlone) {
            own.replaceAll((person, donors) -> donors.stream().map(shared::fullest).toList());
        }
        Map<String, List<FamilyReferences.Donor>> referencesOf = new LinkedHashMap<>();
        List<ReferenceIndex.Reference> references = new ArrayList<>();
        List<ReferenceIndex.FamilyPedigree> pedigrees = new ArrayList<>();
        for (Person person : persons) {
            Map<String, Set<String>> siblings = new HashMap<>();
            if (person.statedGroup() != null) {
                Set<String> others = new LinkedHashSet<>(persons.stream()
                        .filter(p -> person.statedGroup().equals(p.statedGroup())).map(Person::id).toList());
                others.remove(person.id());
                siblings.put(person.id(), others);
            }
            List<FamilyReferences.Donor> ofPerson = FamilyGroups.referencesOf(person.id(), own,
                    new FamilyGroups.Links(siblings, parents, children));
            if (ofPerson.isEmpty()) {
                continue;
            }
            try {
                FamilyReferences.Entries entries = FamilyReferences.of(person.id(), ofPerson);
                references.addAll(entries.references());
                pedigrees.addAll(entries.pedigrees());
                referencesOf.put(person.id(), ofPerson);
            } catch (Pedigree.Refused e) {
                // As the service: a family that cannot be drawn is left out, the others are searched.
            }
        }
        ReferenceIndex index = ReferenceIndex.of(calculator, references, pedigrees);

        record Found(String person, LikelihoodRatio lr, List<ReferenceCheck> checks, List<UndisputedRule.Lineage> lineage) {
            double combined() {
                double combined = lr.total();
                for (UndisputedRule.Lineage part : lineage) {
                    combined *= part.inRatio() && !part.excludes() ? part.lr() : 1;
                }
                return combined;
            }
        }
        Map<String, List<Found>> found = new LinkedHashMap<>();
        for (Map.Entry<String, StrProfile> body : remains.entrySet()) {
            List<Found> ofBody = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (KinshipSearch.Candidate candidate : KinshipSearch.search(index, body.getValue(), rule.reportingThreshold(),
                    prior)) {
                if (seen.add(candidate.family())) {
                    List<ReferenceCheck> checks = referencesOf.get(candidate.family()).stream()
                            .map(d -> ReferenceCheck.of(calculator, d.id(), d.relation(), body.getValue(), d.profile()))
                            .toList();
                    ofBody.add(new Found(candidate.family(), candidate.lr(), checks,
                            parts(lines, body.getKey(), candidate.family())));
                }
            }
            // As the matcher: a person of a line under the autosomal threshold, or typed on the line only, is found
            // when his parts raise his strongest entry (an autosomal ratio of 1 where he has none) above it.
            if (lines != null && lines.typedRemains().contains(body.getKey())) {
                for (String person : lines.personsOnALine()) {
                    if (seen.contains(person)) {
                        continue;
                    }
                    List<UndisputedRule.Lineage> parts = parts(lines, body.getKey(), person);
                    List<FamilyReferences.Donor> donors = referencesOf.getOrDefault(person, List.of());
                    LikelihoodRatio autosomal = donors.isEmpty() ? LINEAGE_ONLY : best(person, donors, body.getValue(), prior);
                    Found f = new Found(person, autosomal, donors.stream().map(d -> ReferenceCheck.of(calculator, d.id(),
                            d.relation(), body.getValue(), d.profile())).toList(), parts);
                    if (!parts.isEmpty() && (autosomal.total() >= rule.reportingThreshold()
                            || f.combined() >= rule.reportingThreshold())) {
                        seen.add(person);
                        ofBody.add(f);
                    }
                }
            }
            ofBody.sort(Comparator.comparingDouble(Found::combined).reversed());
            found.put(body.getKey(), ofBody);
        }

        Map<String, List<Assessed>> assessed = new LinkedHashMap<>();
        found.forEach((body, ofBody) -> {
            // Related persons under the reporting threshold are rivals too (never judged themselves).
            List<Found> weighed = new ArrayList<>(ofBody);
            Set<String> present = new HashSet<>(ofBody.stream().map(Found::person).toList());
            for (Found f : familiesAlone ? List.<Found>of() : ofBody) {
                Set<String> related = new LinkedHashSet<>(byGroup.getOrDefault(groupOf.get(f.person()), Set.of()));
                related.remove(f.person());
                related.addAll(shared.sharing(f.person(), referencesOf.get(f.person())));
                for (String other : related) {
                    if (present.add(other) && referencesOf.containsKey(other)) {
                        FamilyReferences.Entries entries = FamilyReferences.of(other, referencesOf.get(other));
                        List<ReferenceCheck> checks = referencesOf.get(other).stream().map(d -> ReferenceCheck.of(
                                calculator, d.id(), d.relation(), remains.get(body), d.profile())).toList();
                        KinshipSearch.search(ReferenceIndex.of(calculator, entries.references(), entries.pedigrees()),
                                        remains.get(body), 0, prior).stream().findFirst()
                                .ifPresent(best -> weighed.add(new Found(other, best.lr(), checks,
                                        parts(lines, body, other))));
                    }
                }
            }
            List<Map<String, Relation>> relatives = familiesAlone
                    ? weighed.stream().map(f -> Map.of(f.person(), Relation.IDENTITY)).toList()
                    : FamilyGroups.relatives(weighed.stream().map(f -> referencesOf.getOrDefault(f.person(), List.of()))
                    .toList());
            List<UndisputedRule.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < weighed.size(); i++) {
                Found f = weighed.get(i);
                candidates.add(new UndisputedRule.Candidate(f.combined(), prior, f.lr().lociCompared(), true, f.checks(),
                        false, groupOf.getOrDefault(f.person(), f.person()), relatives.get(i), f.lr().perLocus(),
                        // No party policy (the default has none): the methods per donor are not needed.
                        f.lr().total(), f.lineage(), Map.of()));
            }
            List<Assessed> verdicts = new ArrayList<>();
            for (int i = 0; i < ofBody.size(); i++) {
                String person = ofBody.get(i).person();
                double elsewhere = found.entrySet().stream().filter(e -> !e.getKey().equals(body))
                        .flatMap(e -> e.getValue().stream()).filter(f -> f.person().equals(person))
                        .mapToDouble(f -> Math.max(f.combined(), f.lr().total())).max().orElse(0);
                verdicts.add(new Assessed(person, ofBody.get(i).combined(), rule.judge(candidates, i, elsewhere)));
            }
            assessed.put(body, verdicts);
        });
        return assessed;
    }

    /** The autosomal ratio of a person typed on lineage markers only: no autosomal evidence either way. */
    private static final LikelihoodRatio LINEAGE_ONLY = new LikelihoodRatio(1, Map.of(), "lineage only");

    /** What stands for a frequency that could not be counted (LineageEngine's): the part is then not weighed. */
    private static final HaplotypeFrequency NOT_COUNTED = new HaplotypeFrequency(0, 0, 0, 1);

    /** A person's strongest entry for the remains at any ratio (as storeUnderThreshold searches his family). */
    private LikelihoodRatio best(String person, List<FamilyReferences.Donor> donors, StrProfile query, double prior) {
        FamilyReferences.Entries entries = FamilyReferences.of(person, donors);
        return KinshipSearch.search(ReferenceIndex.of(calculator, entries.references(), entries.pedigrees()), query, 0,
                prior).stream().findFirst().map(KinshipSearch.Candidate::lr).orElse(LINEAGE_ONLY);
    }

    private static List<UndisputedRule.Lineage> parts(Lines lines, String body, String person) {
        return lines == null || !lines.typedRemains().contains(body) ? List.of() : lines.parts(body, person);
    }

    /** The person named undisputed for the remains, or null. */
    public static String undisputed(List<Assessed> candidates) {
        return candidates.stream().filter(a -> a.verdict().undisputed()).map(Assessed::person).findFirst().orElse(null);
    }

    /** The profile restricted to the given loci (a sample typed on a smaller kit). */
    public static StrProfile typedOn(StrProfile profile, List<String> loci) {
        Map<String, Genotype> kept = new LinkedHashMap<>();
        loci.forEach(locus -> {
            if (profile.at(locus) != null) {
                kept.put(locus, profile.at(locus));
            }
        });
        return new StrProfile(kept);
    }
}

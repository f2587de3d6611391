package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's fast search against brute force (the calculator over every pair), on synthetic families drawn
 * from the European table: every relationship, pedigrees of several relatives, degraded profiles (loci lost,
 * and allele drop-out on either side), alleles the table lacks, with the default mutation model.
 */
class SearchMatchesBruteForceTest {

    private static final double THRESHOLD = 10;
    private static AlleleFrequencies europe;
    private static KinshipCalculator calculator;
    private static List<ReferenceIndex.Reference> references;
    private static List<ReferenceIndex.FamilyPedigree> pedigrees;
    private static Map<String, StrProfile> queries;

    @BeforeAll
    static void families() throws IOException {
        europe = europe();
        calculator = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        ProfileSimulator simulate = new ProfileSimulator(europe, 20250602L, Loci.CODIS_CORE);
        references = new ArrayList<>();
        pedigrees = new ArrayList<>();
        queries = new TreeMap<>();
        Relation[] relations = Relation.values();
        for (int f = 0; f < 240; f++) {
            String family = "family-" + f;
            StrProfile grandfather = simulate.founder();
            StrProfile grandmother = simulate.founder();
            StrProfile father = simulate.child(grandfather, grandmother);
            StrProfile uncle = simulate.child(grandfather, grandmother);
            StrProfile mother = simulate.founder();
            StrProfile missing = simulate.child(father, mother);
            StrProfile sibling = simulate.child(father, mother);
            StrProfile halfSibling = simulate.child(father, simulate.founder());
            StrProfile son = simulate.child(missing, simulate.founder());
            StrProfile cousin = simulate.child(uncle, simulate.founder());
            if (f % 8 == 7) {
                pedigrees.add(new ReferenceIndex.FamilyPedigree("ref-" + f, family, KinshipCalculator.trioPedigree(),
                        Relation.MISSING, Map.of("father", father, "mother", simulate.degrade(mother, 0.2))));
            } else {
                Relation relation = relations[f % relations.length];
                StrProfile reference = switch (relation) {
                    case IDENTITY -> f % 16 == 0 ? simulate.dropOut(missing, 0.2) : simulate.degrade(missing, 0.3);
                    case PARENT -> father;
                    case CHILD -> son;
                    case FULL_SIBLING -> sibling;
                    case HALF_SIBLING -> halfSibling;
                    case GRANDPARENT -> grandfather;
                    case UNCLE_OR_AUNT -> uncle;
                    case FIRST_COUSIN -> cousin;
                };
                if (f % 37 == 5) {
                    reference = withAllele(reference, "D21S11", "99");
                }
                references.add(new ReferenceIndex.Reference("ref-" + f, family, relation, reference));
            }
            if (f % 6 == 0 || f % 8 == 7) {
                queries.put(family, simulate.degrade(missing, 0.25));
            }
            if (f % 10 == 3 || f % 8 == 7 && f % 16 == 15) {
                queries.put("dropout-" + family, simulate.dropOut(missing, 0.15));
            }
        }
        for (int u = 0; u < 6; u++) {
            queries.put("unrelated-" + u, simulate.founder());
        }
        queries.put("unseen-allele", withAllele(queries.get("family-0"), "TH01", "12.2"));
    }

    @Test
    void theIndexFindsExactlyWhatBruteForceFinds() {
        ReferenceIndex index = ReferenceIndex.of(calculator, references, pedigrees);
        assertThat(index.size()).isEqualTo(240);

        int compared = 0;
        for (Map.Entry<String, StrProfile> query : queries.entrySet()) {
            Map<String, Double> fast = new HashMap<>();
            index.search(query.getValue(), THRESHOLD).forEach(m -> fast.put(m.id(), m.lr()));
            Map<String, Double> brute = bruteForce(query.getValue());

            assertThat(fast.keySet()).as(query.getKey()).isEqualTo(brute.keySet());
            brute.forEach((id, lr) -> assertThat(Math.abs(fast.get(id) - lr))
                    .as("%s vs %s", query.getKey(), id).isLessThanOrEqualTo(1e-9 * lr));
            compared += brute.size();
        }
        assertThat(compared).as("matches compared").isGreaterThan(30);
        assertThat(queries.values().stream().filter(q -> q.dropout() > 0)
                .filter(q -> q.loci().values().stream().anyMatch(Genotype::homozygous)).count())
                .as("queries with drop-out").isGreaterThan(20);
    }

    /** Not only the matches: every pair's ratio, with and without mutation, equals the calculator's. */
    @Test
    void everyRatioOfTheIndexIsTheCalculators() {
        for (MutationModel mutation : List.of(MutationModel.none(),
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE))) {
            KinshipCalculator withModel = new KinshipCalculator(new KinshipModel(europe, 0, mutation));
            ReferenceIndex index = ReferenceIndex.of(withModel, references, pedigrees);
            for (Map.Entry<String, StrProfile> query : queries.entrySet()) {
                Map<String, Double> fast = new HashMap<>();
                index.search(query.getValue(), 0).forEach(m -> fast.put(m.id(), m.lr()));
                Map<String, Double> brute = bruteForce(withModel, query.getValue(), 0);
                assertThat(fast.keySet()).as(query.getKey()).isEqualTo(brute.keySet());
                brute.forEach((id, lr) -> assertThat(Math.abs(fast.get(id) - lr)).as("%s vs %s (%s)", query.getKey(), id,
                        mutation.kind()).isLessThanOrEqualTo(1e-9 * Math.max(lr, fast.get(id))));
            }
        }
    }

    /**
     * With θ the index screens at θ = 0 and keeps what the θ calculator says: on these families, exactly what
     * brute force with θ finds at the threshold (so the screen missed none), with the θ calculator's numbers.
     */
    @Test
    void withThetaTheNumbersKeptAreTheThetaCalculators() {
        KinshipCalculator withTheta = new KinshipCalculator(new KinshipModel(europe, 0.02, calculator.model().mutation()));
        List<ReferenceIndex.Reference> nearer = references.stream()
                .filter(r -> r.relation() != Relation.FIRST_COUSIN).toList();
        ReferenceIndex index = ReferenceIndex.of(calculator, withTheta, nearer, pedigrees);
        int kept = 0;
        for (String name : List.of("family-0", "family-7", "dropout-family-3", "unrelated-0")) {
            StrProfile query = queries.get(name);
            Map<String, Double> found = new HashMap<>();
            KinshipSearch.search(index, query, THRESHOLD, 1.0 / 240).forEach(c -> found.put(c.referenceId(), c.lr().total()));
            Map<String, Double> brute = new HashMap<>();
            for (ReferenceIndex.Reference reference : nearer) {
                double lr = withTheta.pairwise(query, reference.profile(), reference.relation()).total();
                if (lr >= THRESHOLD) {
                    brute.put(reference.id(), lr);
                }
            }
            for (ReferenceIndex.FamilyPedigree family : pedigrees) {
                double lr = withTheta.pedigree(family.pedigree(), family.missing(), query, family.typed()).total();
                if (lr >= THRESHOLD) {
                    brute.put(family.id(), lr);
                }
            }
            assertThat(found.keySet()).as(name).isEqualTo(brute.keySet());
            brute.forEach((id, lr) -> assertThat(found.get(id)).as("%s vs %s", name, id)
                    .isCloseTo(lr, org.assertj.core.api.Assertions.within(1e-9 * lr)));
            kept += found.size();
        }
        assertThat(kept).as("candidates kept with θ").isGreaterThanOrEqualTo(3);
    }

    /** Merging a relative's alleles is exact only when mutations are proportional to frequencies. */
    @Test
    void theIndexRefusesModelsItCannotComputeExactly() {
        for (MutationModel.Kind kind : List.of(MutationModel.Kind.EQUAL, MutationModel.Kind.STEPWISE)) {
            KinshipCalculator other = new KinshipCalculator(new KinshipModel(europe, 0, MutationModel.of(kind, 0.002)));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReferenceIndex.of(other, references, pedigrees))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        KinshipCalculator withTheta = new KinshipCalculator(new KinshipModel(europe, 0.01, MutationModel.none()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReferenceIndex.of(withTheta, references, pedigrees))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRightFamilyRanksFirstForCloseRelatives() {
        ReferenceIndex index = ReferenceIndex.of(calculator, references, pedigrees);
        int found = 0;
        for (Map.Entry<String, StrProfile> query : queries.entrySet()) {
            if (!query.getKey().startsWith("family-")) {
                continue;
            }
            int f = Integer.parseInt(query.getKey().substring("family-".length()));
            Relation relation = f % 8 == 7 ? null : Relation.values()[f % Relation.values().length];
            if (relation != null && relation != Relation.IDENTITY && relation != Relation.PARENT && relation != Relation.CHILD) {
                continue;
            }
            List<KinshipSearch.Candidate> candidates = KinshipSearch.search(index, query.getValue(), THRESHOLD, 1.0 / 240);
            assertThat(candidates).as(query.getKey()).isNotEmpty();
            assertThat(candidates.get(0).family()).as(query.getKey()).isEqualTo(query.getKey());
            assertThat(candidates.get(0).rank()).isEqualTo(1);
            assertThat(candidates.get(0).lr().total()).isEqualTo(bruteForce(query.getValue()).get("ref-" + f));
            assertThat(candidates).isSortedAccordingTo(Comparator.comparingDouble(
                    (KinshipSearch.Candidate c) -> c.lr().total()).reversed());
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(5);
    }

    @Test
    void unrelatedProfilesReachNoCloseRelative() {
        ReferenceIndex index = ReferenceIndex.of(calculator, references, pedigrees);
        for (int u = 0; u < 6; u++) {
            assertThat(index.search(queries.get("unrelated-" + u), 1e6)).as("unrelated-" + u).isEmpty();
        }
    }

    private static Map<String, Double> bruteForce(StrProfile query) {
        return bruteForce(calculator, query, THRESHOLD);
    }

    private static Map<String, Double> bruteForce(KinshipCalculator calculator, StrProfile query, double threshold) {
        Map<String, Double> matches = new HashMap<>();
        for (ReferenceIndex.Reference reference : references) {
            double lr = calculator.pairwise(query, reference.profile(), reference.relation()).total();
            if (lr >= threshold) {
                matches.put(reference.id(), lr);
            }
        }
        for (ReferenceIndex.FamilyPedigree family : pedigrees) {
            double lr = calculator.pedigree(family.pedigree(), family.missing(), query, family.typed()).total();
            if (lr >= threshold) {
                matches.put(family.id(), lr);
            }
        }
        return matches;
    }

    private static StrProfile withAllele(StrProfile profile, String locus, String allele) {
        Map<String, Genotype> loci = new TreeMap<>(profile.loci());
        Genotype g = loci.getOrDefault(locus, new Genotype(allele, allele));
        loci.put(locus, new Genotype(g.first(), allele));
        return new StrProfile(loci);
    }

    static AlleleFrequencies europe() throws IOException {
        try (var in = SearchMatchesBruteForceTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            return AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}

package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every family reference, laid out for searching one profile against all of them at once.
 *
 * <p>A reference of one typed relative is a row of genotype codes, one short per locus (0: not typed), in
 * one flat array. For a query, each locus gets a table of likelihood ratios over every genotype a relative
 * could have, so scoring a reference is one lookup and one multiplication per locus. The table is exact
 * because the supported mutation models are lumpable and θ is 0: the ratio depends only on which of the
 * query's alleles the relative carries, so it is computed once per class ({a, b, other}) with the same
 * function the per-pair calculator uses, then spread over the genotypes. That merging of alleles somebody
 * does carry is exact only where mutating into an allele is proportional to its frequency: without mutation
 * and with the PROPORTIONAL model, not with EQUAL or STEPWISE, which the index refuses.
 *
 * <p>A family of several typed relatives is a pedigree: for each locus the index keeps the likelihood ratio
 * of every genotype the missing person could have, given the relatives (peeled once, when indexed), over
 * the family's alleles and one merged "other"; a query looks its genotype up.
 *
 * <p>References with an allele the frequency table lacks change that locus's renormalisation, so they are
 * scored pair by pair with the calculator, as brute force would. So are degraded samples (a drop-out
 * probability above 0), on either side: a lone allele read may hide one the other side carries, so the ratio
 * depends on the other side's very alleles, not only on which of the query's it shares. A degraded query
 * fills each locus's table lazily, one exact pairwise ratio per genotype the relatives have.
 */
public final class ReferenceIndex {

    /** One typed relative of a missing person ({@code family}); {@code id} names the reference. */
    public record Reference(String id, String family, Relation relation, StrProfile profile) {
    }

    /** Several typed relatives of the missing person, placed in a pedigree. */
    public record FamilyPedigree(String id, String family, Pedigree pedigree, String missing,
                                 Map<String, StrProfile> typed) {
    }

    /** A reference whose ratio reached the threshold. */
    public record Match(String id, String family, double lr) {
    }

    private final KinshipCalculator calculator;
    /** What explains a match: the screening calculator, or the same with a θ. */
    private final KinshipCalculator scoring;
    private final List<String> loci;
    private final List<Map<String, Integer>> alleleIds = new ArrayList<>();
    private final List<String[]> alleleNames = new ArrayList<>();
    private final Map<String, Integer> rowById = new HashMap<>();
    private final Map<String, FamilyPedigree> pedigreeById = new HashMap<>();
    private final int[] genotypeCounts;

    private final String[] ids;
    private final String[] families;
    private final byte[] relations;
    private final short[] codes;
    /** The index (in {@code loci}) of each column of {@code codes}. */
    private final int[] columns;
    private final int size;
    private final boolean[] relationPresent = new boolean[Relation.values().length];

    private final List<IndexedPedigree> pedigrees;
    private final List<Reference> irregular;
    private final List<FamilyPedigree> irregularPedigrees;
    private final List<String> excluded;

    private ReferenceIndex(KinshipCalculator calculator, KinshipCalculator scoring, List<Reference> references,
                           List<FamilyPedigree> pedigreeFamilies) {
        this.scoring = scoring;
        KinshipModel model = calculator.model();
        if (!supports(model)) {
            throw new IllegalArgumentException("The search index needs θ = 0 and the mutation model NONE or PROPORTIONAL");
        }
        this.calculator = calculator;
        this.loci = model.frequencies().locusNames();
        this.genotypeCounts = new int[loci.size()];
        for (int l = 0; l < loci.size(); l++) {
            Map<String, Integer> ids = new HashMap<>();
            for (String allele : model.frequencies().alleles(loci.get(l))) {
                ids.put(allele, ids.size());
            }
            alleleIds.add(ids);
            alleleNames.add(model.frequencies().alleles(loci.get(l)).toArray(String[]::new));
            genotypeCounts[l] = ids.size() * (ids.size() + 1) / 2;
        }
        List<Reference> regular = new ArrayList<>();
        this.irregular = new ArrayList<>();
        for (Reference reference : references) {
            (knowsEveryAllele(reference.profile()) && reference.profile().dropout() == 0 ? regular : irregular)
                    .add(reference);
        }
        this.size = regular.size();
        // Only the loci some reference has typed become columns: the rows stay as narrow as the data.
        this.columns = java.util.stream.IntStream.range(0, loci.size())
                .filter(l -> regular.stream().anyMatch(r -> r.profile().at(loci.get(l)) != null)).toArray();
        this.ids = new String[size];
        this.families = new String[size];
        this.relations = new byte[size];
        this.codes = new short[size * columns.length];
        for (int r = 0; r < size; r++) {
            Reference reference = regular.get(r);
            ids[r] = reference.id();
            if (rowById.put(reference.id(), r) != null) {
                throw new IllegalArgumentException("Reference ids are unique: " + reference.id());
            }
            families[r] = reference.family();
            relations[r] = (byte) reference.relation().ordinal();
            relationPresent[reference.relation().ordinal()] = true;
            for (int c = 0; c < columns.length; c++) {
                int l = columns[c];
                Genotype g = reference.profile().at(loci.get(l));
                codes[r * columns.length + c] = g == null ? 0 : (short) (1 + LocusModel.genotype(
                        alleleIds.get(l).get(g.first()), alleleIds.get(l).get(g.second())));
            }
        }
        this.pedigrees = new ArrayList<>();
        this.irregularPedigrees = new ArrayList<>();
        this.excluded = new ArrayList<>();
        for (FamilyPedigree family : pedigreeFamilies) {
            if (!consistent(family)) {
                excluded.add(family.id());
                continue;
            }
            pedigreeById.put(family.id(), family);
            if (family.typed().values().stream().allMatch(p -> knowsEveryAllele(p) && p.dropout() == 0)) {
                pedigrees.add(index(family));
            } else {
                irregularPedigrees.add(family);
            }
        }
    }

    /**
     * The threshold to screen a query at, so that no reference the scoring calculator puts at or above
     * {@code threshold} is missed: the threshold itself without θ; with θ, divided by β = (1+3θ)/(1-θ)² for each
     * locus of the query. β bounds LR_θ / LR_0 at one locus: a parent and child sharing a common allele rise by up
     * to (1+2θ), a locus explained by a mutation by about (1+2θ)/(1-θ). The bound is checked on random tables,
     * genotypes, relationships and readings (ThetaScreenBoundTest), not proven.
     */
    public double screeningThreshold(StrProfile query, double threshold) {
        double theta = scoring.model().theta();
        if (theta == 0) {
            return threshold;
        }
        return threshold / Math.pow(thetaBound(theta), query.loci().size());
    }

    /** β: the most θ raises one locus's ratio (see {@link #screeningThreshold}). */
    public static double thetaBound(double theta) {
        return (1 + 3 * theta) / ((1 - theta) * (1 - theta));
    }

    /** Whether the index computes exactly under this model (θ = 0; no mutation or PROPORTIONAL). */
    public static boolean supports(KinshipModel model) {
        MutationModel.Kind kind = model.mutation().kind();
        return model.theta() == 0 && model.silentFrequency() == 0 && (kind == MutationModel.Kind.NONE || kind == MutationModel.Kind.PROPORTIONAL);
    }

    public static ReferenceIndex of(KinshipCalculator calculator, List<Reference> references,
                                    List<FamilyPedigree> pedigrees) {
        return new ReferenceIndex(calculator, calculator, references, pedigrees);
    }

    /**
     * An index that screens with {@code screening} (θ = 0, exact tables) and explains each match with
     * {@code scoring}: the same frequencies and mutation model, with a θ. The numbers a search keeps are the
     * scoring calculator's. θ lowers the ratio of rare alleles shared but raises that of common ones (and of
     * loci explained by a mutation), so the screen runs under the threshold by a bound on that rise
     * ({@link #screeningThreshold}).
     */
    public static ReferenceIndex of(KinshipCalculator screening, KinshipCalculator scoring, List<Reference> references,
                                    List<FamilyPedigree> pedigrees) {
        if (scoring.model().frequencies() != screening.model().frequencies()
                || !scoring.model().mutation().equals(screening.model().mutation())
                || scoring.model().silentFrequency() != 0) {
            throw new IllegalArgumentException("The scoring calculator differs from the screening one only by θ");
        }
        return new ReferenceIndex(screening, scoring, references, pedigrees);
    }

    /**
     * Families left out because their own references contradict their pedigree (under this mutation
     * model): one such family must not stop the search of every other.
     */
    public List<String> excluded() {
        return List.copyOf(excluded);
    }

    private boolean consistent(FamilyPedigree family) {
        for (String locus : loci) {
            List<String> observed = new ArrayList<>();
            Map<Integer, double[]> typed = new HashMap<>();
            family.typed().forEach((member, profile) -> {
                Genotype g = profile.at(locus);
                if (g != null) {
                    observed.add(g.first());
                    observed.add(g.second());
                }
            });
            if (observed.isEmpty()) {
                continue;
            }
            LocusModel m = calculator.model().locus(locus, observed);
            family.typed().forEach((member, profile) -> {
                Genotype g = profile.at(locus);
                if (g != null) {
                    typed.put(family.pedigree().indexOf(member), Observation.of(m, g, profile.dropout()));
                }
            });
            if (PedigreeLikelihood.of(family.pedigree(), m, typed, List.of(), 0) == 0) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return size + irregular.size() + pedigrees.size() + irregularPedigrees.size();
    }

    /** Every reference whose ratio with the query is at least {@code threshold}, in index order. */
    public List<Match> search(StrProfile query, double threshold) {
        List<Match> matches = new ArrayList<>();
        scanRelatives(query, threshold, matches);
        boolean queryKnown = knowsEveryAllele(query) && query.dropout() == 0;
        for (IndexedPedigree family : pedigrees) {
            // An allele the table lacks renormalises the locus: such a query is scored exactly, pair by pair.
            double lr = queryKnown ? family.ratio(query) : calculator.pedigree(family.source.pedigree(),
                    family.source.missing(), query, family.source.typed()).total();
            if (lr >= threshold) {
                matches.add(new Match(family.id, family.family, lr));
            }
        }
        for (Reference reference : irregular) {
            double lr = calculator.pairwise(query, reference.profile(), reference.relation()).total();
            if (lr >= threshold) {
                matches.add(new Match(reference.id(), reference.family(), lr));
            }
        }
        for (FamilyPedigree family : irregularPedigrees) {
            double lr = calculator.pedigree(family.pedigree(), family.missing(), query, family.typed()).total();
            if (lr >= threshold) {
                matches.add(new Match(family.id(), family.family(), lr));
            }
        }
        return matches;
    }

    /**
     * The full, per-locus ratio of one match, recomputed by the scoring calculator (what an examiner reads). The
     * index keeps no profile objects for single relatives: the profile is decoded from its genotype codes.
     */
    public LikelihoodRatio explain(Match match, StrProfile query) {
        Integer row = rowById.get(match.id());
        if (row != null) {
            return scoring.pairwise(query, decode(row), Relation.values()[relations[row]]);
        }
        for (Reference reference : irregular) {
            if (reference.id().equals(match.id())) {
                return scoring.pairwise(query, reference.profile(), reference.relation());
            }
        }
        FamilyPedigree family = pedigreeById.get(match.id());
        if (family == null) {
            throw new IllegalArgumentException("No reference " + match.id() + " in this index");
        }
        return scoring.pedigree(family.pedigree(), family.missing(), query, family.typed());
    }

    private StrProfile decode(int row) {
        Map<String, Genotype> genotypes = new HashMap<>();
        for (int c = 0; c < columns.length; c++) {
            int l = columns[c];
            int code = codes[row * columns.length + c];
            if (code > 0) {
                genotypes.put(loci.get(l), genotypeOf(l, code));
            }
        }
        return new StrProfile(genotypes);
    }

    private void scanRelatives(StrProfile query, double threshold, List<Match> matches) {
        if (size == 0) {
            return;
        }
        int[] active = activeLoci(query);
        int width = columns.length;
        if (query.dropout() > 0) {
            scanRelativesWithDegraded(query, threshold, matches, active);
            return;
        }
        double[][][] tables = new double[relationPresent.length][][];
        for (int k = 0; k < relationPresent.length; k++) {
            if (relationPresent[k]) {
                tables[k] = queryTables(query, Relation.values()[k], active);
            }
        }
        for (int r = 0; r < size; r++) {
            double[][] table = tables[relations[r]];
            int base = r * width;
            double lr = 1;
            for (int a = 0; a < active.length; a++) {
                lr *= table[a][codes[base + active[a]]];
            }
            if (lr >= threshold) {
                matches.add(new Match(ids[r], families[r], lr));
            }
        }
    }

    /**
     * The same scan for a degraded query: each table entry is the exact pairwise ratio against that very
     * genotype, computed the first time a relative has it (NaN until then).
     */
    private void scanRelativesWithDegraded(StrProfile query, double threshold, List<Match> matches, int[] active) {
        int width = columns.length;
        double[][][] tables = new double[relationPresent.length][][];
        for (int r = 0; r < size; r++) {
            int k = relations[r];
            if (tables[k] == null) {
                tables[k] = new double[active.length][];
                for (int a = 0; a < active.length; a++) {
                    tables[k][a] = new double[genotypeCounts[columns[active[a]]] + 1];
                    Arrays.fill(tables[k][a], Double.NaN);
                    tables[k][a][0] = 1;
                }
            }
            int base = r * width;
            double lr = 1;
            for (int a = 0; a < active.length; a++) {
                int code = codes[base + active[a]];
                double ratio = tables[k][a][code];
                if (Double.isNaN(ratio)) {
                    ratio = tables[k][a][code] = degradedRatio(query, Relation.values()[k], columns[active[a]], code);
                }
                lr *= ratio;
            }
            if (lr >= threshold) {
                matches.add(new Match(ids[r], families[r], lr));
            }
        }
    }

    private double degradedRatio(StrProfile query, Relation relation, int l, int code) {
        String locus = loci.get(l);
        StrProfile here = new StrProfile(Map.of(locus, query.at(locus)), query.dropout());
        return calculator.pairwise(here, new StrProfile(Map.of(locus, genotypeOf(l, code))), relation).total();
    }

    /** The genotype a code stands for at a locus (code 0 is "not typed" and has none). */
    private Genotype genotypeOf(int l, int code) {
        int g = code - 1;
        int high = 0;
        while ((high + 1) * (high + 2) / 2 <= g) {
            high++;
        }
        int low = g - high * (high + 1) / 2;
        return new Genotype(alleleNames.get(l)[low], alleleNames.get(l)[high]);
    }

    private int[] activeLoci(StrProfile query) {
        List<Integer> active = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            if (query.at(loci.get(columns[c])) != null) {
                active.add(c);
            }
        }
        return active.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each active locus, the ratio for every genotype code a relative can have (code 0: untyped, 1). */
    private double[][] queryTables(StrProfile query, Relation relation, int[] active) {
        double[][] tables = new double[active.length][];
        for (int a = 0; a < active.length; a++) {
            int l = columns[active[a]];
            String locus = loci.get(l);
            Genotype q = query.at(locus);
            LocusModel m = calculator.model().locus(locus, List.of(q.first(), q.second()));
            int candidate = m.genotypeIndex(q);
            double[] byClass = new double[m.genotypeCount()];
            for (int h = 0; h < byClass.length; h++) {
                byClass[h] = calculator.locusRatio(m, relation, h, candidate);
            }
            // Global allele id -> the model's allele index: the query's alleles keep theirs, all others merge.
            int[] modelAllele = new int[alleleIds.get(l).size()];
            Arrays.fill(modelAllele, m.alleleCount() - 1);
            alleleIds.get(l).forEach((allele, id) -> {
                if (allele.equals(q.first()) || allele.equals(q.second())) {
                    modelAllele[id] = m.indexOf(allele);
                }
            });
            double[] table = new double[genotypeCounts[l] + 1];
            table[0] = 1;
            int n = modelAllele.length;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    table[1 + LocusModel.genotype(i, j)] = byClass[LocusModel.genotype(modelAllele[i], modelAllele[j])];
                }
            }
            tables[a] = table;
        }
        return tables;
    }

    private boolean knowsEveryAllele(StrProfile profile) {
        for (Map.Entry<String, Genotype> entry : profile.loci().entrySet()) {
            int l = loci.indexOf(entry.getKey());
            if (l < 0 || !alleleIds.get(l).containsKey(entry.getValue().first())
                    || !alleleIds.get(l).containsKey(entry.getValue().second())) {
                return false;
            }
        }
        return true;
    }

    private IndexedPedigree index(FamilyPedigree family) {
        int missing = family.pedigree().indexOf(family.missing());
        List<PedigreeLocus> perLocus = new ArrayList<>();
        for (String locus : loci) {
            List<String> observed = new ArrayList<>();
            Map<Integer, Genotype> typedHere = new HashMap<>();
            family.typed().forEach((member, profile) -> {
                Genotype g = profile.at(locus);
                if (g != null) {
                    typedHere.put(family.pedigree().indexOf(member), g);
                    observed.add(g.first());
                    observed.add(g.second());
                }
            });
            if (typedHere.isEmpty()) {
                continue;
            }
            LocusModel m = calculator.model().locus(locus, observed);
            Map<Integer, Integer> references = new HashMap<>();
            typedHere.forEach((member, g) -> references.put(member, m.genotypeIndex(g)));
            double withoutCandidate = PedigreeLikelihood.of(family.pedigree(), m, references);
            if (withoutCandidate == 0) {
                throw new Pedigree.Refused("Family " + family.family() + ": at " + locus
                        + " the references are inconsistent with the pedigree");
            }
            double[] lr = new double[m.genotypeCount()];
            for (int h = 0; h < lr.length; h++) {
                Map<Integer, Integer> with = new HashMap<>(references);
                with.put(missing, h);
                lr[h] = PedigreeLikelihood.of(family.pedigree(), m, with) / (withoutCandidate * m.founderProbability(h));
            }
            String[] alleles = new String[m.alleleCount()];
            for (int i = 0; i < alleles.length; i++) {
                alleles[i] = m.allele(i);
            }
            perLocus.add(new PedigreeLocus(locus, alleles, lr));
        }
        return new IndexedPedigree(family.id(), family.family(), family, perLocus);
    }

    /**
     * A family's per-locus table: its alleles and the merged "other" (present unless the family carries
     * every allele of the table, when a known query allele is always one of them) and a ratio per genotype.
     */
    private record PedigreeLocus(String locus, String[] alleles, double[] lr) {
        double ratio(Genotype candidate) {
            return lr[LocusModel.genotype(local(candidate.first()), local(candidate.second()))];
        }

        private int local(String allele) {
            for (int i = 0; i < alleles.length; i++) {
                if (alleles[i].equals(allele)) {
                    return i;
                }
            }
            return alleles.length - 1;
        }
    }

    private record IndexedPedigree(String id, String family, FamilyPedigree source, List<PedigreeLocus> loci) {
        double ratio(StrProfile query) {
            double lr = 1;
            for (PedigreeLocus locus : loci) {
                Genotype g = query.at(locus.locus());
                if (g != null) {
                    lr *= locus.ratio(g);
                }
            }
            return lr;
        }
    }
}

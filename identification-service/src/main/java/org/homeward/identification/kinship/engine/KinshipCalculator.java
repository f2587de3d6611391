package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Likelihood ratios "related as stated" versus "unrelated", locus by locus. Closed forms are used where
 * they are exact (readings taken as read; any pair without mutation, parent/child and trio with it, θ = 0;
 * pairs without mutation with θ); everything else, and every pedigree of several relatives, goes through
 * the exact pedigree likelihood: LR = P(all readings | missing person in the pedigree) / P(references'
 * readings | pedigree, candidates unrelated), the candidates drawn from the references' subpopulation (θ).
 * A locus counts when the candidate and at least one reference are typed there.
 */
public final class KinshipCalculator {

    private final KinshipModel model;

    public KinshipCalculator(KinshipModel model) {
        this.model = model;
    }

    public KinshipModel model() {
        return model;
    }

    /**
     * The candidate (remains) is the missing person; the reference is related to him as stated. Readings
     * taken as read with θ = 0 go through the closed forms (and the pedigree where mutation needs it); θ
     * without mutation through the closed forms with θ; anything else (θ with mutation, a degraded sample, a
     * silent allele) through the pedigree likelihood with readings.
     */
    public LikelihoodRatio pairwise(StrProfile candidate, StrProfile reference, Relation relation) {
        boolean mutates = model.mutation().kind() != MutationModel.Kind.NONE && relation != Relation.IDENTITY;
        if (!readExactly(candidate, reference)) {
            return general(candidate, reference, relation);
        }
        if (model.theta() > 0) {
            return mutates ? general(candidate, reference, relation) : theta(candidate, reference, relation);
        }
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (String locus : shared(candidate, reference)) {
            Genotype c = candidate.at(locus);
            Genotype r = reference.at(locus);
            LocusModel m = model.locus(locus, List.of(c.first(), c.second(), r.first(), r.second()));
            perLocus.put(locus, locusRatio(m, relation, m.genotypeIndex(r), m.genotypeIndex(c)));
        }
        return LikelihoodRatio.of(perLocus, mutates && relation != Relation.PARENT ? "pedigree" : "closed-form");
    }

    /** Whether these readings are exact under this model: no drop-out in either sample, no silent allele. */
    private boolean readExactly(StrProfile... profiles) {
        if (model.silentFrequency() > 0) {
            return false;
        }
        for (StrProfile profile : profiles) {
            if (profile.dropout() > 0) {
                return false;
            }
        }
        return true;
    }

    /** A pair through the pedigree likelihood with readings and θ (identity: one person read twice). */
    private LikelihoodRatio general(StrProfile candidate, StrProfile reference, Relation relation) {
        if (relation != Relation.IDENTITY) {
            LikelihoodRatio lr = placed(relation.pedigree(), Map.of(Relation.MISSING, candidate),
                    Map.of(Relation.RELATIVE, reference));
            return LikelihoodRatio.of(lr.perLocus(), describe("pedigree"));
        }
        Pedigree one = new Pedigree(List.of(new Pedigree.Member(Relation.MISSING, null, null, Pedigree.Sex.UNKNOWN)));
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (String locus : shared(candidate, reference)) {
            Genotype c = candidate.at(locus);
            Genotype r = reference.at(locus);
            LocusModel m = model.locus(locus, List.of(c.first(), c.second(), r.first(), r.second()));
            double[] readC = Observation.of(m, c, candidate.dropout());
            double[] readR = Observation.of(m, r, reference.dropout());
            double[] both = new double[readC.length];
            for (int g = 0; g < both.length; g++) {
                both[g] = readC[g] * readR[g];
            }
            double same = PedigreeLikelihood.of(one, m, Map.of(0, both), List.of(), model.theta());
            double apart = PedigreeLikelihood.of(one, m, Map.of(0, readR), List.of(readC), model.theta());
            perLocus.put(locus, same / apart);
        }
        return LikelihoodRatio.of(perLocus, describe("identity"));
    }

    private String describe(String method) {
        return method + (model.theta() > 0 ? ", theta " + model.theta() : "")
                + (model.silentFrequency() > 0 ? ", silent allele " + model.silentFrequency() : "");
    }

    /**
     * One locus of a pairwise comparison (θ = 0) on a given locus model: the closed form where it is exact,
     * the pedigree otherwise. The search builds its per-query tables with this very function.
     */
    public double locusRatio(LocusModel m, Relation relation, int reference, int candidate) {
        boolean mutates = m.mutation() != null && relation != Relation.IDENTITY;
        if (!mutates || relation == Relation.PARENT) {
            return switch (relation) {
                case IDENTITY -> ClosedForms.identity(m, reference, candidate);
                case PARENT -> ClosedForms.parentOfMissing(m, reference, candidate);
                default -> ClosedForms.pairwise(m, relation, reference, candidate);
            };
        }
        Pedigree pedigree = relation.pedigree();
        int relative = pedigree.indexOf(Relation.RELATIVE);
        double referenceOnly = PedigreeLikelihood.of(pedigree, m, Map.of(relative, reference));
        double both = PedigreeLikelihood.of(pedigree, m, Map.of(relative, reference,
                pedigree.indexOf(Relation.MISSING), candidate));
        return both / (referenceOnly * m.founderProbability(candidate));
    }

    private LikelihoodRatio theta(StrProfile candidate, StrProfile reference, Relation relation) {
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (String locus : shared(candidate, reference)) {
            Genotype c = candidate.at(locus);
            Genotype r = reference.at(locus);
            LocusModel m = model.locus(locus, List.of(c.first(), c.second(), r.first(), r.second()));
            perLocus.put(locus, ClosedForms.pairwiseWithTheta(m, relation, m.genotypeIndex(r), m.genotypeIndex(c),
                    model.theta()));
        }
        return LikelihoodRatio.of(perLocus, "closed-form, theta " + model.theta());
    }

    /**
     * The same ratio through the generic pedigree likelihood, never a closed form (identity: one person read
     * twice), so the two can be checked against each other.
     */
    public LikelihoodRatio pairwiseByPedigree(StrProfile candidate, StrProfile reference, Relation relation) {
        return general(candidate, reference, relation);
    }

    /** Both parents of the missing person typed (θ, drop-out or a silent allele: through the pedigree). */
    public LikelihoodRatio trio(StrProfile candidate, StrProfile father, StrProfile mother) {
        if (model.theta() > 0 || !readExactly(candidate, father, mother)) {
            LikelihoodRatio lr = placed(trioPedigree(), Map.of(Relation.MISSING, candidate),
                    Map.of("father", father, "mother", mother));
            return LikelihoodRatio.of(lr.perLocus(), describe("pedigree"));
        }
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (String locus : candidate.loci().keySet()) {
            Genotype c = candidate.at(locus);
            Genotype f = father.at(locus);
            Genotype m = mother.at(locus);
            if (f == null || m == null) {
                // One parent typed here: the pedigree handles the locus exactly.
                Map<String, StrProfile> typed = new HashMap<>();
                if (f != null) {
                    typed.put("father", father);
                }
                if (m != null) {
                    typed.put("mother", mother);
                }
                if (!typed.isEmpty()) {
                    perLocus.put(locus, locusRatio(trioPedigree(), Map.of(Relation.MISSING, candidate), typed, locus));
                }
                continue;
            }
            LocusModel lm = model.locus(locus, List.of(c.first(), c.second(), f.first(), f.second(), m.first(), m.second()));
            perLocus.put(locus, ClosedForms.trio(lm, lm.genotypeIndex(f), lm.genotypeIndex(m), lm.genotypeIndex(c)));
        }
        return LikelihoodRatio.of(perLocus, "closed-form");
    }

    public static Pedigree trioPedigree() {
        return new Pedigree(List.of(new Pedigree.Member("father", null, null, Pedigree.Sex.MALE),
                new Pedigree.Member("mother", null, null, Pedigree.Sex.FEMALE),
                new Pedigree.Member(Relation.MISSING, "father", "mother", Pedigree.Sex.UNKNOWN)));
    }

    /**
     * The missing person's place in a pedigree of typed relatives, filled by the candidate: exact, never a
     * product of pairwise ratios.
     */
    public LikelihoodRatio pedigree(Pedigree pedigree, String missing, StrProfile candidate,
                                    Map<String, StrProfile> typed) {
        return placed(pedigree, Map.of(missing, candidate), typed);
    }

    /**
     * Several candidates placed at once, each in a missing person's place (dvir's joint hypotheses):
     * LR = P(references and candidates | pedigree) / (P(references | pedigree) · Π P(candidate)). A locus
     * counts when a placed candidate is typed there and someone else in the pedigree is too.
     */
    public LikelihoodRatio placed(Pedigree pedigree, Map<String, StrProfile> placed, Map<String, StrProfile> typed) {
        for (String id : placed.keySet()) {
            pedigree.indexOf(id);
            if (typed.containsKey(id)) {
                throw new Pedigree.Refused("The missing person '" + id + "' cannot also be a typed reference");
            }
        }
        typed.keySet().forEach(pedigree::indexOf);
        java.util.Set<String> loci = new java.util.TreeSet<>();
        placed.values().forEach(p -> loci.addAll(p.loci().keySet()));
        Map<String, Double> perLocus = new LinkedHashMap<>();
        for (String locus : loci) {
            long placedHere = placed.values().stream().filter(p -> p.at(locus) != null).count();
            boolean referenceHere = typed.values().stream().anyMatch(p -> p.at(locus) != null);
            if (placedHere > 0 && (referenceHere || placedHere > 1)) {
                perLocus.put(locus, locusRatio(pedigree, placed, typed, locus));
            }
        }
        return LikelihoodRatio.of(perLocus, "pedigree");
    }

    private double locusRatio(Pedigree pedigree, Map<String, StrProfile> placed, Map<String, StrProfile> typed,
                              String locus) {
        List<String> observed = new ArrayList<>();
        for (StrProfile profile : placed.values()) {
            addAlleles(observed, profile.at(locus));
        }
        for (StrProfile profile : typed.values()) {
            addAlleles(observed, profile.at(locus));
        }
        LocusModel m = model.locus(locus, observed);
        double theta = model.theta();
        Map<Integer, double[]> references = readings(pedigree, m, typed, locus);
        double withoutCandidates = PedigreeLikelihood.of(pedigree, m, references, List.of(), theta);
        if (withoutCandidates == 0) {
            throw new Pedigree.Refused("At " + locus + " the references are inconsistent with the pedigree"
                    + " under this mutation model (check the relationships or allow mutations)");
        }
        Map<Integer, double[]> withCandidates = new HashMap<>(references);
        List<double[]> candidates = new ArrayList<>();
        for (Map.Entry<Integer, double[]> entry : readings(pedigree, m, placed, locus).entrySet()) {
            withCandidates.put(entry.getKey(), entry.getValue());
            candidates.add(entry.getValue());
        }
        // Unrelated, the candidates are drawn from the references' subpopulation: with θ = 0 that is a product.
        double unrelated = theta == 0 ? withoutCandidates * candidates.stream()
                .mapToDouble(reading -> PedigreeLikelihood.independent(m, reading)).reduce(1, (x, y) -> x * y)
                : PedigreeLikelihood.of(pedigree, m, references, candidates, theta);
        return PedigreeLikelihood.of(pedigree, m, withCandidates, List.of(), theta) / unrelated;
    }

    private static void addAlleles(List<String> into, Genotype genotype) {
        if (genotype != null) {
            into.add(genotype.first());
            into.add(genotype.second());
        }
    }

    private static Map<Integer, double[]> readings(Pedigree pedigree, LocusModel m, Map<String, StrProfile> profiles,
                                                   String locus) {
        Map<Integer, double[]> readings = new HashMap<>();
        profiles.forEach((id, profile) -> {
            Genotype g = profile.at(locus);
            if (g != null) {
                readings.put(pedigree.indexOf(id), Observation.of(m, g, profile.dropout()));
            }
        });
        return readings;
    }

    private static List<String> shared(StrProfile a, StrProfile b) {
        return a.loci().keySet().stream().filter(b.loci()::containsKey).toList();
    }
}

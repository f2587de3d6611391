package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How much a family's references can tell, before any remains are compared (as forrel's missingPersonEP and
 * missingPersonIP do for a missing person):
 * <ul>
 *   <li>the exclusion power, EP: the probability that an unrelated person's profile is incompatible with a reference
 *       at some locus, computed exactly without mutation: a parent or a child must share an allele, both parents
 *       together must each have given one, personal effects must be the same genotype. One sibling or a further
 *       relative alone never excludes (EP 0). The family's joint EP (several siblings together, as forrel's
 *       missingPersonEP computes it) is not computed here: it is at least the best shown;</li>
 *   <li>the inclusion power, IP: the probability that the missing person's own remains reach the threshold, by
 *       simulation: his profile is drawn given the reference (ProfileSimulator.relative) or given both parents (a
 *       child of theirs), without mutation, lineage markers or degradation, and weighed as the matching weighs it
 *       (with its mutation model).</li>
 * </ul>
 * Each typed reference is weighed on its own, and two typed parents together; for a relative not yet typed, the IP
 * one such relative alone would give (he and the missing person both drawn), and, where one parent is typed, the IP
 * of the other beside him: whom to sample next. The family's other joint pedigrees (a parent with a sibling, several
 * siblings) are not simulated jointly.
 */
public final class ReferencePlanning {

    /**
     * The power of one reference, of two parents together, or of a relative not yet typed: EP (none for a relative
     * not yet typed), and IP at two thresholds: the reporting threshold (a candidate is shown) and the undisputed
     * rule's margin over it (what a candidate with no rival must reach; the rule's posterior and loci clauses may ask
     * more of a large register, so this is an upper bound on undisputed identifications).
     */
    public record Power(String subject, String relationship, Double exclusionPower, double inclusionPower,
                        double strongInclusionPower) {
    }

    /** The thresholds the IP is counted at. */
    public record Thresholds(double reporting, double strong) {
    }

    /** Counts of simulated remains reaching each threshold. */
    private static final class Tally {
        private final Thresholds thresholds;
        private int reporting;
        private int strong;
        private int runs;

        Tally(Thresholds thresholds) {
            this.thresholds = thresholds;
        }

        void add(double lr) {
            runs++;
            reporting += lr >= thresholds.reporting() ? 1 : 0;
            strong += lr >= thresholds.strong() ? 1 : 0;
        }

        Power power(String subject, String relationship, Double ep) {
            return new Power(subject, relationship, ep, (double) reporting / runs, (double) strong / runs);
        }
    }

    /** The relatives a laboratory may ask a family for, in the order of the question. */
    private static final List<Relation> TO_SAMPLE = List.of(Relation.PARENT, Relation.FULL_SIBLING, Relation.CHILD,
            Relation.HALF_SIBLING, Relation.UNCLE_OR_AUNT, Relation.FIRST_COUSIN);

    private ReferencePlanning() {
    }

    /** The power of each typed reference alone. */
    public static Power ofReference(KinshipCalculator calculator, AlleleFrequencies frequencies, ProfileSimulator simulate,
                                    FamilyReferences.Donor donor, Thresholds thresholds, int simulations) {
        Tally tally = new Tally(thresholds);
        for (int i = 0; i < simulations; i++) {
            StrProfile missing = simulate.relative(donor.profile(), donor.relation());
            tally.add(calculator.pairwise(missing, donor.profile(), donor.relation()).total());
        }
        double ep = switch (donor.relation()) {
            case PARENT, CHILD -> exclusionByOne(frequencies, donor.profile());
            case IDENTITY -> exclusionByIdentity(frequencies, donor.profile());
            default -> 0;
        };
        return tally.power(donor.id(), donor.relation().name(), ep);
    }

    /** The power of two typed parents together (the trio the matching weighs them as). */
    public static Power ofParents(KinshipCalculator calculator, AlleleFrequencies frequencies, ProfileSimulator simulate,
                                  FamilyReferences.Donor first, FamilyReferences.Donor second, Thresholds thresholds,
                                  int simulations) {
        Tally tally = new Tally(thresholds);
        for (int i = 0; i < simulations; i++) {
            StrProfile missing = simulate.child(first.profile(), second.profile());
            tally.add(calculator.trio(missing, first.profile(), second.profile()).total());
        }
        return tally.power(first.id() + "+" + second.id(), "PARENTS", exclusionByParents(frequencies, first.profile(),
                second.profile()));
    }

    /**
     * What to sample next: for each kind of relative not yet typed, the IP of one such relative on his own (he and
     * the missing person both drawn from the population), and, where exactly one parent is typed, of the other
     * parent beside him.
     */
    public static List<Power> untyped(KinshipCalculator calculator, Function<String, ProfileSimulator> simulators,
                                      List<FamilyReferences.Donor> typed, Thresholds thresholds, int simulations) {
        List<Power> powers = new ArrayList<>();
        List<FamilyReferences.Donor> parents = typed.stream().filter(d -> d.relation() == Relation.PARENT).toList();
        if (parents.size() == 1) {
            Tally tally = new Tally(thresholds);
            ProfileSimulator simulate = simulators.apply("other-parent");
            for (int i = 0; i < simulations; i++) {
                StrProfile other = simulate.founder();
                StrProfile missing = simulate.child(parents.get(0).profile(), other);
                tally.add(calculator.trio(missing, parents.get(0).profile(), other).total());
            }
            powers.add(tally.power("the other parent, beside " + parents.get(0).id(), "OTHER_PARENT", null));
        }
        Set<Relation> present = new HashSet<>();
        typed.forEach(d -> present.add(d.relation()));
        for (Relation relation : TO_SAMPLE) {
            if (relation == Relation.PARENT && parents.size() >= 2) {
                continue;
            }
            Tally tally = new Tally(thresholds);
            ProfileSimulator simulate = simulators.apply(relation.name());
            for (int i = 0; i < simulations; i++) {
                StrProfile relative = simulate.founder();
                StrProfile missing = simulate.relative(relative, relation);
                tally.add(calculator.pairwise(missing, relative, relation).total());
            }
            powers.add(tally.power((present.contains(relation) ? "one more " : "one ") + relation.name(),
                    relation.name(), null));
        }
        powers.sort((a, b) -> Double.compare(b.inclusionPower(), a.inclusionPower()));
        return powers;
    }

    /** The two typed parents, if the family has exactly two. */
    public static Optional<List<FamilyReferences.Donor>> parents(List<FamilyReferences.Donor> typed) {
        List<FamilyReferences.Donor> parents = typed.stream().filter(d -> d.relation() == Relation.PARENT).toList();
        return parents.size() == 2 ? Optional.of(parents) : Optional.empty();
    }

    /** EP of one parent or child: at some locus the random person shares neither of his alleles. */
    static double exclusionByOne(AlleleFrequencies frequencies, StrProfile reference) {
        double notExcluded = 1;
        for (var locus : reference.loci().entrySet()) {
            notExcluded *= sharesAnAllele(frequencies, locus.getKey(), locus.getValue());
        }
        return 1 - notExcluded;
    }

    /** EP of personal effects: at some locus the random person's genotype is not the effects' own. */
    static double exclusionByIdentity(AlleleFrequencies frequencies, StrProfile effects) {
        double notExcluded = 1;
        for (var locus : effects.loci().entrySet()) {
            Genotype g = locus.getValue();
            AlleleFrequencies.LocusAlleles table = frequencies.locus(locus.getKey(), List.of(g.first(), g.second()));
            notExcluded *= g.homozygous() ? Math.pow(p(table, g.first()), 2)
                    : 2 * p(table, g.first()) * p(table, g.second());
        }
        return 1 - notExcluded;
    }

    /** EP of two parents: at some locus the random person is no genotype a child of theirs can have. */
    static double exclusionByParents(AlleleFrequencies frequencies, StrProfile first, StrProfile second) {
        double notExcluded = 1;
        Set<String> loci = new java.util.TreeSet<>(first.loci().keySet());
        loci.addAll(second.loci().keySet());
        for (String locus : loci) {
            Genotype f = first.loci().get(locus);
            Genotype m = second.loci().get(locus);
            if (f == null || m == null) { // one parent typed here: it excludes as one parent does
                notExcluded *= sharesAnAllele(frequencies, locus, f == null ? m : f);
                continue;
            }
            AlleleFrequencies.LocusAlleles table = frequencies.locus(locus,
                    List.of(f.first(), f.second(), m.first(), m.second()));
            Set<Set<String>> children = new HashSet<>();
            for (String a : distinct(f)) {
                for (String b : distinct(m)) {
                    children.add(a.equals(b) ? Set.of(a) : Set.of(a, b));
                }
            }
            double compatible = 0;
            for (Set<String> child : children) {
                List<String> alleles = new ArrayList<>(child);
                compatible += alleles.size() == 1 ? Math.pow(p(table, alleles.get(0)), 2)
                        : 2 * p(table, alleles.get(0)) * p(table, alleles.get(1));
            }
            notExcluded *= compatible;
        }
        return 1 - notExcluded;
    }

    /** The probability that a random person shares at least one allele with the genotype (Hardy-Weinberg). */
    private static double sharesAnAllele(AlleleFrequencies frequencies, String locus, Genotype g) {
        AlleleFrequencies.LocusAlleles table = frequencies.locus(locus, List.of(g.first(), g.second()));
        double shared = 0;
        for (String allele : distinct(g)) {
            shared += p(table, allele);
        }
        return 1 - Math.pow(1 - shared, 2);
    }

    private static List<String> distinct(Genotype genotype) {
        return genotype.homozygous() ? List.of(genotype.first()) : List.of(genotype.first(), genotype.second());
    }

    private static double p(AlleleFrequencies.LocusAlleles table, String allele) {
        return table.frequencies()[table.indexOf(allele)];
    }
}

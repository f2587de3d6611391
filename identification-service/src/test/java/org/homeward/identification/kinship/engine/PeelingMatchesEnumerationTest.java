package org.homeward.identification.kinship.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peeling against the definition: on random loop-free pedigrees of up to seven members, several of them
 * typed, with random frequencies and mutation models, the likelihood equals the sum over every assignment
 * of genotypes to every member of founders' probabilities times children's transmission probabilities.
 */
class PeelingMatchesEnumerationTest {

    @Property(tries = 200)
    void peelingEqualsTheSumOverEveryGenotypeAssignment(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        double[] weights = random.doubles(3, 0.05, 1).toArray();
        double sum = weights[0] + weights[1] + weights[2];
        AlleleFrequencies table = AlleleFrequencies.parseCsv("random", new StringReader("locus,allele,frequency\n"
                + "L1,10," + weights[0] / sum + "\nL1,11," + weights[1] / sum + "\nL1,12," + weights[2] / sum + "\n"));
        MutationModel.Kind kind = MutationModel.Kind.values()[random.nextInt(MutationModel.Kind.values().length)];
        MutationModel mutation = MutationModel.of(kind, 0.001 + random.nextDouble() * 0.05);
        LocusModel model = LocusModel.of("L1", List.of("10", "11", "12"), table, mutation,
                locus -> mutation.matrix(locus, new String[]{"10", "11", "12"}, normalised(weights, sum)));
        Pedigree pedigree = randomPedigree(random);
        Map<Integer, Integer> typed = new HashMap<>();
        for (int member = 0; member < pedigree.size(); member++) {
            if (random.nextInt(3) > 0) {
                typed.put(member, random.nextInt(model.genotypeCount()));
            }
        }

        double peeled = PedigreeLikelihood.of(pedigree, model, typed);
        double enumerated = enumerate(pedigree, model, typed, new int[pedigree.size()], 0);

        assertThat(Math.abs(peeled - enumerated)).as("%s, %s, %s", pedigree.members(), typed, kind)
                .isLessThanOrEqualTo(1e-12 * Math.max(1e-300, enumerated) + 1e-300);
    }

    private static double[] normalised(double[] weights, double sum) {
        return new double[]{weights[0] / sum, weights[1] / sum, weights[2] / sum};
    }

    /** Founders, then children of a founder couple or of a child and a new founder: never a loop. */
    private static Pedigree randomPedigree(Random random) {
        List<Pedigree.Member> members = new ArrayList<>(List.of(new Pedigree.Member("f0", null, null, null),
                new Pedigree.Member("m0", null, null, null)));
        List<String[]> couples = new ArrayList<>();
        couples.add(new String[]{"f0", "m0"});
        int size = 3 + random.nextInt(5);
        for (int i = 0; members.size() < size; i++) {
            String[] couple = couples.get(random.nextInt(couples.size()));
            String child = "c" + i;
            members.add(new Pedigree.Member(child, couple[0], couple[1], null));
            if (random.nextBoolean() && members.size() < size - 1) {
                String spouse = "s" + i;
                members.add(new Pedigree.Member(spouse, null, null, null));
                couples.add(new String[]{child, spouse});
            }
        }
        return new Pedigree(members);
    }

    private static double enumerate(Pedigree pedigree, LocusModel model, Map<Integer, Integer> typed, int[] genotypes,
                                    int member) {
        if (member == pedigree.size()) {
            double p = 1;
            for (int i = 0; i < pedigree.size(); i++) {
                Pedigree.Member m = pedigree.members().get(i);
                p *= m.founder() ? model.founderProbability(genotypes[i])
                        : transmission(model, genotypes[pedigree.indexOf(m.father())], genotypes[pedigree.indexOf(m.mother())],
                        genotypes[i]);
            }
            return p;
        }
        double total = 0;
        for (int g = 0; g < model.genotypeCount(); g++) {
            if (typed.containsKey(member) && typed.get(member) != g) {
                continue;
            }
            genotypes[member] = g;
            total += enumerate(pedigree, model, typed, genotypes, member + 1);
        }
        return total;
    }

    /** P(child | father, mother) by definition: one allele from each, in either order for a heterozygote. */
    private static double transmission(LocusModel model, int father, int mother, int child) {
        double[][] t = model.transmission();
        int a = model.firstAllele(child);
        int b = model.secondAllele(child);
        return a == b ? t[father][a] * t[mother][a] : t[father][a] * t[mother][b] + t[father][b] * t[mother][a];
    }
}

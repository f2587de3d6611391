package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pedtools files: forrel's and pedprobr's published examples, written as pedtools writes them, give
 * their published values through the engine; and what PedFormat writes reads back to the same ratio.
 */
class PedFormatTest {

    /**
     * forrel's tests/testthat/test-kinshipLR.R, "kinshipLR() computes correctly in paternity case": father and
     * child both A/A at M1 (p = 0.05) and M2 (p = 0.1); the LR is 20 × 10 = 200. A is written 1, B 2.
     */
    @Test
    void forrelsPaternityCaseFromItsPedtoolsFiles() throws IOException {
        PedtoolsFiles.Loaded loaded = PedtoolsFiles.read("""
                id\tfid\tmid\tsex\tM1\tM2
                fa\t0\t0\t1\t1/1\t1/1
                mo\t0\t0\t2\t-/-\t-/-
                ch\tfa\tmo\t1\t1/1\t1/1
                """, """
                M1
                1\t0.05
                2\t0.95

                M2
                1\t0.1
                2\t0.9
                """);
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(loaded.frequencies(), 0, MutationModel.none()));

        LikelihoodRatio lr = calculator.pedigree(loaded.pedigree(), "ch", loaded.typed().get("ch"),
                Map.of("fa", loaded.typed().get("fa")));

        assertThat(lr.total()).isCloseTo(200, within(1e-9));
        assertThat(lr.perLocus().get("M1")).isCloseTo(20, within(1e-12));
        assertThat(lr.perLocus().get("M2")).isCloseTo(10, within(1e-12));
    }

    /** pedprobr's test-theta-correction.R: linearPed(2), member 5 A/A, p(A) = 0.3, θ = 0.01: likelihood 0.0921. */
    @Test
    void pedprobrsThetaExampleFromItsPedtoolsFiles() throws IOException {
        PedtoolsFiles.Loaded loaded = PedtoolsFiles.read("""
                id\tfid\tmid\tsex\tL
                1\t0\t0\t1\t-/-
                2\t0\t0\t2\t-/-
                3\t1\t2\t1\t-/-
                4\t0\t0\t2\t-/-
                5\t3\t4\t1\t1/1
                """, "L\n1\t0.3\n2\t0.7\n");
        LocusModel m = new KinshipModel(loaded.frequencies(), 0, MutationModel.none()).locus("L", List.of("1"));
        Pedigree pedigree = loaded.pedigree();

        double likelihood = PedigreeLikelihood.of(pedigree, m,
                Map.of(pedigree.indexOf("5"), Observation.exact(m, m.genotypeIndex(new Genotype("1", "1")))),
                List.of(), 0.01);

        assertThat(likelihood).isCloseTo(0.0921, within(1e-12));
    }

    /** What PedFormat writes is what pedtools reads: the layout, and the same ratio when read back. */
    @Test
    void aFamilyWrittenAndReadBackGivesTheSameRatio() throws IOException {
        AlleleFrequencies europe = SearchMatchesBruteForceTest.europe();
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(europe, 0, MutationModel.none()));
        ProfileSimulator simulate = new ProfileSimulator(europe, 7L, Loci.CODIS_CORE);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        StrProfile body = simulate.child(father, mother);
        StrProfile brother = simulate.child(father, mother);
        Pedigree family = new Pedigree(List.of(new Pedigree.Member("donor-f", null, null, Pedigree.Sex.UNKNOWN),
                new Pedigree.Member("mother", null, null, Pedigree.Sex.UNKNOWN),
                new Pedigree.Member(Relation.MISSING, "donor-f", "mother", Pedigree.Sex.UNKNOWN),
                new Pedigree.Member("donor-b", "donor-f", "mother", Pedigree.Sex.MALE)));
        Map<String, StrProfile> typed = Map.of("donor-f", father, "donor-b", brother);
        List<String> loci = List.copyOf(Loci.CODIS_CORE);

        PedFormat.Files files = PedFormat.write(family, Relation.MISSING, body, typed, loci, europe);

        List<String> lines = files.ped().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id\tfid\tmid\tsex\t" + String.join("\t", loci));
        assertThat(lines.get(1)).startsWith("donor-f\t0\t0\t1\t");
        assertThat(lines.get(2)).startsWith("mother\t0\t0\t2\t-/-\t-/-");
        assertThat(lines.get(3)).startsWith("MP\tdonor-f\tmother\t0\t");
        PedtoolsFiles.Loaded loaded = PedtoolsFiles.read(files.ped(), files.frequencies());
        for (String locus : loci) {
            double sum = java.util.Arrays.stream(loaded.frequencies().locus(locus, List.of()).frequencies()).sum();
            assertThat(sum).as(locus).isCloseTo(1, within(1e-9));
        }
        KinshipCalculator again = new KinshipCalculator(new KinshipModel(loaded.frequencies(), 0, MutationModel.none()));
        double direct = calculator.pedigree(family, Relation.MISSING, body, typed).total();
        double fromFiles = again.pedigree(loaded.pedigree(), PedFormat.MISSING, loaded.typed().get(PedFormat.MISSING),
                Map.of("donor-f", loaded.typed().get("donor-f"), "donor-b", loaded.typed().get("donor-b"))).total();
        assertThat(fromFiles).isCloseTo(direct, within(direct * 1e-9));
    }
}

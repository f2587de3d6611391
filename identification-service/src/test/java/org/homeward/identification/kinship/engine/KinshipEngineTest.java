package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.homeward.identification.kinship.engine.Pedigree.Member;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.FEMALE;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.MALE;

/** Profiles, frequencies, pedigrees and mutation: what is accepted, what is refused and why. */
class KinshipEngineTest {

    private static final String TABLE = "locus,allele,frequency\nD3S1358,15,0.25\nD3S1358,16,0.25\nD3S1358,17,0.5\n"
            + "vWA,14,0.1\nvWA,17,0.9\nPenta E,9.3,0.2\nPenta E,12,0.8\n";

    @Test
    void profilesAcceptAliasesMicrovariantsHomozygotesAndPartialLoci() throws IOException {
        AlleleFrequencies table = table();
        StrProfile profile = StrProfile.parse(Map.of("VWA", List.of("17"), "PENTA_E", List.of("12", "9.3"),
                "Amelogenin", List.of("X", "Y")), table.loci(), "profile");

        assertThat(profile.loci()).containsOnlyKeys("vWA", "Penta E");
        assertThat(profile.at("vWA")).isEqualTo(new Genotype("17", "17"));
        assertThat(profile.at("Penta E")).isEqualTo(new Genotype("9.3", "12"));
    }

    @Test
    void malformedProfilesAreRefusedWithEveryFieldNamed() throws IOException {
        AlleleFrequencies table = table();
        Map<String, List<String>> input = new LinkedHashMap<>();
        input.put("D3S1358", List.of("15", "OL"));
        input.put("D99S1", List.of("10", "11"));
        input.put("vWA", List.of("14", "15", "16"));
        input.put("V WA", List.of("14"));

        assertThatThrownBy(() -> StrProfile.parse(input, table.loci(), "profile"))
                .isInstanceOfSatisfying(StrProfile.Malformed.class, e -> assertThat(e.errors())
                        .extracting(StrProfile.FieldError::field)
                        .containsExactlyInAnyOrder("profile.D3S1358", "profile.vWA", "profile.V WA"));
        assertThatThrownBy(() -> StrProfile.parse(Map.of(), table.loci(), "profile"))
                .isInstanceOf(StrProfile.Malformed.class);
    }

    @Test
    void aThirdAlleleIsRefusedNamingTheLocusNeverTheAlleles() throws IOException {
        Map<String, List<String>> input = new LinkedHashMap<>();
        input.put("D3S1358", List.of("15", "16"));
        input.put("VWA", List.of("14", "17", "19"));

        assertThatThrownBy(() -> StrProfile.parse(input, table().loci(), "loci"))
                .isInstanceOfSatisfying(StrProfile.Malformed.class, e -> {
                    assertThat(e.errors()).extracting(StrProfile.FieldError::field).containsExactly("loci.VWA");
                    assertThat(e.errors().get(0).message()).contains("3 alleles at vWA", "mixture")
                            .doesNotContain("19");
                });
    }

    @Test
    void lociTheTableLacksAndSexOrYMarkersAreSetAsideAndListedNotRefused() throws IOException {
        Map<String, List<String>> input = new LinkedHashMap<>();
        input.put("D3S1358", List.of("15", "16"));
        input.put("D6S1043", List.of("11", "19"));
        input.put("DYS391", List.of("10"));
        input.put("Yindel", List.of("2"));
        input.put("DYS576", List.of("17"));
        input.put("AMEL", List.of("X", "Y"));

        StrProfile.Reading reading = StrProfile.read(input, table().loci(), "loci");

        assertThat(reading.profile().loci()).containsOnlyKeys("D3S1358");
        assertThat(reading.setAside()).containsExactly("D6S1043", "DYS391", "Yindel", "DYS576", "AMEL");
        assertThatThrownBy(() -> StrProfile.read(Map.of("D6S1043", List.of("11")), table().loci(), "loci"))
                .isInstanceOfSatisfying(StrProfile.Malformed.class, e -> assertThat(e.errors().get(0).message())
                        .contains("at least one autosomal locus"));
    }

    @Test
    void theOldNamesLaboratoriesStillWriteAreKnown() throws IOException {
        AlleleFrequencies table = AlleleFrequencies.parseCsv("aliases", new StringReader(
                "locus,allele,frequency\nTH01,6,0.5\nTH01,9.3,0.5\nFGA,21,0.5\nFGA,22,0.5\nSE33,27.2,0.5\nSE33,30,0.5\n"));
        Map<String, List<String>> input = new LinkedHashMap<>();
        input.put("THO1", List.of("6", "9.3"));
        input.put("FIBRA(FGA)", List.of("21"));
        input.put("ACTBP2", List.of("27.2", "30"));

        StrProfile.Reading reading = StrProfile.read(input, table.loci(), "loci");

        assertThat(reading.profile().loci()).containsOnlyKeys("TH01", "FGA", "SE33");
        assertThat(reading.setAside()).isEmpty();
        assertThat(StrProfile.parse(Map.of("FIBRA", List.of("22")), table.loci(), "loci").loci()).containsOnlyKeys("FGA");
    }

    @Test
    void unseenAllelesGetTheMinimumFrequencyAndTheLocusIsRenormalised() throws IOException {
        AlleleFrequencies.LocusAlleles locus = table().locus("vWA", List.of("21"));

        assertThat(locus.alleles()).containsExactly("14", "17", "21");
        // The table's minimum is 0.1; 0.1 / 1.1 and so on.
        assertThat(locus.frequencies()[2]).isCloseTo(0.1 / 1.1, within(1e-12));
        assertThat(locus.frequencies()[0] + locus.frequencies()[1] + locus.frequencies()[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void frequencyTablesAreReadStrictly() {
        assertThatThrownBy(() -> AlleleFrequencies.parseCsv("x", new StringReader("marker,allele,freq\n")))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> AlleleFrequencies.parseCsv("x", new StringReader("locus,allele,frequency\nL,10,1.5\n")))
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> AlleleFrequencies.parseCsv("x", new StringReader("locus,allele,frequency\nL,X,0.5\n")))
                .hasMessageContaining("not an allele");
    }

    @Test
    void aSingleParentChildInconsistencyLowersTheRatioInsteadOfZeroingIt() throws IOException {
        AlleleFrequencies table = table();
        StrProfile parent = new StrProfile(Map.of("D3S1358", new Genotype("15", "15")));
        StrProfile child = new StrProfile(Map.of("D3S1358", new Genotype("16", "17")));

        double without = new KinshipCalculator(new KinshipModel(table, 0, MutationModel.none()))
                .pairwise(child, parent, Relation.PARENT).total();
        for (MutationModel.Kind kind : List.of(MutationModel.Kind.EQUAL, MutationModel.Kind.PROPORTIONAL,
                MutationModel.Kind.STEPWISE)) {
            double with = new KinshipCalculator(new KinshipModel(table, 0, MutationModel.of(kind, 0.002)))
                    .pairwise(child, parent, Relation.PARENT).total();
            assertThat(with).as(kind.name()).isGreaterThan(0).isLessThan(0.05);
        }
        assertThat(without).isZero();
    }

    @Test
    void perLocusRatesOverrideTheDefault() throws IOException {
        AlleleFrequencies table = table();
        StrProfile parent = new StrProfile(Map.of("D3S1358", new Genotype("15", "15")));
        StrProfile child = new StrProfile(Map.of("D3S1358", new Genotype("16", "17")));
        MutationModel faster = new MutationModel(MutationModel.Kind.EQUAL, 0.002, Map.of("D3S1358", 0.004), 0.1, 1e-6);

        double lr = new KinshipCalculator(new KinshipModel(table, 0, faster)).pairwise(child, parent, Relation.PARENT).total();
        double base = new KinshipCalculator(new KinshipModel(table, 0, MutationModel.of(MutationModel.Kind.EQUAL, 0.002)))
                .pairwise(child, parent, Relation.PARENT).total();
        assertThat(lr / base).isCloseTo(2, within(0.01));
    }

    @Test
    void pedigreesWithLoopsOrTooManyMembersOrHalfKnownParentsAreRefused() {
        // Two brothers married to two sisters: a double first-cousin loop.
        List<Member> doubleCousins = List.of(new Member("gf1", null, null, MALE), new Member("gm1", null, null, FEMALE),
                new Member("gf2", null, null, MALE), new Member("gm2", null, null, FEMALE),
                new Member("b1", "gf1", "gm1", MALE), new Member("b2", "gf1", "gm1", MALE),
                new Member("s1", "gf2", "gm2", FEMALE), new Member("s2", "gf2", "gm2", FEMALE),
                new Member("c1", "b1", "s1", MALE), new Member("c2", "b2", "s2", MALE));
        assertThatThrownBy(() -> new Pedigree(doubleCousins)).isInstanceOf(Pedigree.Refused.class).hasMessageContaining("loop");

        List<Member> inbred = List.of(new Member("f", null, null, MALE), new Member("m", null, null, FEMALE),
                new Member("son", "f", "m", MALE), new Member("daughter", "f", "m", FEMALE),
                new Member("child", "son", "daughter", MALE));
        assertThatThrownBy(() -> new Pedigree(inbred)).hasMessageContaining("loop");

        List<Member> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add(new Member("m" + i, null, null, null));
        }
        assertThatThrownBy(() -> new Pedigree(many)).hasMessageContaining("at most 30");
        assertThatThrownBy(() -> new Pedigree(List.of(new Member("a", "b", null, MALE), new Member("b", null, null, MALE))))
                .hasMessageContaining("one parent");
        assertThatThrownBy(() -> new Pedigree(List.of(new Member("a", "b", "c", MALE), new Member("b", null, null, FEMALE),
                new Member("c", null, null, FEMALE)))).hasMessageContaining("father");
        assertThatThrownBy(() -> new Pedigree(List.of(new Member("a", "x", "y", MALE)))).hasMessageContaining("not a member");
    }

    /** Thirty members in a deep, wide tree still peel exactly (a grandparent is a grandparent however far). */
    @Test
    void aThirtyMemberPedigreeGivesTheGrandparentRatioOfItsRelevantPart() throws IOException {
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(table(), 0, MutationModel.none()));
        List<Member> members = new ArrayList<>(List.of(new Member("gp", null, null, MALE),
                new Member("gm", null, null, FEMALE), new Member("father", "gp", "gm", MALE),
                new Member("mother", null, null, FEMALE), new Member(Relation.MISSING, "father", "mother", MALE)));
        for (int i = 0; members.size() < 30; i++) {
            members.add(new Member("wife" + i, null, null, FEMALE));
            members.add(new Member("child" + i, "father", "wife" + i, MALE));
        }
        Pedigree big = new Pedigree(members.subList(0, 30));
        StrProfile grandfather = new StrProfile(Map.of("D3S1358", new Genotype("15", "16"), "vWA", new Genotype("14", "14")));
        StrProfile candidate = new StrProfile(Map.of("D3S1358", new Genotype("15", "17"), "vWA", new Genotype("14", "17")));

        double inBig = calculator.pedigree(big, Relation.MISSING, candidate, Map.of("gp", grandfather)).total();
        double closed = calculator.pairwise(candidate, grandfather, Relation.GRANDPARENT).total();
        assertThat(inBig).isCloseTo(closed, within(1e-12 * closed));
        assertThat(big.size()).isEqualTo(30);
    }

    @Test
    void posteriorFollowsFromTheRatioAndThePrior() {
        assertThat(LikelihoodRatio.posterior(1_000_000, 1.0 / 1000)).isCloseTo(1000 / 1000.999, within(1e-12));
        assertThat(LikelihoodRatio.posterior(1, 0.5)).isEqualTo(0.5);
        assertThatThrownBy(() -> LikelihoodRatio.posterior(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AlleleFrequencies table() throws IOException {
        return AlleleFrequencies.parseCsv("test", new StringReader(TABLE));
    }
}

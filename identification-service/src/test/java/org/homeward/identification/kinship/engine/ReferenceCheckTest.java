package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A reference compared on its own: the pairwise LR of its stated relationship and the loci that exclude it. */
class ReferenceCheckTest {

    private static final String TABLE = "locus,allele,frequency\nA,1,0.1\nA,2,0.2\nA,3,0.3\nA,4,0.4\n"
            + "B,1,0.25\nB,2,0.25\nB,3,0.5\nC,1,0.5\nC,2,0.5\n";

    @Test
    void aParentSharingNoAlleleAtTwoLociIsInconsistentThereAndItsRatioIsThePairwiseOne() throws Exception {
        AlleleFrequencies table = AlleleFrequencies.parseCsv("t", new StringReader(TABLE));
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(table, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        StrProfile body = StrProfile.parse(Map.of("A", List.of("1", "2"), "B", List.of("1", "1"), "C", List.of("1", "2")),
                table.loci(), "body");
        StrProfile notTheFather = StrProfile.parse(Map.of("A", List.of("3", "4"), "B", List.of("2", "3"),
                "C", List.of("2", "2")), table.loci(), "father");

        ReferenceCheck check = ReferenceCheck.of(calculator, "donor-1", Relation.PARENT, body, notTheFather);

        assertThat(check.inconsistentLoci()).containsExactly("A", "B");
        assertThat(check.lr()).isCloseTo(calculator.pairwise(body, notTheFather, Relation.PARENT).total(), within(1e-30));
        assertThat(check.lr()).isLessThan(1);
        // A sibling may share nothing: no locus excludes it, whatever its ratio.
        assertThat(ReferenceCheck.of(calculator, "donor-2", Relation.FULL_SIBLING, body, notTheFather).inconsistentLoci())
                .isEmpty();
        // A personal effect is the same person: any difference excludes it.
        assertThat(ReferenceCheck.of(calculator, "donor-3", Relation.IDENTITY, body, body).inconsistentLoci()).isEmpty();
    }

    /** A degraded sample read as one allele excludes nothing that allele's missing partner could be. */
    @Test
    void aLoneAlleleOfADegradedSampleExcludesOnlyWhatNoHiddenAlleleExplains() throws Exception {
        AlleleFrequencies table = AlleleFrequencies.parseCsv("t", new StringReader(TABLE));
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(table, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        StrProfile father = StrProfile.parse(Map.of("A", List.of("1", "3"), "B", List.of("1", "2")), table.loci(), "f");
        // Read exactly, A 2/2 shares nothing with the father 1/3; read with drop-out, it may be 2/1 or 2/3.
        StrProfile read = StrProfile.parse(Map.of("A", List.of("2"), "B", List.of("1", "3")), table.loci(), "body");

        assertThat(ReferenceCheck.of(calculator, "f", Relation.PARENT, read, father).inconsistentLoci()).containsExactly("A");
        assertThat(ReferenceCheck.of(calculator, "f", Relation.PARENT, read.withDropout(0.2), father).inconsistentLoci())
                .isEmpty();
        // The same person's effects 1/2 at A: a lone 1 or 2 may be them, a lone 4 cannot; B read in full must agree.
        StrProfile effects = StrProfile.parse(Map.of("A", List.of("1", "2"), "B", List.of("1", "3")), table.loci(), "e");
        assertThat(ReferenceCheck.of(calculator, "e", Relation.IDENTITY, read.withDropout(0.2), effects).inconsistentLoci())
                .isEmpty();
        StrProfile other = StrProfile.parse(Map.of("A", List.of("4"), "B", List.of("1", "2")), table.loci(), "o");
        assertThat(ReferenceCheck.of(calculator, "e", Relation.IDENTITY, other.withDropout(0.2), effects).inconsistentLoci())
                .containsExactly("A", "B");
    }
}

package org.homeward.identification.kinship.lineage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * mtDNA comparison along the maternal line against values worked out by hand from the documented rules (the expected
 * figures are literals, computed apart from the code), on a five-sequence synthetic database. The bound comes from
 * commons-math's iterative Beta quantile, accurate to about 1e-9 of its value: the tolerances say so.
 */
class MaternalLineComparisonTest {

    private static final String READ = "16024-16365 73-340";
    private static final double RATE = 0.01;
    private static final MtDatabase DATABASE = new MtDatabase("synthetic", List.of(
            MtHaplotype.parse(READ, "16189C 263G 315.1C"),
            MtHaplotype.parse(READ, "16189C 263G 309.1C 315.1C"),
            MtHaplotype.parse(READ, "16093C 16189C 263G"),
            MtHaplotype.parse("16024-16365", "16189C"),
            MtHaplotype.parse(READ, "16311C 263G")));
    /** The remains: a point heteroplasmy at 16093 (C and T), and HV2's C-stretch one base longer. */
    private static final MtHaplotype REMAINS = MtHaplotype.parse(READ, "16093Y 16189C 263G 315.1C");

    @Test
    void aMotherWithTheSameSequenceLengthAndHeteroplasmyAside() {
        MtHaplotype mother = MtHaplotype.parse(READ, "16189C 263G 309.1C 315.1C");
        MaternalLineComparison.Result result = MaternalLineComparison.compare(REMAINS, mother, MaternalLine.MOTHER,
                RATE, DATABASE, 0.95);
        assertThat(result.difference().differences()).isEmpty();
        assertThat(result.difference().sharedHeteroplasmies()).containsExactly("16093Y");
        // Length in the C-stretch is not compared, whether the two agree on it (315.1C) or not (309.1C).
        assertThat(result.difference().ignoredLengthVariants()).containsExactly("309.1C", "315.1C");
        // Counted over both ranges: the sequence read over HV1 only is not in the size; 16093C is covered by Y;
        // 16311C and the missing 16189C are differences. 3 of 4, bound 0.95^(1/4) (Beta(4, 1) is x^4).
        assertThat(result.frequency().count()).isEqualTo(3);
        assertThat(result.frequency().size()).isEqualTo(4);
        assertThat(result.frequency().upperBound()).isCloseTo(0.9872585449014338, within(1e-9));
        assertThat(result.numerator()).isEqualTo(0.99);
        assertThat(result.likelihoodRatio()).isCloseTo(1.0027768360301605, within(1e-9));
        assertThat(result.excludes()).isFalse();
        assertThat(result.inconclusive()).isFalse();
    }

    @Test
    void oneDifferenceIsInconclusiveAndTwoExclude() {
        MtHaplotype brother = MtHaplotype.parse(READ, "16189C 16311C 263G");
        MaternalLineComparison.Result one = MaternalLineComparison.compare(REMAINS, brother, MaternalLine.SIBLING, RATE,
                DATABASE, 0.95);
        assertThat(one.difference().differences()).containsExactly("16311C");
        assertThat(one.inconclusive()).isTrue();
        assertThat(one.numerator()).isCloseTo(2 * 0.01 * 0.99, within(1e-15));
        assertThat(one.likelihoodRatio()).isCloseTo(0.02005553672060321, within(1e-11));

        MtHaplotype stranger = MtHaplotype.parse(READ, "16311C 263G 152C");
        MaternalLineComparison.Result two = MaternalLineComparison.compare(REMAINS, stranger, MaternalLine.SIBLING, RATE,
                DATABASE, 0.95);
        assertThat(two.difference().differences()).containsExactly("152C", "16189C", "16311C");
        assertThat(two.excludes()).isTrue();
        assertThat(two.likelihoodRatio()).isZero();
    }

    @Test
    void onlyThePositionsBothReadAreCompared() {
        // The reference was read over HV1 only: 263G of the remains is outside it, neither match nor difference.
        MtHaplotype hv1 = MtHaplotype.parse("16024-16365", "16189C");
        MtDifference difference = MtDifference.between(REMAINS, hv1);
        assertThat(difference.compared()).hasToString("16024-16365");
        assertThat(difference.differences()).isEmpty();
        assertThat(difference.sharedHeteroplasmies()).containsExactly("16093Y");
    }

    @Test
    void notationAsLaboratoriesWriteIt() {
        assertThat(MtVariant.parse("249DEL")).isEqualTo(MtVariant.parse("249-"));
        assertThat(MtVariant.parse("249del").lengthVariant()).isTrue();
        assertThat(MtVariant.parse("315.1C")).hasToString("315.1C");
        assertThat(MtVariant.parse("16093Y").heteroplasmic()).isTrue();
        assertThat(MtVariant.parse("249D").heteroplasmic()).isTrue(); // IUPAC D (A, G or T), not a deletion
        assertThatThrownBy(() -> MtVariant.parse("16093X")).hasMessageNotContaining("16093X");
        assertThatThrownBy(() -> MtVariant.parse("17000A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtVariant.parse("315.1Y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtHaplotype.parse(READ, "16519C")).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> MtHaplotype.parse(READ, "263G 263A")).hasMessageContaining("twice");
        assertThat(MtRange.parse("16024-576").intervals()).hasSize(2);
        assertThat(MtRange.parse("16024-576").covers(16569)).isTrue();
        assertThat(MtRange.parse("16024-576").covers(1)).isTrue();
        assertThat(MtRange.parse("16024-576").covers(600)).isFalse();
        assertThatThrownBy(() -> MtVariant.parse("315.0C")).isInstanceOf(IllegalArgumentException.class);
        // Overlapping or adjacent intervals are one: no position counts twice.
        assertThat(MtRange.parse("16024-16200 16201-16365 16300-16365")).hasToString("16024-16365");
        assertThat(MtRange.parse("16024-16365").coversAll(MtRange.parse("16024-16200 16201-16365"))).isTrue();
    }
}

package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the markers typed with the STRs say of the source's sex. */
class DnaSexTest {

    @Test
    void amelogeninAndYMarkersAreReadAsLaboratoriesWriteThem() {
        assertThat(DnaSex.read(Map.of("AMEL", List.of("X", "Y")))).isEqualTo(DnaSex.Y_PRESENT);
        assertThat(DnaSex.read(Map.of("Amelogenin", List.of("X")))).isEqualTo(DnaSex.X_ONLY);
        assertThat(DnaSex.read(Map.of("AMEL", List.of("X", "X")))).isEqualTo(DnaSex.X_ONLY);
        // AMELY deleted, yet the Y-STRs amplified: a man.
        assertThat(DnaSex.read(Map.of("AMEL", List.of("X"), "DYS391", List.of("10")))).isEqualTo(DnaSex.Y_PRESENT);
        assertThat(DnaSex.read(Map.of("Yindel", List.of("2")))).isEqualTo(DnaSex.Y_PRESENT);
        assertThat(DnaSex.read(Map.of("D3S1358", List.of("15", "16")))).isEqualTo(DnaSex.NOT_TYPED);
    }
}

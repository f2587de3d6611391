package org.homeward.identification.kinship;

import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A candidate's per-locus ratios move to a new key unchanged, and the retired key alone no longer opens them. */
class SealedCandidateTest {

    private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = Base64.getEncoder().encodeToString("a new profile key, 32 bytes long".getBytes());

    @Test
    void ratiosMoveToTheCurrentKeyUnchanged() {
        FieldCipher before = new FieldCipher(FieldKeys.single("k1", OLD, "key"));
        FieldCipher after = new FieldCipher(FieldKeys.of("k2", NEW, Map.of("k1", OLD), "key", "retired"));
        Map<String, Double> ratios = Map.of("D8S1179", 2.5, "TH01", 0.75);
        KinshipCandidate candidate = candidate(ratios, before);

        candidate.resealed(after::open, after::seal);

        assertThat(candidate.perLocus(after::open)).isEqualTo(ratios);
        assertThatThrownBy(() -> candidate.perLocus(new FieldCipher(FieldKeys.single("k1", OLD, "key"))::open))
                .isInstanceOf(IllegalStateException.class);
    }

    private static KinshipCandidate candidate(Map<String, Double> ratios, FieldCipher cipher) {
        return new KinshipCandidate(UUID.randomUUID(), UUID.randomUUID(), "UA", "FATHER", List.of(), List.of(), 5_000, List.of(), ratios,
                "EXACT", 0.01, null, List.of(), cipher::seal, Instant.now());
    }
}

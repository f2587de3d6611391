package org.homeward.platform.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final String K1 = key(1);
    private static final String K2 = key(2);

    private final FieldCipher cipher = new FieldCipher(FieldKeys.single("k1", K1, "test.key"));

    @Test
    void aValueOpensInItsOwnPlaceOnly() {
        String sealed = cipher.seal("15/16", "dna_profile.loci|row-a|D8S1179");

        assertThat(cipher.open(sealed, "dna_profile.loci|row-a|D8S1179")).isEqualTo("15/16");
        assertThatThrownBy(() -> cipher.open(sealed, "dna_profile.loci|row-b|D8S1179"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("copied from another place");
        assertThatThrownBy(() -> cipher.open(sealed, "dna_profile.loci|row-a|TH01"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealedLengthsDoNotTellShortAllelesFromLongOnes() {
        assertThat(cipher.seal("9/10", "p")).hasSameSizeAs(cipher.seal("22.3/24.3", "p"))
                .hasSameSizeAs(cipher.seal("", "p"));
        assertThat(cipher.open(cipher.seal("", "p"), "p")).isEmpty();
        String exactlyOneBlock = "x".repeat(FieldCipher.BLOCK);
        assertThat(cipher.open(cipher.seal(exactlyOneBlock, "p"), "p")).isEqualTo(exactlyOneBlock);
        String endsInNul = "ab\u0000";
        assertThat(cipher.open(cipher.seal(endsInNul, "p"), "p")).isEqualTo(endsInNul);
        assertThat(cipher.open(cipher.seal("Коваленко ✓", "p"), "p")).isEqualTo("Коваленко ✓");
    }

    @Test
    void aRetiredKeyStillOpensItsValuesUntilTheyAreSealedAgainWithTheCurrentOne() {
        String old = cipher.seal("whsec_abc", "subscription|s1");
        FieldCipher rotated = new FieldCipher(FieldKeys.of("k2", K2, Map.of("k1", K1), "test.key", "test.retired"));

        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.open(old, "subscription|s1")).isEqualTo("whsec_abc");
        String moved = rotated.seal(rotated.open(old, "subscription|s1"), "subscription|s1");
        assertThat(rotated.isCurrent(moved)).isTrue();
        assertThat(moved).startsWith(rotated.currentPrefix()).startsWith("v1:k2:");

        FieldCipher retiredDropped = new FieldCipher(FieldKeys.single("k2", K2, "test.key"));
        assertThat(retiredDropped.open(moved, "subscription|s1")).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> retiredDropped.open(old, "subscription|s1"))
                .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("Sealed with key 'k1', which is not configured");
    }

    @Test
    void aValueSealedBeforePlacesAndKeyIdsStillOpensWithAnyKeyOfTheRing() throws Exception {
        byte[] nonce = new byte[12];
        Cipher legacy = Cipher.getInstance("AES/GCM/NoPadding");
        legacy.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(K1), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] body = legacy.doFinal("15/16".getBytes(StandardCharsets.UTF_8));
        String unbound = Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + body.length).put(nonce).put(body).array());
        FieldCipher rotated = new FieldCipher(FieldKeys.of("k2", K2, Map.of("k1", K1), "test.key", "test.retired"));

        assertThat(rotated.isCurrent(unbound)).isFalse();
        assertThat(rotated.open(unbound, "anywhere")).isEqualTo("15/16");
        assertThatThrownBy(() -> new FieldCipher(FieldKeys.single("k2", K2, "test.key")).open(unbound, "anywhere"))
                .isInstanceOf(IllegalStateException.class);
        FieldCipher bindingOnly = new FieldCipher(FieldKeys.of("k2", K2, Map.of("k1", K1), "test.key", "test.retired"),
                false);
        assertThatThrownBy(() -> bindingOnly.open(unbound, "anywhere")).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("A value sealed before values were bound to their place, and unbound values are"
                        + " no longer accepted");
    }

    @Test
    void everyKeyIsCheckedWhenTheRingIsBuiltAndNamedInTheError() {
        assertThatThrownBy(() -> FieldKeys.of("k2", K2, Map.of("k1", "c2hvcnQ="), "homeward.x.key", "homeward.x.retired"))
                .hasMessage("homeward.x.retired.k1 must be 32 bytes, base64-encoded");
        assertThatThrownBy(() -> FieldKeys.single("k1", null, "homeward.x.key"))
                .hasMessage("homeward.x.key must be 32 bytes, base64-encoded");
        assertThatThrownBy(() -> FieldKeys.of("k1", K2, Map.of("k1", K1), "homeward.x.key", "homeward.x.retired"))
                .hasMessageContaining("has the id of the current key");
        assertThatThrownBy(() -> FieldKeys.single("k:1", K1, "homeward.x.key"))
                .hasMessage("homeward.x.key-id must be 1 to 16 letters, digits, '-' or '_'");
    }

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }
}

package org.homeward.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSettingsCheckTest {

    @Test
    void aProductionStartWithoutIssuerOrKeysIsRefusedNamingWhatIsMissing() {
        Map<String, String> onlyIssuer = Map.of("mp.jwt.verify.issuer", "https://id.example.org");
        assertThatThrownBy(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(onlyIssuer.get(key))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.jwt.verify.publickey.location")
                .hasMessageNotContaining("[mp.jwt.verify.issuer");
        Map<String, String> blank = Map.of("mp.jwt.verify.issuer", " ", "mp.jwt.verify.publickey.location", "");
        assertThatThrownBy(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(blank.get(key))))
                .hasMessageContaining("[mp.jwt.verify.issuer, mp.jwt.verify.publickey.location]");
        Map<String, String> both = Map.of("mp.jwt.verify.issuer", "https://id.example.org",
                "mp.jwt.verify.publickey.location", "https://id.example.org/jwks");
        assertThatCode(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(both.get(key)))).doesNotThrowAnyException();
    }
}

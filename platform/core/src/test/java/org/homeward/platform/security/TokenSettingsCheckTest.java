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
                .hasMessageContaining("mp.jwt.verify.publickey.location is not set")
                .hasMessageNotContaining("mp.jwt.verify.issuer is not set");
        Map<String, String> blank = Map.of("mp.jwt.verify.issuer", " ", "mp.jwt.verify.publickey.location", "");
        assertThatThrownBy(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(blank.get(key))))
                .hasMessageContaining("mp.jwt.verify.issuer is not set; mp.jwt.verify.publickey.location is not set");
        Map<String, String> plainHttp = Map.of("mp.jwt.verify.issuer", "https://id.example.org",
                "mp.jwt.verify.publickey.location", "http://id.example.org/jwks");
        assertThatThrownBy(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(plainHttp.get(key))))
                .hasMessageContaining("must be a file or an https:// URL");
        Map<String, String> inline = Map.of("mp.jwt.verify.issuer", "https://id.example.org",
                "mp.jwt.verify.publickey", "{\"keys\": []}");
        assertThatCode(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(inline.get(key)))).doesNotThrowAnyException();
        Map<String, String> both = Map.of("mp.jwt.verify.issuer", "https://id.example.org",
                "mp.jwt.verify.publickey.location", "https://id.example.org/jwks");
        assertThatCode(() -> TokenSettingsCheck.verify(key -> Optional.ofNullable(both.get(key)))).doesNotThrowAnyException();
    }
}

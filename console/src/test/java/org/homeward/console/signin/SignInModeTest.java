package org.homeward.console.signin;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInModeTest {

    @Test
    void theLocalSignInRunsInTheLocalProfileOnly() {
        assertThatCode(() -> SignInMode.check(SignInMode.Mode.LOCAL, List.of("local"), LaunchMode.NORMAL, Optional.empty(), false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignInMode.check(SignInMode.Mode.LOCAL, List.of("prod"), LaunchMode.NORMAL, Optional.empty(), false))
                .hasMessageContaining("only in the 'local' profile");
        assertThatThrownBy(() -> SignInMode.check(SignInMode.Mode.LOCAL, List.of("prod", "e2e"), LaunchMode.NORMAL,
                Optional.of("https://idp.example.org/realms/homeward"), true)).hasMessageContaining("'local' profile");
    }

    @Test
    void productionRefusesToStartWithoutAnIdentityProvider() {
        assertThatThrownBy(() -> SignInMode.check(SignInMode.Mode.OIDC, List.of("prod"), LaunchMode.NORMAL, Optional.empty(), true))
                .hasMessageContaining("quarkus.oidc.auth-server-url");
        assertThatThrownBy(() -> SignInMode.check(SignInMode.Mode.OIDC, List.of("prod"), LaunchMode.NORMAL, Optional.of(" "), true))
                .hasMessageContaining("quarkus.oidc.auth-server-url");
        assertThatThrownBy(() -> SignInMode.check(SignInMode.Mode.OIDC, List.of("prod"), LaunchMode.NORMAL,
                Optional.of("https://idp.example.org/realms/homeward"), false)).hasMessageContaining("identity provider");
        assertThatCode(() -> SignInMode.check(SignInMode.Mode.OIDC, List.of("prod"), LaunchMode.NORMAL,
                Optional.of("https://idp.example.org/realms/homeward"), true)).doesNotThrowAnyException();
    }
}

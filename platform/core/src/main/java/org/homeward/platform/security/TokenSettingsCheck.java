package org.homeward.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;

/**
 * A production start without a token issuer or key location would accept no caller, or worse, one it should
 * not: refuse to start and say which settings are missing. Dev and test have their own defaults.
 */
@ApplicationScoped
public class TokenSettingsCheck {

    static final List<String> REQUIRED = List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location");

    void verifyAtStart(@Observes StartupEvent start, Config config) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            verify(key -> config.getOptionalValue(key, String.class));
        }
    }

    static void verify(java.util.function.Function<String, Optional<String>> settings) {
        List<String> missing = REQUIRED.stream().filter(key -> settings.apply(key).filter(v -> !v.isBlank()).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Token verification is not configured: set " + missing
                    + " (environment MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_PUBLICKEY_LOCATION: the identity provider's"
                    + " issuer and its JWKS as a file or https URL); refusing to start");
        }
    }
}

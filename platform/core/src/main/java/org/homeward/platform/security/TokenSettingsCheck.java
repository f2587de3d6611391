package org.homeward.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A production start without a token issuer or key location would accept no caller, or worse, one it should
 * not: refuse to start and say which settings are missing. Dev and test have their own defaults.
 */
@ApplicationScoped
public class TokenSettingsCheck {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";

    void verifyAtStart(@Observes StartupEvent start, Config config) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            verify(key -> config.getOptionalValue(key, String.class));
        }
    }

    static void verify(Function<String, Optional<String>> settings) {
        List<String> problems = new ArrayList<>();
        if (value(settings, ISSUER).isEmpty()) {
            problems.add(ISSUER + " is not set");
        }
        Optional<String> location = value(settings, KEY_LOCATION);
        if (location.isEmpty() && value(settings, INLINE_KEY).isEmpty()) {
            problems.add(KEY_LOCATION + " is not set");
        }
        location.filter(l -> !l.startsWith("https://") && !l.startsWith("file:") && !l.startsWith("/"))
                .ifPresent(l -> problems.add(KEY_LOCATION + " must be a file or an https:// URL"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Token verification is not configured: " + String.join("; ", problems)
                    + " (environment MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION: the identity provider's"
                    + " issuer and its JWKS); refusing to start");
        }
    }

    private static Optional<String> value(Function<String, Optional<String>> settings, String key) {
        return settings.apply(key).filter(v -> !v.isBlank());
    }
}

package org.homeward.console.signin;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * How people sign in, checked once at start-up. Production signs in with the operators' identity provider
 * (OpenID Connect, authorization-code flow) and refuses to start without one. The local sign-in page, where
 * anyone may pick any organisation and role, is for the launcher's platform only: any profile but
 * {@code local} (and the tests') refuses to start with it.
 */
@Startup
@ApplicationScoped
public class SignInMode {

    public enum Mode { OIDC, LOCAL }

    private final Mode mode;

    SignInMode(@ConfigProperty(name = "homeward.console.sign-in") Mode mode,
               @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> identityProvider,
               @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcEnabled) {
        check(mode, ConfigUtils.getProfiles(), LaunchMode.current(), identityProvider, oidcEnabled);
        this.mode = mode;
    }

    static void check(Mode mode, List<String> profiles, LaunchMode launchMode, Optional<String> identityProvider,
                      boolean oidcEnabled) {
        if (mode == Mode.LOCAL && !profiles.contains("local") && launchMode != LaunchMode.TEST) {
            throw new IllegalStateException("homeward.console.sign-in=LOCAL lets anyone choose any role: it runs only "
                    + "in the 'local' profile (profiles now: " + profiles + ")");
        }
        if (mode == Mode.OIDC && (!oidcEnabled || identityProvider.filter(url -> !url.isBlank()).isEmpty())) {
            throw new IllegalStateException("The console signs people in with the operators' identity provider: set "
                    + "quarkus.oidc.auth-server-url (and its client id and secret)");
        }
    }

    public boolean local() {
        return mode == Mode.LOCAL;
    }
}

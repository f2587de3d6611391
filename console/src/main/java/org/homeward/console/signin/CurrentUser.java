package org.homeward.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The person signed in to this request: from the local session cookie, or from the access token the identity
 * provider issued (quarkus-oidc verified it and refreshes it before it ages out). Templates read it as
 * {@code inject:user}.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    public static final String SESSION_COOKIE = "homeward-console-session";

    private final SignInMode mode;
    private final LocalSessions sessions;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private Optional<ConsoleUser> resolved;

    CurrentUser(SignInMode mode, LocalSessions sessions, SecurityIdentity identity, HttpServerRequest request) {
        this.mode = mode;
        this.sessions = sessions;
        this.identity = identity;
        this.request = request;
    }

    /** The user, or {@link NotSignedIn}, which answers with the way to sign in. */
    public ConsoleUser get() {
        return find().orElseThrow(NotSignedIn::new);
    }

    public boolean signedIn() {
        return find().isPresent();
    }

    public boolean has(String role) {
        return find().map(user -> user.has(role)).orElse(false);
    }

    // What each area's API lets the person read, for the navigation and the start page (the services decide).

    public boolean readsAgreements() {
        return has("coordinator") || has("mediator") || has("intermediary");
    }

    public boolean readsCases() {
        return has("forensic-examiner") || readsAgreements();
    }

    public boolean readsRegister() {
        return has("coordinator") || has("forensic-examiner");
    }

    public boolean readsStatistics() {
        return readsCases() || has("observer") || has("auditor");
    }

    public Optional<ConsoleUser> find() {
        if (resolved == null) {
            resolved = mode.local() ? fromLocalSession() : fromIdentityProvider();
        }
        return resolved;
    }

    private Optional<ConsoleUser> fromLocalSession() {
        Cookie cookie = request.getCookie(SESSION_COOKIE);
        return sessions.find(cookie == null ? null : cookie.getValue());
    }

    /**
     * The services authorise by the access token's claims ({@code groups}, {@code org}, {@code party}), so the
     * console shows the same ones. Its signature was checked by quarkus-oidc
     * ({@code quarkus.oidc.authentication.verify-access-token}); here it is only read.
     */
    private Optional<ConsoleUser> fromIdentityProvider() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(credential.getToken());
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return Optional.of(new ConsoleUser(claims.getSubject(), claims.getStringClaimValue("org"),
                    claims.getStringClaimValue("party"), new HashSet<>(groups), credential.getToken()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}

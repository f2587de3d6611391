package org.homeward.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the verified token: subject, organisation ({@code org}), the party it acts for
 * ({@code party}, absent for neutral organisations) and roles ({@code groups}).
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    @Inject
    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    /**
     * The person's name as the identity provider states it (the standard {@code name} claim, else
     * {@code preferred_username}), for records a court reads; the subject when the token names nobody.
     */
    public String displayName() {
        for (String claim : new String[] {"name", "preferred_username"}) {
            if (token.getClaim(claim) instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        return subject();
    }

    public String organisation() {
        String organisation = token.getClaim("org");
        if (organisation == null || organisation.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The token carries no 'org' claim");
        }
        return organisation;
    }

    public Optional<String> party() {
        String party = token.getClaim("party");
        return party == null || party.isBlank() ? Optional.empty() : Optional.of(party);
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** True when the record's access scope names this caller's party or organisation. */
    public boolean canSee(AccessScope scope) {
        return scope.admits(party().orElse(null), organisation());
    }
}

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

    /** The longest name recorded: the columns that keep it hold 200 characters. */
    static final int NAME_LENGTH = 200;

    /**
     * The person's name as the identity provider states it (the standard {@code name} claim), for records a court
     * reads; empty when the token names nobody. Control and formatting characters (a right-to-left override, a
     * zero-width space) are dropped, the text is in NFC, and at most {@value #NAME_LENGTH} characters are kept.
     * Not {@code preferred_username}: that is often an e-mail address.
     */
    public Optional<String> displayName() {
        return displayName(token.getClaim("name"));
    }

    static Optional<String> displayName(Object claim) {
        if (!(claim instanceof String text)) {
            return Optional.empty();
        }
        StringBuilder kept = new StringBuilder();
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        if (name.codePointCount(0, name.length()) > NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH));
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
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

package org.homeward.console.signin;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is signed in, as the services will see them: the claims of the token the console passes on. The token
 * stays out of {@link #toString()}, so a log line can never carry it.
 */
public record ConsoleUser(String subject, String organisation, String party, Set<String> roles, String token) {

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The roles in a stable order, for the header. */
    public List<String> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + subject + " of " + organisation + (party == null ? "" : " (" + party + ")") + " " + roles + "]";
    }
}

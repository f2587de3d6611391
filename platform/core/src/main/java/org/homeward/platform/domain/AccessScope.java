package org.homeward.platform.domain;

import java.util.Set;

/**
 * Who may see a record: the parties (by ISO 3166 code, matched against a caller's {@code party} claim)
 * and the organisations such as mediators and intermediaries (matched against the {@code org} claim).
 * Published with every public event so that subscribers see exactly what the API would show them.
 */
public record AccessScope(Set<String> parties, Set<String> organisations) {

    public AccessScope {
        parties = Set.copyOf(parties);
        organisations = Set.copyOf(organisations);
    }

    public boolean admits(String party, String organisation) {
        return (party != null && parties.contains(party))
                || (organisation != null && organisations.contains(organisation));
    }
}

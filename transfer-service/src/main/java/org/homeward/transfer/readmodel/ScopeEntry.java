package org.homeward.transfer.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One party (kind PARTY) or organisation (kind ORGANISATION) entitled to see a projected agreement. */
@Embeddable
public record ScopeEntry(@Column(name = "kind") String kind, @Column(name = "value") String value) {

    public static final String PARTY = "PARTY";
    public static final String ORGANISATION = "ORGANISATION";
}

package org.homeward.identification.register;

import java.util.Set;
import java.util.UUID;

/**
 * What the register says of how missing persons are related changed (full siblings stated or withdrawn, a
 * parent and his child both missing): whatever weighs one of them against family references (the DNA
 * matching) is reconsidered for each. Fired in the transaction that stated it; the register does not know
 * who listens.
 */
public record FamilyStatementChanged(Set<UUID> persons, String party) {

    public FamilyStatementChanged {
        persons = Set.copyOf(persons);
    }
}

package org.homeward.identification.register;

import java.util.Set;
import java.util.UUID;

/**
 * Missing persons were stated to be full siblings: whatever weighs one of them against family references
 * (the DNA matching) is reconsidered for each. Fired in the transaction that stated it; the register does not
 * know who listens.
 */
public record SiblingGroupChanged(Set<UUID> persons, String party) {

    public SiblingGroupChanged {
        persons = Set.copyOf(persons);
    }
}

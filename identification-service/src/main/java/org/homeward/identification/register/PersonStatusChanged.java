package org.homeward.identification.register;

import java.util.UUID;

/**
 * A register entry stopped being missing (released, found alive, merged into another entry) or became
 * missing again (a release withdrawn, a merge undone). Fired in the transaction that changed it, so that
 * whatever rests on the person being missing (a DNA candidate, say) is reconsidered; the register does not
 * know who listens.
 */
public record PersonStatusChanged(UUID personId, String party, PersonStatus status) {

    public static PersonStatusChanged of(MissingPerson person) {
        return new PersonStatusChanged(person.id(), person.party(), person.status());
    }
}

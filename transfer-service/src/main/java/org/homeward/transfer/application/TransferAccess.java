package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.Transfer;

import java.util.UUID;

/**
 * Finds a transfer for the caller, enforcing who may see it: outside the caller's scope it does not
 * exist (404); its items (personal data) only the two parties and the escort may touch (403 to mediators).
 */
@ApplicationScoped
public class TransferAccess {

    private final EntityManager entityManager;
    private final Caller caller;

    public TransferAccess(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    public Transfer visible(UUID id, LockModeType lock) {
        Transfer transfer = entityManager.find(Transfer.class, id, lock);
        if (transfer == null || !caller.canSee(transfer.accessScope())) {
            throw ProblemException.notFound("Transfer " + id);
        }
        return transfer;
    }

    public Transfer withItems(UUID id, LockModeType lock) {
        Transfer transfer = visible(id, lock);
        if (!transfer.admitsItemReaders(caller.party().orElse(null), caller.organisation())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Manifest items are personal data: only the two parties and the escort read them");
        }
        return transfer;
    }

    /** A coordinator of the given party (the sending or the receiving one), else 403. */
    public void requireCoordinatorOf(String party, String action) {
        if (!caller.hasRole(Roles.COORDINATOR)
                || !party.equals(caller.party().orElse(null))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A coordinator of " + party + " " + action);
        }
    }
}

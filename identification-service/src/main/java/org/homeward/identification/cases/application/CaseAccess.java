package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds cases for the caller and says how much of each it may see. Outside the caller's scope a case does
 * not exist (404); inside it, an action the caller's relation to the case does not allow answers 403.
 */
@ApplicationScoped
public class CaseAccess {

    /** The same rule as {@link #visibility(RemainsCase)}, for queries over many cases. */
    static final String VISIBLE_TO_CALLER = "((:examiner = true and c.assignedOrganisation = :organisation)"
            + " or (:coordinator = true and (c.toParty = :party or c.fromParty = :party))"
            + " or (:neutral = true and :organisation member of c.organisations))";

    private final EntityManager entityManager;
    private final Caller caller;

    public CaseAccess(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    public Optional<Visibility> visibility(RemainsCase remainsCase) {
        String organisation = caller.organisation();
        String party = caller.party().orElse(null);
        if (caller.hasRole(Roles.FORENSIC_EXAMINER) && organisation.equals(remainsCase.assignedOrganisation())) {
            return Optional.of(Visibility.LABORATORY);
        }
        if (caller.hasRole(Roles.COORDINATOR) && remainsCase.toParty().equals(party)) {
            return Optional.of(Visibility.RECEIVING_PARTY);
        }
        if (caller.hasRole(Roles.COORDINATOR) && remainsCase.fromParty().equals(party)) {
            return Optional.of(Visibility.SENDING_PARTY);
        }
        if (isNeutral() && remainsCase.organisations().contains(organisation)) {
            return Optional.of(Visibility.NEUTRAL);
        }
        return Optional.empty();
    }

    public VisibleCase visible(UUID id, LockModeType lock) {
        RemainsCase remainsCase = entityManager.find(RemainsCase.class, id, lock);
        Optional<Visibility> visibility = remainsCase == null ? Optional.empty() : visibility(remainsCase);
        return visibility.map(v -> new VisibleCase(remainsCase, v))
                .orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    /** A case of the caller's laboratory, for its forensic examiners. */
    public RemainsCase forLaboratory(UUID id, LockModeType lock) {
        return require(visible(id, lock), Visibility.LABORATORY, "Only forensic examiners of the assigned laboratory");
    }

    /** A case received by the caller's party, for its coordinators. */
    public RemainsCase forReceivingCoordinator(UUID id, LockModeType lock) {
        return require(visible(id, lock), Visibility.RECEIVING_PARTY, "Only coordinators of the receiving party");
    }

    /** Binds the parameters of {@link #VISIBLE_TO_CALLER}. */
    <T> TypedQuery<T> scoped(TypedQuery<T> query) {
        return query.setParameter("examiner", caller.hasRole(Roles.FORENSIC_EXAMINER))
                .setParameter("coordinator", caller.hasRole(Roles.COORDINATOR) && caller.party().isPresent())
                .setParameter("neutral", isNeutral())
                .setParameter("organisation", caller.organisation())
                .setParameter("party", caller.party().orElse(""));
    }

    public Actor actor() {
        return new Actor(caller.subject(), caller.organisation(), caller.displayName().orElse(null));
    }

    public String party() {
        return caller.party().orElse(null);
    }

    private boolean isNeutral() {
        return caller.hasRole(Roles.MEDIATOR) || caller.hasRole(Roles.INTERMEDIARY);
    }

    private static RemainsCase require(VisibleCase found, Visibility needed, String who) {
        if (found.visibility() != needed) {
            throw new ProblemException(ProblemType.FORBIDDEN, who + " may do this");
        }
        return found.remainsCase();
    }

    /** A case with how much of it the caller sees. */
    public record VisibleCase(RemainsCase remainsCase, Visibility visibility) {
    }
}

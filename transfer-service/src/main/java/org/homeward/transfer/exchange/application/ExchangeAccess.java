package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.application.AgreementSnapshot;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.AgreementViews;

import java.util.UUID;

/**
 * Who sees what of an exchange list (DESIGN.md 10): outside the agreement it does not exist (404); its entries
 * (personal data) are read by the two parties' coordinators and the agreement's intermediaries; its counts by
 * the agreement's mediators too. Writes belong to one side each: offers and answers to the detaining party,
 * requests to the receiving party, verifications to the escorting intermediaries.
 */
@ApplicationScoped
public class ExchangeAccess {

    private final EntityManager entityManager;
    private final AgreementViews agreements;
    private final Caller caller;

    public ExchangeAccess(EntityManager entityManager, AgreementViews agreements, Caller caller) {
        this.entityManager = entityManager;
        this.agreements = agreements;
        this.caller = caller;
    }

    /** The list and its agreement, if the caller may see the agreement; else 404. */
    public Visible visible(UUID listId, LockModeType lock) {
        ExchangeList list = entityManager.find(ExchangeList.class, listId, lock);
        if (list == null) {
            throw ProblemException.notFound("Exchange list " + listId);
        }
        AgreementView view = agreements.find(list.agreementId(), caller.party().orElse(null), caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("Exchange list " + listId));
        return new Visible(list, AgreementSnapshot.of(view));
    }

    /** A list with the agreement it belongs to, as the caller may see them. */
    public record Visible(ExchangeList list, AgreementSnapshot agreement) {
    }

    /** May read the persons on the list: a coordinator of one of its parties, or one of the agreement's intermediaries. */
    public void requireEntryReader(Visible visible) {
        boolean party = caller.hasRole(Roles.COORDINATOR) && visible.list().isParty(caller.party().orElse(""));
        boolean intermediary = caller.hasRole(Roles.INTERMEDIARY)
                && visible.agreement().intermediariesOrEmpty().contains(caller.organisation());
        if (!party && !intermediary) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The persons on an exchange list are read by the two"
                    + " parties' coordinators and the agreement's intermediaries; others read its counts");
        }
    }

    /** Lists are negotiated under an ACTIVE agreement; a suspended or ended one is read, not changed. */
    public void requireActive(Visible visible) {
        if (!"ACTIVE".equals(visible.agreement().status())) {
            throw new org.homeward.platform.domain.InvalidTransition("The agreement is " + visible.agreement().status()
                    + ": its exchange lists are read, not changed");
        }
    }

    public void requireDetainingCoordinator(Visible visible, String action) {
        requireCoordinatorOf(visible.list().detainingParty(), action);
    }

    public void requireReceivingCoordinator(Visible visible, String action) {
        requireCoordinatorOf(visible.list().receivingParty(), action);
    }

    public void requireEscort(Visible visible) {
        if (!caller.hasRole(Roles.INTERMEDIARY)
                || !visible.agreement().intermediariesOrEmpty().contains(caller.organisation())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The agreement's intermediaries verify prisoners");
        }
    }

    private void requireCoordinatorOf(String party, String action) {
        if (!caller.hasRole(Roles.COORDINATOR) || !party.equals(caller.party().orElse(null))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A coordinator of " + party + " " + action);
        }
    }
}

package org.homeward.agreement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.audit.AuditLog;
import org.homeward.agreement.messaging.AgreementEvents;
import org.homeward.agreement.security.Caller;
import org.homeward.agreement.security.Roles;
import org.homeward.agreement.web.ProblemException;
import org.homeward.agreement.web.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Use cases on agreements. Each write commits the state change, its outbox event and its audit line in
 * one transaction.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

    private final AgreementRepository agreements;
    private final AgreementEvents events;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, AgreementEvents events, AuditLog audit, Caller caller,
                            Clock clock) {
        this.agreements = agreements;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public Agreement draft(DraftAgreement command) {
        Agreement agreement = Agreement.draft(command.reference(), command.title(), command.concludedOn(),
                command.venue(), command.parties(), command.organisations(), caller.organisation(),
                Instant.now(clock));
        if (!agreement.mayBeDraftedBy(caller.party().orElse(null), caller.organisation(),
                caller.hasRole(Roles.COORDINATOR), caller.hasRole(Roles.MEDIATOR))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "A coordinator may draft only for its own party, a mediator only an agreement it mediates");
        }
        agreements.persist(agreement);
        events.created(agreement);
        audit.record("agreement.create", "agreement", agreement.id().toString());
        return agreement;
    }

    /** Outside the caller's scope an agreement answers as if it did not exist. */
    public Agreement get(UUID id) {
        Agreement agreement = agreements.findByIdOptional(id)
                .filter(found -> caller.canSee(found.accessScope()))
                .orElseThrow(() -> ProblemException.notFound("Agreement " + id));
        audit.record("agreement.read", "agreement", id.toString());
        return agreement;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agreement> list(String party, int page, int size) {
        return agreements.visibleTo(caller.party().orElse(null), caller.organisation(), party, page, size);
    }
}

package org.homeward.agreement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementContent;
import org.homeward.agreement.AgreementStatus;
import org.homeward.agreement.AgreementVersion;
import org.homeward.agreement.Signature;
import org.homeward.agreement.Term;
import org.homeward.agreement.fulfilment.Fulfilment;
import org.homeward.agreement.fulfilment.Grouping;
import org.homeward.agreement.messaging.AgreementEvents;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases on agreements. Each write commits the state change, its outbox event and its audit line in
 * one transaction; reads of agreements (which name signatories) are audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class AgreementService {

    private final AgreementRepository agreements;
    private final AgreementEvents events;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, AgreementEvents events, Ledger ledger, AuditLog audit,
                            Caller caller, Clock clock) {
        this.agreements = agreements;
        this.events = events;
        this.ledger = ledger;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public Agreement draft(DraftAgreement command) {
        Agreement agreement = Agreement.draft(command.content(), command.parties(), command.organisations(),
                caller.organisation(), Instant.now(clock));
        requireDrafter(agreement);
        agreements.persist(agreement);
        events.publish(AgreementEvents.CREATED, agreement);
        audit.record("agreement.create", "agreement", agreement.id().toString());
        return agreement;
    }

    /** Edits a draft; {@code expectedVersion} (from If-Match) guards against overwriting another edit. */
    public Agreement editDraft(UUID id, long expectedVersion, Function<Agreement, AgreementContent> content) {
        Agreement agreement = visibleForUpdate(id);
        requireDrafter(agreement);
        if (agreement.version() != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The agreement changed since version " + expectedVersion + "; fetch it again");
        }
        agreement.editDraft(content.apply(agreement));
        return changed(agreement, AgreementEvents.UPDATED, "agreement.edit");
    }

    public Agreement sign(UUID id, String signatoryName, String signatoryTitle) {
        Agreement agreement = visibleForUpdate(id);
        String party = requireCoordinatorOfAParty(agreement);
        AgreementStatus before = agreement.status();
        agreement.sign(signature(party, signatoryName, signatoryTitle), today());
        String type = agreement.status() == AgreementStatus.ACTIVE ? AgreementEvents.ACTIVATED
                : agreement.status() != before ? AgreementEvents.SIGNED : AgreementEvents.UPDATED;
        changed(agreement, type, "agreement.sign");
        if (AgreementEvents.ACTIVATED.equals(type)) {
            ledger.reevaluate(agreement);
        }
        return agreement;
    }

    public Agreement suspend(UUID id, String reason) {
        Agreement agreement = visibleForUpdate(id);
        requireCoordinatorOfAParty(agreement);
        agreement.suspend(reason);
        return changed(agreement, AgreementEvents.SUSPENDED, "agreement.suspend");
    }

    public Agreement resume(UUID id, String reason) {
        Agreement agreement = visibleForUpdate(id);
        requireCoordinatorOfAParty(agreement);
        agreement.resume(reason);
        changed(agreement, AgreementEvents.RESUMED, "agreement.resume");
        ledger.reevaluate(agreement); // what was received while suspended may fulfil terms now
        return agreement;
    }

    public Agreement terminate(UUID id, String reason) {
        Agreement agreement = visibleForUpdate(id);
        requireCoordinatorOfAParty(agreement);
        agreement.terminate(reason);
        return changed(agreement, AgreementEvents.TERMINATED, "agreement.terminate");
    }

    public Agreement declareComplete(UUID id) {
        Agreement agreement = visibleForUpdate(id);
        String party = requireCoordinatorOfAParty(agreement);
        agreement.declareComplete(party);
        String type = agreement.status() == AgreementStatus.COMPLETED ? AgreementEvents.COMPLETED : AgreementEvents.UPDATED;
        return changed(agreement, type, "agreement.declare-complete");
    }

    public Agreement proposeAmendment(UUID id, Function<Agreement, List<Term>> terms, LocalDate effectiveDate,
                                      String reason) {
        Agreement agreement = visibleForUpdate(id);
        requireDrafter(agreement);
        agreement.proposeAmendment(effectiveDate, terms.apply(agreement), reason, caller.organisation(),
                Instant.now(clock));
        return changed(agreement, AgreementEvents.AMENDMENT_PROPOSED, "agreement.amend");
    }

    public Agreement signAmendment(UUID id, int number, String signatoryName, String signatoryTitle) {
        Agreement agreement = visibleForUpdate(id);
        String party = requireCoordinatorOfAParty(agreement);
        int adoptedBefore = agreement.currentVersion().number();
        agreement.signAmendment(number, signature(party, signatoryName, signatoryTitle), today());
        String type = agreement.currentVersion().number() != adoptedBefore ? AgreementEvents.AMENDED
                : AgreementEvents.UPDATED;
        changed(agreement, type, "agreement.sign-amendment");
        if (AgreementEvents.AMENDED.equals(type)) {
            ledger.reevaluate(agreement); // a changed number may fulfil or reopen a term at once
        }
        return agreement;
    }

    /** Outside the caller's scope an agreement answers as if it did not exist. */
    public Agreement get(UUID id) {
        Agreement agreement = visible(id);
        audit.record("agreement.read", "agreement", id.toString());
        return agreement;
    }

    public List<AgreementVersion> versions(UUID id) {
        Agreement agreement = visible(id);
        audit.record("agreement.read-versions", "agreement", id.toString());
        return agreement.versions();
    }

    /**
     * Counts only, so observers (press, public bodies) may read them for any agreement past its draft;
     * everyone else within their scope.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Fulfilment fulfilment(UUID id, LocalDate from, LocalDate to, Grouping groupBy) {
        Agreement agreement = agreements.findByIdOptional(id)
                .filter(found -> caller.canSee(found.accessScope())
                        || (caller.hasRole(Roles.OBSERVER) && found.status() != AgreementStatus.DRAFT))
                .orElseThrow(() -> ProblemException.notFound("Agreement " + id));
        return ledger.fulfilment(agreement, from, to, groupBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agreement> list(AgreementRepository.Filter filter, PageRequest page) {
        return agreements.visibleTo(caller.party().orElse(null), caller.organisation(), filter, page);
    }

    private Agreement changed(Agreement agreement, String eventType, String auditAction) {
        events.publish(eventType, agreement);
        audit.record(auditAction, "agreement", agreement.id().toString());
        return agreement;
    }

    private Agreement visible(UUID id) {
        return agreements.findByIdOptional(id)
                .filter(found -> caller.canSee(found.accessScope()))
                .orElseThrow(() -> ProblemException.notFound("Agreement " + id));
    }

    /** Locks the row: a write waits for the ledger or another write on the same agreement, never interleaves. */
    private Agreement visibleForUpdate(UUID id) {
        return agreements.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> caller.canSee(found.accessScope()))
                .orElseThrow(() -> ProblemException.notFound("Agreement " + id));
    }

    private void requireDrafter(Agreement agreement) {
        if (!agreement.mayBeDraftedBy(caller.party().orElse(null), caller.organisation(),
                caller.hasRole(Roles.COORDINATOR), caller.hasRole(Roles.MEDIATOR))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "A coordinator may act only for its own party, a mediator only on an agreement it mediates");
        }
    }

    private String requireCoordinatorOfAParty(Agreement agreement) {
        String party = caller.party().orElse(null);
        if (!caller.hasRole(Roles.COORDINATOR) || party == null || !agreement.partyCodes().contains(party)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a coordinator of a party to the agreement may do this");
        }
        return party;
    }

    private Signature signature(String party, String name, String title) {
        return new Signature(party, name, title, Instant.now(clock), caller.subject());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

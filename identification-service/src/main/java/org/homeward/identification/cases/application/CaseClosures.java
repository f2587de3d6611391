package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseReopened;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.ClosureKind;
import org.homeward.identification.cases.ClosureProposal;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.ReturnedTo;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.shared.Actor;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Four eyes both ways (DESIGN.md 7): closing a case as not a national, closing one with a candidate found as
 * unidentifiable, and revoking a confirmed identification are proposed by one examiner of the assigned
 * laboratory and take effect only when a second confirms; remains go back to the sending party only after.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class CaseClosures {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final IdentificationConfig config;
    private final Identifications identifications;
    private final CaseAnnouncements announcements;
    private final AuditLog audit;
    private final Event<CaseReopened> reopened;
    private final Clock clock;

    public CaseClosures(EntityManager entityManager, CaseAccess access, IdentificationConfig config,
                        Identifications identifications, CaseAnnouncements announcements, AuditLog audit,
                        Event<CaseReopened> reopened, Clock clock) {
        this.entityManager = entityManager;
        this.reopened = reopened;
        this.access = access;
        this.config = config;
        this.identifications = identifications;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether closing this case this way needs a second examiner (else it is done at once, as before). */
    public boolean needsSecondExaminer(RemainsCase remainsCase, ClosureKind kind, String organisation) {
        boolean fourEyes = kind != ClosureKind.UNIDENTIFIABLE || remainsCase.status() == CaseStatus.CANDIDATE_FOUND;
        return fourEyes && config.requiresSecondExaminer(organisation);
    }

    public ClosureProposal propose(UUID caseId, ClosureKind kind, String reason) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.NONE);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        boolean confirmedAtOnce = !config.requiresSecondExaminer(actor.organisation());
        if (confirmedAtOnce && kind == ClosureKind.REVOCATION) {
            // In the matching's lock order (KinshipWork): its job for the reopened case before the case row.
            reopened.fire(new CaseReopened(remainsCase.id(), remainsCase.toParty()));
        }
        entityManager.refresh(remainsCase, LockModeType.PESSIMISTIC_WRITE);
        ensurePossible(remainsCase, kind);
        if (pending(caseId)) {
            throw new InvalidTransition("A closure or revocation of this case awaits its decision: decide it first");
        }
        ClosureProposal proposal = new ClosureProposal(caseId, kind, reason, actor, now);
        entityManager.persist(proposal);
        audit.record("case.closure.propose", "case", caseId.toString());
        if (confirmedAtOnce) {
            proposal.confirmAsSingleExaminer(now);
            apply(remainsCase, proposal, actor, now);
        }
        return proposal;
    }

    public enum Decision { CONFIRM, REJECT }

    public ClosureProposal decide(UUID caseId, UUID proposalId, Decision decision, String reason) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.NONE);
        ClosureProposal proposal = entityManager.find(ClosureProposal.class, proposalId);
        if (proposal == null || !proposal.caseId().equals(caseId)) {
            throw ProblemException.notFound("Closure proposal " + proposalId + " of case " + caseId);
        }
        if (decision == Decision.CONFIRM && proposal.kind() == ClosureKind.REVOCATION) {
            // In the matching's lock order (KinshipWork): its job for the reopened case before the case row.
            reopened.fire(new CaseReopened(remainsCase.id(), remainsCase.toParty()));
        }
        entityManager.refresh(remainsCase, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(proposal, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        if (decision == Decision.CONFIRM) {
            proposal.confirm(actor, reason, now);
            apply(remainsCase, proposal, actor, now);
        } else {
            proposal.reject(actor, reason, now);
        }
        audit.record("case.closure.decide", "case", caseId.toString());
        return proposal;
    }

    public List<ClosureProposal> proposals(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.closure-proposals.read", "case", caseId.toString());
        return entityManager.createQuery("select p from ClosureProposal p where p.caseId = :id"
                + " order by p.decision.proposedAt", ClosureProposal.class).setParameter("id", caseId).getResultList();
    }

    /** Refused at proposal time what the confirmation could not do: nobody is asked to decide the impossible. */
    private void ensurePossible(RemainsCase remainsCase, ClosureKind kind) {
        CaseStatus status = remainsCase.status();
        boolean possible = switch (kind) {
            case NOT_A_NATIONAL -> status.isOpen() || status == CaseStatus.IDENTIFIED;
            case UNIDENTIFIABLE -> status.isOpen();
            case REVOCATION -> status == CaseStatus.IDENTIFIED
                    || (status == CaseStatus.RETURNED && remainsCase.returnedTo() == ReturnedTo.FAMILY);
        };
        if (!possible) {
            throw new InvalidTransition("A case that is " + status + " cannot be " + switch (kind) {
                case NOT_A_NATIONAL -> "found not a national";
                case UNIDENTIFIABLE -> "closed as unidentifiable";
                case REVOCATION -> "have its identification revoked: only a confirmed one can be";
            });
        }
    }

    private void apply(RemainsCase remainsCase, ClosureProposal proposal, Actor actor, Instant now) {
        boolean pendingIdentification = identifications.pendingProposals(remainsCase.id());
        switch (proposal.kind()) {
            case NOT_A_NATIONAL -> {
                entityManager.persist(remainsCase.notANational(proposal.reason(), pendingIdentification, actor, now));
                announcements.announce(CaseEvents.NOT_A_NATIONAL, remainsCase);
            }
            case UNIDENTIFIABLE -> {
                entityManager.persist(remainsCase.unidentifiable(proposal.reason(), pendingIdentification, actor, now));
                announcements.announce(CaseEvents.UNIDENTIFIABLE, remainsCase);
            }
            case REVOCATION -> {
                UUID revoked = remainsCase.identificationId();
                entityManager.persist(remainsCase.identificationRevoked(proposal.reason(), familyWasTold(remainsCase),
                        actor, now));
                announcements.announceRevocation(remainsCase, revoked);
            }
        }
    }

    /** Whether a family was told of the identification now revoked (not of an earlier one, nor of a revocation). */
    private boolean familyWasTold(RemainsCase remainsCase) {
        return !entityManager.createQuery("select n.id from FamilyNotification n where n.caseId = :case"
                        + " and n.ofRevocation = false and n.toldAt >= :identified", UUID.class)
                .setParameter("case", remainsCase.id()).setParameter("identified", remainsCase.identifiedAt())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether a closure or revocation of the case awaits its decision. */
    public boolean pending(UUID caseId) {
        return !entityManager.createQuery("select p.id from ClosureProposal p where p.caseId = :case"
                        + " and p.decision.status = PROPOSED", UUID.class).setParameter("case", caseId).setMaxResults(1)
                .getResultList().isEmpty();
    }
}

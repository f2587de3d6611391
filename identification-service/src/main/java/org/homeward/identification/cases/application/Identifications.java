package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.ClosureProposal;
import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.IdentificationProposal;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.dvi.ReconciliationResults;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.shared.Actor;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Identification by two examiners: one proposes an identity, a second of the same laboratory confirms or
 * rejects it (unless the laboratory is configured to work with one). Only a confirmation is announced.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class Identifications {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final IdentificationConfig config;
    private final CaseAnnouncements announcements;
    private final AuditLog audit;
    private final Clock clock;

    /** The column's size (identification_proposal.evidence). */
    private static final int MAX_EVIDENCE = 10_000;

    private final KinshipResults kinshipResults;
    private final ReconciliationResults reconciliations;
    private final SecondaryMethodsPolicy secondaryMethods;

    public Identifications(EntityManager entityManager, CaseAccess access, IdentificationConfig config,
                           CaseAnnouncements announcements, AuditLog audit, Clock clock,
                           KinshipResults kinshipResults, ReconciliationResults reconciliations,
                           SecondaryMethodsPolicy secondaryMethods) {
        this.kinshipResults = kinshipResults;
        this.reconciliations = reconciliations;
        this.secondaryMethods = secondaryMethods;
        this.entityManager = entityManager;
        this.access = access;
        this.config = config;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code kinshipCandidate}: optional, a DNA candidate of this case whose numbers become part of the evidence;
     * {@code missingPerson}: for ODONTOLOGY, FINGERPRINTS and COMBINED, the person whose reconciliation with the case
     * carries the method (its reasons become part of the evidence).
     */
    public record Propose(IdentificationMethod method, String evidence, EstablishedIdentity establishedIdentity,
                          UUID kinshipCandidate, UUID missingPerson) {
    }

    private static final Set<IdentificationMethod> RESTING_ON_RECONCILIATION = EnumSet.of(IdentificationMethod.ODONTOLOGY,
            IdentificationMethod.FINGERPRINTS, IdentificationMethod.COMBINED);

    public IdentificationProposal propose(UUID caseId, Propose command) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        String evidence = command.evidence();
        secondaryMethods.check(remainsCase.toParty(), command.method());
        KinshipResults.QuotedCandidate candidate = null;
        if (command.kinshipCandidate() != null) {
            if (command.method() != IdentificationMethod.DNA && command.method() != IdentificationMethod.COMBINED) {
                throw new RuleViolation("method", "A proposal resting on a DNA kinship candidate is by DNA or COMBINED");
            }
            candidate = kinshipResults.quoteForProposal(caseId, command.kinshipCandidate());
            evidence = quoted(evidence, candidate.summary(), "the candidate's summary");
        }
        if (RESTING_ON_RECONCILIATION.contains(command.method())) {
            if (command.missingPerson() == null) {
                throw new RuleViolation("missingPersonId", "An identification by " + command.method() + " rests on the"
                        + " reconciliation with a missing person: name him (missingPersonId)");
            }
            if (candidate != null && !candidate.personId().equals(command.missingPerson())) {
                throw new RuleViolation("missingPersonId", "The DNA candidate points to another missing person");
            }
            evidence = quoted(evidence, reconciliations.quoteForProposal(caseId, command.missingPerson(), command.method(),
                    candidate != null, command.establishedIdentity()), "the reconciliation's reasons");
        } else if (command.missingPerson() != null) {
            throw new RuleViolation("missingPersonId", "A missing person is named for an identification resting on the"
                    + " reconciliation (ODONTOLOGY, FINGERPRINTS, COMBINED); by " + command.method() + " it is not");
        }
        remainsCase.candidateProposed(actor, now).ifPresent(entityManager::persist);
        IdentificationProposal proposal = new IdentificationProposal(caseId, command.method(), evidence,
                command.establishedIdentity(), actor, now);
        if (candidate != null) {
            proposal.restsOn(candidate.id());
        }
        proposal.reconciledWith(command.missingPerson());
        entityManager.persist(proposal);
        audit.record("case.identification.propose", "case", caseId.toString());
        if (!config.requiresSecondExaminer(actor.organisation())) {
            proposal.confirmAsSingleExaminer(now);
            confirmed(remainsCase, proposal, actor, now);
        }
        return proposal;
    }

    public enum Decision { CONFIRM, REJECT }

    private static String quoted(String evidence, String quote, String what) {
        String quoted = evidence + "\n\n" + quote;
        if (quoted.length() > MAX_EVIDENCE) {
            throw new RuleViolation("evidence", "With " + what + " the evidence exceeds " + MAX_EVIDENCE
                    + " characters; shorten it");
        }
        return quoted;
    }

    /**
     * What was allowed when proposed may not be now: the party's policy changed, or a record corrected since (a tooth
     * charted again, a fingerprint exclusion) no longer carries the reconciliation it rests on. Nobody confirms what
     * the rules or the reconciliation no longer say; a proposal from before the rules names no person and is refused.
     */
    private void stillAllowed(RemainsCase remainsCase, IdentificationProposal proposal) {
        try {
            secondaryMethods.check(remainsCase.toParty(), proposal.method());
        } catch (RuleViolation refused) {
            throw new InvalidTransition(refused.getMessage() + ": reject this proposal");
        }
        if (!RESTING_ON_RECONCILIATION.contains(proposal.method())) {
            return;
        }
        if (proposal.missingPersonId() == null) {
            throw new InvalidTransition("A proposal by " + proposal.method() + " rests on the reconciliation with a missing"
                    + " person, and this one names none: reject it, and propose again naming him");
        }
        try {
            reconciliations.quoteForProposal(proposal.caseId(), proposal.missingPersonId(), proposal.method(),
                    proposal.kinshipCandidateId() != null, proposal.establishedIdentity());
        } catch (RuleViolation changed) {
            throw new InvalidTransition("The reconciliation no longer carries this proposal (" + changed.getMessage()
                    + "): reject it, and propose again on what stands");
        }
    }

    public IdentificationProposal decide(UUID caseId, UUID proposalId, Decision decision, String reason) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        IdentificationProposal proposal = entityManager.find(IdentificationProposal.class, proposalId);
        if (proposal == null || !proposal.caseId().equals(caseId)) {
            throw ProblemException.notFound("Proposal " + proposalId + " of case " + caseId);
        }
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        if (decision == Decision.CONFIRM) {
            if (proposal.restsOnErasedCandidate()) {
                throw new InvalidTransition("The DNA candidate this proposal rests on was erased (a donor withdrew"
                        + " consent, or the register entry was erased): reject it, and propose again on what stands");
            }
            stillAllowed(remainsCase, proposal);
            proposal.confirm(actor, reason, now);
            confirmed(remainsCase, proposal, actor, now);
        } else {
            proposal.reject(actor, reason, now);
            // The case waits for a proposal while an undisputed candidate stands; only then does it go back.
            if (remainsCase.status() == CaseStatus.CANDIDATE_FOUND && !pendingProposals(caseId)
                    && !kinshipResults.undisputedCandidateStands(caseId)) {
                entityManager.persist(remainsCase.candidatesExhausted(actor, now));
            }
        }
        audit.record("case.identification.decide", "case", caseId.toString());
        return proposal;
    }

    /**
     * The DNA candidates named are about to be erased: every open proposal resting on one is rejected with the
     * reason, in the caller's transaction, before the candidates go. Confirmed ones keep the candidate's numbers
     * as their evidence quotes them.
     */
    public void candidatesErased(Collection<UUID> candidateIds, String reason, Actor by, Instant now) {
        // The proposal itself records who settled it and why; the request that caused it (a consent withdrawal)
        // is audited where it is served, and the background matching has no caller to audit.
        restingOn(candidateIds).forEach(proposal -> proposal.evidenceWithdrawn(reason, by, now));
        entityManager.flush();
    }

    /**
     * The DNA candidates named were computed again with other numbers, or stopped being undisputed: every open
     * proposal resting on one is rejected with the reason (it quoted numbers that no longer hold); the candidates
     * stay, and the examiners may propose again on them.
     */
    public void candidatesChanged(Collection<UUID> candidateIds, String reason, Actor by, Instant now) {
        restingOn(candidateIds).forEach(proposal -> proposal.evidenceChanged(reason, by, now));
        entityManager.flush();
    }

    private List<IdentificationProposal> restingOn(Collection<UUID> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select p from IdentificationProposal p where p.kinshipCandidateId in :candidates",
                IdentificationProposal.class).setParameter("candidates", candidateIds).getResultList();
    }

    public List<IdentificationProposal> proposals(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.proposals.read", "case", caseId.toString());
        return entityManager.createQuery("select p from IdentificationProposal p where p.caseId = :id"
                + " order by p.decision.proposedAt", IdentificationProposal.class).setParameter("id", caseId).getResultList();
    }

    /** Whether a proposal of the case still awaits its decision. */
    boolean pendingProposals(UUID caseId) {
        entityManager.flush();
        return entityManager.createQuery("select count(p) from IdentificationProposal p where p.caseId = :id"
                        + " and p.decision.status = PROPOSED", Long.class).setParameter("id", caseId).getSingleResult() > 0;
    }

    private void confirmed(RemainsCase remainsCase, IdentificationProposal proposal, Actor actor, Instant now) {
        entityManager.persist(remainsCase.identified(proposal, actor, now));
        entityManager.createQuery("select p from IdentificationProposal p where p.caseId = :id and p.id <> :confirmed"
                        + " and p.decision.status = PROPOSED", IdentificationProposal.class)
                .setParameter("id", remainsCase.id()).setParameter("confirmed", proposal.id())
                .getResultList().forEach(other -> other.supersededBy(proposal));
        entityManager.createQuery("select p from ClosureProposal p where p.caseId = :id and p.decision.status = PROPOSED",
                        ClosureProposal.class).setParameter("id", remainsCase.id())
                .getResultList().forEach(closure -> closure.supersededBy(proposal));
        announcements.announce(CaseEvents.IDENTIFICATION_CONFIRMED, remainsCase);
    }
}

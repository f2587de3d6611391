package org.homeward.identification.cases;

import org.homeward.identification.shared.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.UUID;

/**
 * An identity one examiner proposes for a case, with the method and the evidence, until a second examiner
 * of the same organisation confirms or rejects it (four-eyes). Where an organisation works with a single
 * examiner the proposal is confirmed as it is made, and says so. Proposals never leave the laboratory.
 */
@Entity
@Table(name = "identification_proposal")
public class IdentificationProposal {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IdentificationMethod method;

    @Column(nullable = false)
    private String evidence;

    /** The DNA kinship candidate the proposal rests on, if any (its numbers are quoted in the evidence). */
    @Column(name = "kinship_candidate_id")
    private UUID kinshipCandidateId;

    /** The candidate it rested on, kept when the candidate itself is erased (then the pointer above is null). */
    @Column(name = "quoted_candidate_id")
    private UUID quotedCandidateId;

    @Embedded
    private EstablishedIdentity establishedIdentity;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Version
    private long version;

    protected IdentificationProposal() {
    }

    /** Attaches the kinship candidate this proposal rests on. */
    public void restsOn(UUID kinshipCandidate) {
        this.kinshipCandidateId = kinshipCandidate;
        this.quotedCandidateId = kinshipCandidate;
    }

    public IdentificationProposal(UUID caseId, IdentificationMethod method, String evidence,
                                  EstablishedIdentity establishedIdentity, Actor proposer, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.method = method;
        this.evidence = evidence;
        this.establishedIdentity = establishedIdentity;
        this.proposedBy = proposer.subject();
        this.organisation = proposer.organisation();
        this.proposedAt = now;
        this.status = ProposalStatus.PROPOSED;
    }

    /** The second examiner agrees. Nobody confirms his own proposal; the decider is of the same organisation. */
    public void confirm(Actor examiner, String reason, Instant now) {
        decide(ProposalStatus.CONFIRMED, examiner, reason, now);
    }

    public void reject(Actor examiner, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "A rejection says why");
        }
        decide(ProposalStatus.REJECTED, examiner, reason, now);
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    public void confirmAsSingleExaminer(Instant now) {
        status = ProposalStatus.CONFIRMED;
        decidedBy = proposedBy;
        decidedAt = now;
        decisionReason = "Confirmed as proposed: " + organisation + " works without a second examiner";
    }

    /**
     * The DNA candidate it rests on is going (a donor withdrew consent, or the matching no longer finds the
     * person): an open proposal is settled as rejected, saying why, so nobody confirms evidence that is gone;
     * a decided one keeps the candidate's numbers as its evidence quotes them. Answers whether it was rejected.
     */
    public boolean evidenceWithdrawn(String reason, Actor by, Instant now) {
        kinshipCandidateId = null;
        if (status != ProposalStatus.PROPOSED) {
            return false;
        }
        status = ProposalStatus.REJECTED;
        decidedBy = by.subject();
        decidedAt = now;
        decisionReason = reason;
        return true;
    }

    /** Whether it rested on a DNA candidate that has since been erased. */
    public boolean restsOnErasedCandidate() {
        return quotedCandidateId != null && kinshipCandidateId == null;
    }

    /** Another proposal of the case was confirmed: this one is settled as rejected, saying by which. */
    public void supersededBy(IdentificationProposal confirmed) {
        if (status == ProposalStatus.PROPOSED) {
            status = ProposalStatus.REJECTED;
            decidedBy = confirmed.decidedBy;
            decidedAt = confirmed.decidedAt;
            decisionReason = "Superseded by the confirmed proposal " + confirmed.id;
        }
    }

    private void decide(ProposalStatus outcome, Actor examiner, String reason, Instant now) {
        if (status != ProposalStatus.PROPOSED) {
            throw new InvalidTransition("The proposal was already " + status);
        }
        FourEyes.ensureSecondExaminer(proposedBy, organisation, examiner, "an identification");
        status = outcome;
        decidedBy = examiner.subject();
        decidedAt = now;
        decisionReason = reason;
    }

    public boolean isPending() {
        return status == ProposalStatus.PROPOSED;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public IdentificationMethod method() { return method; }
    public String evidence() { return evidence; }
    /** The DNA candidate it rested on, if any (kept after the candidate is erased; see restsOnErasedCandidate). */
    public UUID kinshipCandidateId() { return quotedCandidateId; }
    public EstablishedIdentity establishedIdentity() { return establishedIdentity; }
    public String proposedBy() { return proposedBy; }
    public String organisation() { return organisation; }
    public Instant proposedAt() { return proposedAt; }
    public ProposalStatus status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
}

package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.UUID;

/**
 * One examiner's proposal to close a case (not a national; unidentifiable with a candidate found) or to
 * revoke its confirmed identification, decided by a second examiner of the same laboratory, so that no
 * single person can undo what two decided or send remains away on his own word.
 */
@Entity
@Table(name = "case_closure_proposal")
public class ClosureProposal {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClosureKind kind;

    @Column(nullable = false)
    private String reason;

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

    protected ClosureProposal() {
    }

    public ClosureProposal(UUID caseId, ClosureKind kind, String reason, Actor proposer, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.reason = reason;
        this.proposedBy = proposer.subject();
        this.organisation = proposer.organisation();
        this.proposedAt = now;
        this.status = ProposalStatus.PROPOSED;
    }

    public void confirm(Actor examiner, String why, Instant now) {
        decide(ProposalStatus.CONFIRMED, examiner, why, now);
    }

    public void reject(Actor examiner, String why, Instant now) {
        if (why == null || why.isBlank()) {
            throw new RuleViolation("reason", "A rejection says why");
        }
        decide(ProposalStatus.REJECTED, examiner, why, now);
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    public void confirmAsSingleExaminer(Instant now) {
        status = ProposalStatus.CONFIRMED;
        decidedBy = proposedBy;
        decidedAt = now;
        decisionReason = "Confirmed as proposed: " + organisation + " works without a second examiner";
    }

    private void decide(ProposalStatus outcome, Actor examiner, String why, Instant now) {
        if (status != ProposalStatus.PROPOSED) {
            throw new InvalidTransition("The closure proposal was already " + status);
        }
        FourEyes.ensureSecondExaminer(proposedBy, organisation, examiner, "a closure or a revocation");
        status = outcome;
        decidedBy = examiner.subject();
        decidedAt = now;
        decisionReason = why;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public ClosureKind kind() { return kind; }
    public String reason() { return reason; }
    public String proposedBy() { return proposedBy; }
    public String organisation() { return organisation; }
    public Instant proposedAt() { return proposedAt; }
    public ProposalStatus status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
}

package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;

/**
 * What one examiner proposes, a second examiner of the same laboratory decides: who proposed it and when,
 * and how it was settled. Identifications, closures as not a national or unidentifiable, and revocations of
 * a confirmed identification all carry one, so the rule is written once.
 */
@Embeddable
public class FourEyesDecision {

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    /** The proposer's name as his token stated it (null where it named nobody). */
    @Column(name = "proposed_by_name")
    private String proposedByName;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    protected FourEyesDecision() {
    }

    FourEyesDecision(Actor proposer, Instant now) {
        this.proposedBy = proposer.subject();
        this.proposedByName = proposer.name();
        this.organisation = proposer.organisation();
        this.proposedAt = now;
        this.status = ProposalStatus.PROPOSED;
    }

    /** The second examiner agrees. Nobody decides his own proposal; the decider is of the same organisation. */
    void confirm(Actor examiner, String reason, Instant now, String what) {
        decide(ProposalStatus.CONFIRMED, examiner, reason, now, what);
    }

    void reject(Actor examiner, String reason, Instant now, String what) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "A rejection says why");
        }
        decide(ProposalStatus.REJECTED, examiner, reason, now, what);
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    void confirmAsSingleExaminer(Instant now) {
        settle(ProposalStatus.CONFIRMED, proposedBy, proposedByName, now,
                "Confirmed as proposed: " + organisation + " works without a second examiner");
    }

    /**
     * Settled by what happened around it rather than by an examiner's decision (another proposal confirmed,
     * the evidence erased); only a pending proposal is. Answers whether it was.
     */
    boolean settleIfPending(ProposalStatus outcome, String by, String byName, Instant at, String reason) {
        if (status != ProposalStatus.PROPOSED) {
            return false;
        }
        settle(outcome, by, byName, at, reason);
        return true;
    }

    private void decide(ProposalStatus outcome, Actor examiner, String reason, Instant now, String what) {
        if (status != ProposalStatus.PROPOSED) {
            throw new InvalidTransition("The proposal was already " + status);
        }
        if (examiner.subject().equals(proposedBy)) {
            throw new RuleViolation("decision", "Four-eyes: the examiner who proposed " + what + " may not decide it");
        }
        if (!examiner.organisation().equals(organisation)) {
            throw new RuleViolation("decision", "Four-eyes: the second examiner is of the proposing organisation");
        }
        settle(outcome, examiner.subject(), examiner.name(), now, reason);
    }

    private void settle(ProposalStatus outcome, String by, String byName, Instant at, String reason) {
        status = outcome;
        decidedBy = by;
        decidedByName = byName;
        decidedAt = at;
        decisionReason = reason;
    }

    public boolean isPending() {
        return status == ProposalStatus.PROPOSED;
    }

    public String proposedBy() { return proposedBy; }
    /** The proposer's name as his token stated it; null where it named nobody, or before names were kept. */
    public String proposedByName() { return proposedByName; }
    public String organisation() { return organisation; }
    public Instant proposedAt() { return proposedAt; }
    public ProposalStatus status() { return status; }
    public String decidedBy() { return decidedBy; }
    public String decidedByName() { return decidedByName; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
}

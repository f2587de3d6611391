package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.identification.shared.Actor;

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

    @Embedded
    private FourEyesDecision decision;

    @Version
    private long version;

    protected ClosureProposal() {
    }

    public ClosureProposal(UUID caseId, ClosureKind kind, String reason, Actor proposer, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.reason = reason;
        this.decision = new FourEyesDecision(proposer, now);
    }

    public void confirm(Actor examiner, String why, Instant now) {
        decision.confirm(examiner, why, now, "a closure or a revocation");
    }

    public void reject(Actor examiner, String why, Instant now) {
        decision.reject(examiner, why, now, "a closure or a revocation");
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    public void confirmAsSingleExaminer(Instant now) {
        decision.confirmAsSingleExaminer(now);
    }

    /** An identification of the case was confirmed meanwhile: a pending closure is settled as rejected. */
    public void supersededBy(IdentificationProposal confirmed) {
        decision.settleIfPending(ProposalStatus.REJECTED, confirmed.decidedBy(), confirmed.decidedByName(),
                confirmed.decidedAt(), "Superseded by the confirmed identification " + confirmed.id());
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public ClosureKind kind() { return kind; }
    public String reason() { return reason; }
    public String proposedBy() { return decision.proposedBy(); }
    public String organisation() { return decision.organisation(); }
    public Instant proposedAt() { return decision.proposedAt(); }
    public ProposalStatus status() { return decision.status(); }
    public String decidedBy() { return decision.decidedBy(); }
    public Instant decidedAt() { return decision.decidedAt(); }
    public String decisionReason() { return decision.decisionReason(); }
}

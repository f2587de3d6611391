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
 * One examiner's proposal to split a case's remains into several individuals, or to join another case's remains to
 * it as a fragment of the same person, decided by a second examiner of the same laboratory: the number of persons
 * a handover brought home is not one examiner's word.
 */
@Entity
@Table(name = "commingling_proposal")
public class ComminglingProposal {

    public enum Kind { SPLIT, JOIN }

    @Id
    private UUID id;

    /** The case split, or the case a fragment is joined into. */
    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** SPLIT: how many individuals the remains hold (the case itself and the others). */
    private Integer individuals;

    /** JOIN: the case whose remains are a fragment of this case's person; it closes as JOINED. */
    @Column(name = "fragment_case_id")
    private UUID fragmentCaseId;

    @Column(nullable = false)
    private String reason;

    /** JOIN: the DNA re-association it rests on, as quoted, if any. */
    private String reassociation;

    @Embedded
    private FourEyesDecision decision;

    @Version
    private long version;

    protected ComminglingProposal() {
    }

    private ComminglingProposal(UUID caseId, Kind kind, String reason, Actor proposer, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.reason = reason;
        this.decision = new FourEyesDecision(proposer, now);
    }

    public static ComminglingProposal split(UUID caseId, int individuals, String reason, Actor proposer, Instant now) {
        ComminglingProposal proposal = new ComminglingProposal(caseId, Kind.SPLIT, reason, proposer, now);
        proposal.individuals = individuals;
        return proposal;
    }

    public static ComminglingProposal join(UUID caseId, UUID fragmentCaseId, String reassociation, String reason,
                                           Actor proposer, Instant now) {
        ComminglingProposal proposal = new ComminglingProposal(caseId, Kind.JOIN, reason, proposer, now);
        proposal.fragmentCaseId = fragmentCaseId;
        proposal.reassociation = reassociation;
        return proposal;
    }

    public void confirm(Actor examiner, String why, Instant now) {
        decision.confirm(examiner, why, now, "a split or a join");
    }

    public void reject(Actor examiner, String why, Instant now) {
        decision.reject(examiner, why, now, "a split or a join");
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    public void confirmAsSingleExaminer(Instant now) {
        decision.confirmAsSingleExaminer(now);
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public Kind kind() { return kind; }
    public Integer individuals() { return individuals; }
    public UUID fragmentCaseId() { return fragmentCaseId; }
    public String reason() { return reason; }
    public String reassociation() { return reassociation; }
    public String proposedBy() { return decision.proposedBy(); }
    public String organisation() { return decision.organisation(); }
    public Instant proposedAt() { return decision.proposedAt(); }
    public ProposalStatus status() { return decision.status(); }
    public String decidedBy() { return decision.decidedBy(); }
    public Instant decidedAt() { return decision.decidedAt(); }
    public String decisionReason() { return decision.decisionReason(); }
}

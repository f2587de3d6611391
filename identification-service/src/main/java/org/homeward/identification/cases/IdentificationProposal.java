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

    /** The missing person whose reconciliation with the case it rests on (its reasons are quoted in the evidence). */
    @Column(name = "missing_person_id")
    private UUID missingPersonId;

    @Embedded
    private EstablishedIdentity establishedIdentity;

    @Embedded
    private FourEyesDecision decision;

    @Version
    private long version;

    protected IdentificationProposal() {
    }

    /** Attaches the kinship candidate this proposal rests on. */
    public void restsOn(UUID kinshipCandidate) {
        this.kinshipCandidateId = kinshipCandidate;
        this.quotedCandidateId = kinshipCandidate;
    }

    /** Attaches the missing person whose reconciliation with the case this proposal rests on. */
    public void reconciledWith(UUID missingPerson) {
        this.missingPersonId = missingPerson;
    }

    public IdentificationProposal(UUID caseId, IdentificationMethod method, String evidence,
                                  EstablishedIdentity establishedIdentity, Actor proposer, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.method = method;
        this.evidence = evidence;
        this.establishedIdentity = establishedIdentity;
        this.decision = new FourEyesDecision(proposer, now);
    }

    /** The second examiner agrees. Nobody confirms his own proposal; the decider is of the same organisation. */
    public void confirm(Actor examiner, String reason, Instant now) {
        decision.confirm(examiner, reason, now, "an identification");
    }

    public void reject(Actor examiner, String reason, Instant now) {
        decision.reject(examiner, reason, now, "an identification");
    }

    /** Confirmed as made, for an organisation configured to work without a second examiner. */
    public void confirmAsSingleExaminer(Instant now) {
        decision.confirmAsSingleExaminer(now);
    }

    /**
     * The DNA candidate it rests on is going (a donor withdrew consent, or the matching no longer finds the
     * person): an open proposal is settled as rejected, saying why, so nobody confirms evidence that is gone;
     * a decided one keeps the candidate's numbers as its evidence quotes them. Answers whether it was rejected.
     */
    public boolean evidenceWithdrawn(String reason, Actor by, Instant now) {
        kinshipCandidateId = null;
        return decision.settleIfPending(ProposalStatus.REJECTED, by.subject(), by.name(), now, reason);
    }

    /**
     * The DNA candidate it rests on was computed again with other numbers, or is no longer undisputed: an open
     * proposal is settled as rejected, saying why (its evidence quotes numbers that no longer hold). Answers
     * whether it was rejected.
     */
    public boolean evidenceChanged(String reason, Actor by, Instant now) {
        return decision.settleIfPending(ProposalStatus.REJECTED, by.subject(), by.name(), now, reason);
    }

    /** Whether it rested on a DNA candidate that has since been erased. */
    public boolean restsOnErasedCandidate() {
        return quotedCandidateId != null && kinshipCandidateId == null;
    }

    /** Another proposal of the case was confirmed: this one is settled as rejected, saying by which. */
    public void supersededBy(IdentificationProposal confirmed) {
        decision.settleIfPending(ProposalStatus.REJECTED, confirmed.decidedBy(), confirmed.decidedByName(),
                confirmed.decidedAt(), "Superseded by the confirmed proposal " + confirmed.id);
    }

    public boolean isPending() {
        return decision.isPending();
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public IdentificationMethod method() { return method; }
    public String evidence() { return evidence; }
    /** The DNA candidate it rested on, if any (kept after the candidate is erased; see restsOnErasedCandidate). */
    public UUID kinshipCandidateId() { return quotedCandidateId; }
    public UUID missingPersonId() { return missingPersonId; }
    public EstablishedIdentity establishedIdentity() { return establishedIdentity; }
    public String proposedBy() { return decision.proposedBy(); }
    public String proposedByName() { return decision.proposedByName(); }
    public String organisation() { return decision.organisation(); }
    public Instant proposedAt() { return decision.proposedAt(); }
    public ProposalStatus status() { return decision.status(); }
    public String decidedBy() { return decision.decidedBy(); }
    public String decidedByName() { return decision.decidedByName(); }
    public Instant decidedAt() { return decision.decidedAt(); }
    public String decisionReason() { return decision.decisionReason(); }
}

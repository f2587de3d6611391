package org.homeward.identification.cases.api;

import org.homeward.identification.cases.ClosureKind;
import org.homeward.identification.cases.ClosureProposal;
import org.homeward.identification.cases.ProposalStatus;

import java.time.Instant;
import java.util.UUID;

/** A closure or revocation proposal with its decision, for the laboratory's examiners only. */
public record ClosureProposalResponse(UUID id, UUID caseId, ClosureKind kind, String reason, String proposedBy,
                                      Instant proposedAt, ProposalStatus status, String decidedBy, Instant decidedAt,
                                      String decisionReason) {

    static ClosureProposalResponse of(ClosureProposal p) {
        return new ClosureProposalResponse(p.id(), p.caseId(), p.kind(), p.reason(), p.proposedBy(), p.proposedAt(),
                p.status(), p.decidedBy(), p.decidedAt(), p.decisionReason());
    }
}

package org.homeward.identification.cases.api;

import org.homeward.identification.cases.ComminglingProposal;
import org.homeward.identification.cases.ProposalStatus;

import java.time.Instant;
import java.util.UUID;

/** A split or join with its decision, for the laboratory's examiners. */
public record ComminglingProposalResponse(UUID id, UUID caseId, ComminglingProposal.Kind kind, Integer individuals,
                                          UUID fragmentCaseId, String reassociation, String reason, String proposedBy,
                                          Instant proposedAt, ProposalStatus status, String decidedBy, Instant decidedAt,
                                          String decisionReason) {

    static ComminglingProposalResponse of(ComminglingProposal p) {
        return new ComminglingProposalResponse(p.id(), p.caseId(), p.kind(), p.individuals(), p.fragmentCaseId(),
                p.reassociation(), p.reason(), p.proposedBy(), p.proposedAt(), p.status(), p.decidedBy(), p.decidedAt(),
                p.decisionReason());
    }
}

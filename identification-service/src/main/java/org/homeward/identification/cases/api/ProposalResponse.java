package org.homeward.identification.cases.api;

import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.IdentificationProposal;
import org.homeward.identification.cases.ProposalStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal with its decision, for the laboratory's examiners only. {@code missingPersonId}: the person whose
 * reconciliation it rests on (ODONTOLOGY, FINGERPRINTS, COMBINED).
 */
public record ProposalResponse(UUID id, UUID caseId, IdentificationMethod method, String evidence,
                               UUID kinshipCandidateId, UUID missingPersonId, EstablishedIdentity establishedIdentity, String proposedBy, Instant proposedAt,
                               ProposalStatus status, String decidedBy, Instant decidedAt, String decisionReason) {

    static ProposalResponse of(IdentificationProposal p) {
        return new ProposalResponse(p.id(), p.caseId(), p.method(), p.evidence(), p.kinshipCandidateId(), p.missingPersonId(),
                p.establishedIdentity(),
                p.proposedBy(), p.proposedAt(), p.status(), p.decidedBy(), p.decidedAt(), p.decisionReason());
    }
}

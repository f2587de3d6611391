package org.homeward.identification.kinship.api;

import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.application.KinshipCandidates;
import org.homeward.identification.kinship.ReassociationCandidate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the matching found, as the examiners read it. */
public final class KinshipCandidateResponses {

    public record CandidateResponse(UUID id, UUID caseId, UUID personId, String reference, List<UUID> donorIds,
                                    double lr, double log10Lr, Map<String, Double> perLocus, int lociCompared,
                                    String method, double prior, double posterior, int rank, boolean undisputed,
                                    Instant computedAt) {
        static CandidateResponse of(KinshipCandidates.Opened opened) {
            KinshipCandidate c = opened.candidate();
            return new CandidateResponse(c.id(), c.caseId(), c.personId(), c.reference(), c.donorIds(), c.lr(),
                    c.log10Lr(), opened.perLocus(), c.lociCompared(), c.method(), c.prior(), c.posterior(), c.rankInCase(),
                    c.undisputed(), c.computedAt());
        }
    }

    public record ReassociationResponse(UUID id, UUID caseId, UUID otherCaseId, double lr, int lociCompared,
                                        Instant computedAt) {
        static ReassociationResponse of(ReassociationCandidate r, UUID seenFrom) {
            return new ReassociationResponse(r.id(), seenFrom, r.otherThan(seenFrom), r.lr(), r.lociCompared(),
                    r.computedAt());
        }
    }

    private KinshipCandidateResponses() {
    }
}

package org.homeward.identification.kinship.api;

import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.ReassociationCandidate;
import org.homeward.identification.kinship.SexComparison;
import org.homeward.identification.kinship.application.KinshipCandidates;
import org.homeward.identification.kinship.engine.ReferenceCheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the matching found, as the examiners read it: {@code lr} is the autosomal ratio ({@code autosomalLr}) times each
 * lineage part's that does not exclude ({@code lineage}: Y-STR and mtDNA, each with the closest reference of its line).
 */
public final class KinshipCandidateResponses {

    public record CandidateResponse(UUID id, UUID caseId, UUID personId, String reference, List<UUID> donorIds,
                                    double lr, double log10Lr, Map<String, Double> perLocus, int lociCompared,
                                    String method, double prior, double posterior, int rank, boolean undisputed,
                                    List<String> disputedBecause, SexComparison sex, List<ReferenceResponse> references,
                                    CandidateBasis basis, double autosomalLr, List<LineagePart> lineage, Instant computedAt) {
        static CandidateResponse of(KinshipCandidates.Opened opened) {
            KinshipCandidate c = opened.candidate();
            return new CandidateResponse(c.id(), c.caseId(), c.personId(), c.reference(), c.donorIds(), c.lr(),
                    c.log10Lr(), opened.perLocus(), c.lociCompared(), c.method(), c.prior(), c.posterior(), c.rankInCase(),
                    c.undisputed(), c.disputedBecause(), c.sexComparison(), c.referenceChecks().stream().map(ReferenceResponse::of).toList(),
                    c.basis(), c.autosomalLr(), c.lineage(), c.computedAt());
        }
    }

    /** One reference of the family compared on its own: its LR and the loci inconsistent with its relationship. */
    public record ReferenceResponse(UUID donorId, String relationship, double lr, List<String> inconsistentLoci) {
        static ReferenceResponse of(ReferenceCheck check) {
            return new ReferenceResponse(UUID.fromString(check.donorId()), check.relation().name(), check.lr(),
                    check.inconsistentLoci());
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

package org.homeward.identification.kinship;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one door through which the cases feature reads what the kinship matching found (ArchitectureTest
 * keeps it the only one): the cases decide, the kinship feature computes, and neither reaches into the
 * other's tables.
 */
public interface KinshipResults {

    /**
     * A DNA candidate of the case, as a proposal quotes it: the numbers an examiner can check. Not found (404)
     * when the case has no such candidate, so a proposal cannot rest on another case's evidence.
     */
    QuotedCandidate quoteForProposal(UUID caseId, UUID candidateId);

    /**
     * A DNA re-association of the two cases' remains (the same person's fragments), as a join quotes it. Refused
     * (422) when {@code reassociationId} does not link these two cases.
     */
    String quoteReassociation(UUID caseId, UUID otherCaseId, UUID reassociationId);

    /** Whether an undisputed DNA candidate of the case stands now (a rejected proposal leaves it standing). */
    boolean undisputedCandidateStands(UUID caseId);

    /**
     * The case's DNA candidates by missing person, as a reconciliation shows them beside its own findings (never
     * multiplied with them).
     */
    Map<UUID, DnaStanding> standingByPerson(UUID caseId);

    /** The cases of the agreement assigned to the laboratory that have a DNA candidate. */
    Set<UUID> withCandidates(UUID agreementId, String laboratory);

    /** Where a person stands in the case's DNA matching. */
    record DnaStanding(UUID candidateId, double log10Lr, double posterior, boolean undisputed) {
    }

    /** The candidate's id, the missing person it points to, and the words the proposal's evidence quotes. */
    record QuotedCandidate(UUID id, UUID personId, String summary) {
    }
}

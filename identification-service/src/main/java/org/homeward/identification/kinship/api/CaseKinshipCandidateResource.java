package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.KinshipCandidates;
import org.homeward.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}/kinship-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class CaseKinshipCandidateResource {

    private final KinshipCandidates candidates;

    public CaseKinshipCandidateResource(KinshipCandidates candidates) {
        this.candidates = candidates;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Missing persons whose family references match the remains, strongest first (the case's"
            + " laboratory; audited)", description = "LR per locus and in total, loci compared, prior (1/N for the N"
            + " missing persons of the party unless configured), posterior, rank, and whether the candidate is"
            + " undisputed (by default: posterior among the case's candidates >= 0.9995, LR >= 1,000 x every rival"
            + " of the case and the same person's ratio in other remains, at least 12 loci compared).")
    public List<KinshipCandidateResponses.CandidateResponse> ofCase(@PathParam("id") UUID id) {
        return candidates.ofCase(id).stream().map(KinshipCandidateResponses.CandidateResponse::of).toList();
    }
}

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

@Path("/api/v1/missing-persons/{id}/kinship-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class PersonKinshipCandidateResource {

    private final KinshipCandidates candidates;

    public PersonKinshipCandidateResource(KinshipCandidates candidates) {
        this.candidates = candidates;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Remains matching a missing person's family, strongest first (the party's laboratories; audited)")
    public List<KinshipCandidateResponses.CandidateResponse> ofPerson(@PathParam("id") UUID id) {
        return candidates.ofPerson(id).stream().map(KinshipCandidateResponses.CandidateResponse::of).toList();
    }
}

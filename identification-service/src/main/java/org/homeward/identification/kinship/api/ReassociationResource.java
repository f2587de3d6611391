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

@Path("/api/v1/cases/{id}/reassociations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class ReassociationResource {

    private final KinshipCandidates candidates;

    public ReassociationResource(KinshipCandidates candidates) {
        this.candidates = candidates;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Other cases whose profile matches this one as the same person: commingled remains to"
            + " re-associate (the case's laboratory; audited)")
    public List<KinshipCandidateResponses.ReassociationResponse> reassociations(@PathParam("id") UUID id) {
        return candidates.reassociationsOf(id).stream()
                .map(r -> KinshipCandidateResponses.ReassociationResponse.of(r, id)).toList();
    }
}

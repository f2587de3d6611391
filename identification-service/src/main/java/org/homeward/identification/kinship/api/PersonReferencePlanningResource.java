package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.ReferenceReviews;
import org.homeward.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/missing-persons/{id}/reference-planning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class PersonReferencePlanningResource {

    private final ReferenceReviews reviews;

    public PersonReferencePlanningResource(ReferenceReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Reference planning for the person's family: the exclusion power (exact, without mutation)"
            + " and inclusion power (simulated remains reaching the reporting threshold, and the undisputed rule's"
            + " margin over it) of each typed reference and of both parents together, and the inclusion power one more"
            + " relative of each kind would give alone, best first (a laboratory of the person's party; audited)")
    public ReferenceReviews.Plan of(@PathParam("id") UUID id) {
        return reviews.plan(id);
    }
}

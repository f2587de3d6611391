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
import org.homeward.identification.kinship.engine.ReferenceFit;
import org.homeward.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/missing-persons/{id}/reference-fit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class PersonReferenceFitResource {

    private final ReferenceReviews reviews;

    public PersonReferenceFitResource(ReferenceReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The person's references checked against each other: for each pair whose relationship the"
            + " statements fix, its ratio against unrelated and the best-fitting relationship's; a pair fitting"
            + " another relationship 1,000 times better (homeward.kinship.reference-fit-factor) is flagged, and the"
            + " family's candidates are not undisputed (a laboratory of the person's party; audited)")
    public List<ReferenceFit.Pair> of(@PathParam("id") UUID id) {
        return reviews.fit(id);
    }
}

package org.homeward.identification.register.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.register.LinkageReview;
import org.homeward.identification.register.application.RegisterReviews;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/missing-persons/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Register of the missing", description = "One register from every source, without duplicates")
public class ReviewResource {

    private final RegisterReviews reviews;

    public ReviewResource(RegisterReviews reviews) {
        this.reviews = reviews;
    }

    /** candidateId: the entry to merge into, for an UNCOMPARED review (which names none). */
    public record DecisionRequest(@NotNull RegisterReviews.Decision decision, UUID candidateId) {
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Uncertain matches waiting for a reviewer (OPEN by default), oldest first", description = "Each "
            + "names the report's entry, the candidate it may be, and which fields agreed and how closely; personId "
            + "narrows the queue to the reviews about one entry.")
    public Page<RegisterResponses.ReviewResponse> list(@QueryParam("status") LinkageReview.Status status,
                                                       @QueryParam("personId") UUID personId,
                                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(reviews.list(status, personId, request).stream().map(RegisterResponses.ReviewResponse::of).toList(), request);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "MERGE the report's entry into the candidate, or SEPARATE them (audited)", description = "An"
            + " UNCOMPARED review names no candidate (the report's blocking key holds more entries than one report is"
            + " compared with): MERGE it with candidateId, the entry found by searching the register; SEPARATE"
            + " keeps the report as its own entry.")
    public RegisterResponses.ReviewResponse decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return RegisterResponses.ReviewResponse.of(reviews.decide(id, request.decision(), request.candidateId()));
    }

    @POST
    @Path("/{id}/merge-undo")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Undo a merge: the entry stands again with exactly the reports the merge moved (audited)")
    public RegisterResponses.ReviewResponse undo(@PathParam("id") UUID id) {
        return RegisterResponses.ReviewResponse.of(reviews.undoMerge(id));
    }
}

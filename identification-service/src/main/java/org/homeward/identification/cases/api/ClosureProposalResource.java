package org.homeward.identification.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.cases.ClosureProposal;
import org.homeward.identification.cases.application.CaseClosures;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}/closure-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Closures and revocations", description = "Proposed by one examiner, decided by a second of the same laboratory")
public class ClosureProposalResource {

    private final CaseClosures closures;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public ClosureProposalResource(CaseClosures closures, IdempotentCreation idempotency, Caller caller) {
        this.closures = closures;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Propose to close the case or to revoke its identification (assigned laboratory)",
            description = "NOT_A_NATIONAL: from any open state or after an identification; UNIDENTIFIABLE: from an open"
                    + " state (needed only with a candidate found; otherwise POST .../closure closes at once); REVOCATION:"
                    + " of a confirmed identification, also after the remains went to the family. A second examiner of"
                    + " your laboratory decides it, unless your organisation works with one. Send an Idempotency-Key.")
    public Response propose(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                            @Valid @NotNull ClosureRequests.Closure request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/closure-proposals",
                idempotencyKey, request, () -> {
                    ClosureProposal proposal = closures.propose(id, request.kind(), request.reason());
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/closure-proposals/" + proposal.id()),
                            ClosureProposalResponse.of(proposal));
                });
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The case's closure and revocation proposals with their decisions (assigned laboratory; audited)")
    public List<ClosureProposalResponse> proposals(@PathParam("id") UUID id) {
        return closures.proposals(id).stream().map(ClosureProposalResponse::of).toList();
    }

    @POST
    @Path("/{proposalId}/decision")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Confirm or reject a closure or revocation (second examiner)", description = "The proposer may"
            + " not decide his own proposal. A confirmation closes the case (announcing identification.case.not-a-national"
            + " or .unidentifiable) or revokes the identification (identification.identification.revoked; the case is"
            + " worked on again, and its family is to be told again if it was told); a rejection needs a reason.")
    public ClosureProposalResponse decide(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId,
                                          @Valid @NotNull ClosureRequests.Decision request) {
        return ClosureProposalResponse.of(closures.decide(id, proposalId, request.decision(), request.reason()));
    }
}

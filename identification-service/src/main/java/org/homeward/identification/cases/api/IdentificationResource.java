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
import org.homeward.identification.cases.IdentificationProposal;
import org.homeward.identification.cases.application.Identifications;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identifications", description = "Proposed by one examiner, decided by a second of the same laboratory")
public class IdentificationResource {

    private final Identifications identifications;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public IdentificationResource(Identifications identifications, IdempotentCreation idempotency, Caller caller) {
        this.identifications = identifications;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Propose an identification", description = "For a case under examination (or profiled); the "
            + "case becomes CANDIDATE_FOUND. A second examiner of your laboratory decides it, unless your organisation "
            + "is configured to work with one (homeward.identification.single-examiner-organisations). Proposals never "
            + "leave the laboratory. Send an Idempotency-Key.")
    public Response propose(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                            @Valid @NotNull IdentificationRequests.Proposal request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/proposals", idempotencyKey,
                request, () -> {
                    IdentificationProposal proposal = identifications.propose(id, request.toCommand());
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/proposals/" + proposal.id()),
                            ProposalResponse.of(proposal));
                });
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The case's proposals with their decisions (assigned laboratory; audited)")
    public List<ProposalResponse> proposals(@PathParam("id") UUID id) {
        return identifications.proposals(id).stream().map(ProposalResponse::of).toList();
    }

    @POST
    @Path("/{proposalId}/decision")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Confirm or reject a proposal (second examiner)", description = "The proposer may not decide "
            + "his own proposal; the decider is of the proposing laboratory. A confirmation makes the case IDENTIFIED "
            + "and announces identification.identification.confirmed; a rejection needs a reason.")
    public ProposalResponse decide(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId,
                                   @Valid @NotNull IdentificationRequests.Decision request) {
        return ProposalResponse.of(identifications.decide(id, proposalId, request.decision(), request.reason()));
    }
}

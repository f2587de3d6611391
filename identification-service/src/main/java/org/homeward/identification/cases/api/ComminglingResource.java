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
import org.homeward.identification.cases.ComminglingProposal;
import org.homeward.identification.cases.application.CommingledRemains;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Commingled remains", description = "Splits and joins, proposed by one examiner and decided by a second of"
        + " the same laboratory (assigned laboratory only; audited)")
public class ComminglingResource {

    private final CommingledRemains commingled;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public ComminglingResource(CommingledRemains commingled, IdempotentCreation idempotency, Caller caller) {
        this.commingled = commingled;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/split-proposals")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Propose to split the remains into several individuals", description = "individuals counts the"
            + " case's own. Once confirmed, each further individual is a case of the same item, sub-tagged (TAG/2, ...),"
            + " with the item's claims copied, RECEIVED, announced as identification.case.opened. Open cases only. Send"
            + " an Idempotency-Key.")
    public Response split(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                          @Valid @NotNull ComminglingRequests.Split request) {
        return created(id, "split-proposals", idempotencyKey, request,
                () -> commingled.proposeSplit(id, request.individuals(), request.reason()));
    }

    @POST
    @Path("/join-proposals")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Propose to join another case's remains to this one, as a fragment of the same person",
            description = "The fragment's case must be open, of your laboratory and of the same receiving party, with no"
                    + " proposal pending; reassociationId names the DNA re-association of the two, quoted. Once confirmed,"
                    + " the fragment's case closes as JOINED (identification.case.joined). Send an Idempotency-Key.")
    public Response join(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                         @Valid @NotNull ComminglingRequests.Join request) {
        return created(id, "join-proposals", idempotencyKey, request,
                () -> commingled.proposeJoin(id, request.fragmentCaseId(), request.reassociationId(), request.reason()));
    }

    @GET
    @Path("/commingling-proposals")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The splits of this case and the joins into it or of it, with their decisions")
    public List<ComminglingProposalResponse> proposals(@PathParam("id") UUID id) {
        return commingled.proposals(id).stream().map(ComminglingProposalResponse::of).toList();
    }

    @POST
    @Path("/commingling-proposals/{proposalId}/decision")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Confirm or reject a split or join (second examiner)", description = "The proposer may not"
            + " decide his own; a rejection needs a reason; a confirmation is refused if the cases have moved on.")
    public ComminglingProposalResponse decide(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId,
                                              @Valid @NotNull ComminglingRequests.Decision request) {
        return ComminglingProposalResponse.of(commingled.decide(id, proposalId, request.decision(), request.reason()));
    }

    private Response created(UUID id, String path, String idempotencyKey, Object request,
                             Supplier<ComminglingProposal> propose) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/" + path, idempotencyKey,
                request, () -> {
                    ComminglingProposal proposal = propose.get();
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/commingling-proposals"),
                            ComminglingProposalResponse.of(proposal));
                });
    }
}

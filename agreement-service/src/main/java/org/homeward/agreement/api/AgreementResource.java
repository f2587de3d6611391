package org.homeward.agreement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.application.AgreementService;
import org.homeward.agreement.idempotency.Created;
import org.homeward.agreement.idempotency.IdempotentCreation;
import org.homeward.agreement.security.Caller;
import org.homeward.agreement.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "What the parties agreed")
public class AgreementResource {

    private final AgreementService agreements;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public AgreementResource(AgreementService agreements, IdempotentCreation idempotency, Caller caller) {
        this.agreements = agreements;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR})
    @Operation(summary = "Create a draft agreement",
            description = "A coordinator may draft for its own party; a mediator for an agreement it mediates. "
                    + "Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is in flight")
    @APIResponse(responseCode = "422", description = "A domain rule is broken, or the Idempotency-Key was reused")
    public Response create(
            @Parameter(description = "Makes the request safe to retry for 24 hours")
            @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
            @Valid @NotNull CreateAgreementRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/agreements", idempotencyKey, request, () -> {
            Agreement agreement = agreements.draft(request.toCommand());
            return new Created(URI.create("/api/v1/agreements/" + agreement.id()), AgreementResponse.of(agreement));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Read an agreement", description = "Answers 404 for agreements outside your scope.")
    public AgreementResponse get(@PathParam("id") UUID id) {
        return AgreementResponse.of(agreements.get(id));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "List the agreements you may see, newest first")
    public Page<AgreementResponse> list(
            @Parameter(description = "Only agreements naming this party") @QueryParam("party")
            @Pattern(regexp = "[A-Z]{2}") String party,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        List<AgreementResponse> fetched = agreements.list(party, page, size + 1).stream()
                .map(AgreementResponse::of).toList();
        return Page.of(fetched, page, size);
    }
}

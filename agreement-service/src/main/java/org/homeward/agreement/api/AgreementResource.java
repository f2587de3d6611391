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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementStatus;
import org.homeward.agreement.application.AgreementRepository;
import org.homeward.agreement.application.AgreementService;
import org.homeward.agreement.fulfilment.Fulfilment;
import org.homeward.agreement.fulfilment.Grouping;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "What the parties agreed, and how much of it has been delivered")
public class AgreementResource {

    private static final String ENDPOINT_CREATE = "POST /api/v1/agreements";
    private static final String ENDPOINT_AMEND = "POST /api/v1/agreements/{id}/amendments";

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
        return idempotency.create(caller.organisation(), ENDPOINT_CREATE, idempotencyKey, request, () -> {
            Agreement agreement = agreements.draft(request.toCommand());
            return new CreatedResource(URI.create("/api/v1/agreements/" + agreement.id()), AgreementResponse.of(agreement));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Read an agreement", description = "Answers 404 for agreements outside your scope. "
            + "The ETag is the version to send as If-Match when editing the draft.")
    public Response get(@PathParam("id") UUID id) {
        return withETag(agreements.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR})
    @Operation(summary = "Edit a draft", description = "Only before the first signature; requires If-Match with the ETag.")
    @APIResponse(responseCode = "412", description = "The draft changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull EditDraftRequest request) {
        return withETag(agreements.editDraft(id, expectedVersion(ifMatch), request::toContent));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "List the agreements you may see, newest first",
            description = "List items leave out signatories (named individuals); read one agreement to see them.")
    public Page<AgreementListItem> list(
            @Parameter(description = "Only agreements naming this party") @QueryParam("party")
            @Pattern(regexp = "[A-Z]{2}") String party,
            @QueryParam("status") AgreementStatus status,
            @Parameter(description = "Concluded on or after") @QueryParam("concludedFrom") LocalDate concludedFrom,
            @Parameter(description = "Concluded on or before") @QueryParam("concludedTo") LocalDate concludedTo,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        List<AgreementListItem> fetched = agreements.list(
                        new AgreementRepository.Filter(party, status, concludedFrom, concludedTo), request)
                .stream().map(AgreementListItem::of).toList();
        return Page.of(fetched, request);
    }

    @POST
    @Path("/{id}/signatures")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Sign the draft for your party",
            description = "With every party's signature the agreement is SIGNED, and ACTIVE once its effective date has come.")
    public AgreementResponse sign(@PathParam("id") UUID id, @Valid @NotNull SignRequest request) {
        return AgreementResponse.of(agreements.sign(id, request.signatoryName(), request.signatoryTitle()));
    }

    @POST
    @Path("/{id}/suspension")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Suspend an active agreement, with a reason")
    public AgreementResponse suspend(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(agreements.suspend(id, request.reason()));
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Resume a suspended agreement, with a reason")
    public AgreementResponse resume(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(agreements.resume(id, request.reason()));
    }

    @POST
    @Path("/{id}/termination")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Terminate an agreement, with a reason")
    public AgreementResponse terminate(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return AgreementResponse.of(agreements.terminate(id, request.reason()));
    }

    @POST
    @Path("/{id}/completion-declarations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Declare for your party that the agreement is complete",
            description = "With every party's declaration the agreement is COMPLETED.")
    public AgreementResponse declareComplete(@PathParam("id") UUID id) {
        return AgreementResponse.of(agreements.declareComplete(id));
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR})
    @Operation(summary = "Propose an amendment of the terms or the effective date",
            description = "Takes effect when every party has signed it. Term ids are kept across versions.")
    public Response amend(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                          @Valid @NotNull AmendmentRequest request) {
        return idempotency.create(caller.organisation(), ENDPOINT_AMEND.replace("{id}", id.toString()), idempotencyKey,
                request, () -> {
                    Agreement agreement = agreements.proposeAmendment(id,
                            current -> TermMapping.toTerms(request.terms(), current.currentVersion().terms()),
                            request.effectiveDate(), request.reason());
                    int number = agreement.pendingAmendment().orElseThrow().number();
                    return new CreatedResource(URI.create("/api/v1/agreements/" + id + "/versions/" + number),
                            AgreementResponse.of(agreement));
                });
    }

    @POST
    @Path("/{id}/amendments/{number}/signatures")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Sign a pending amendment for your party")
    public AgreementResponse signAmendment(@PathParam("id") UUID id, @PathParam("number") @Min(2) int number,
                                           @Valid @NotNull SignRequest request) {
        return AgreementResponse.of(agreements.signAmendment(id, number, request.signatoryName(),
                request.signatoryTitle()));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Every version of the terms, oldest first, with who proposed and signed each and why")
    public List<VersionResponse> versions(@PathParam("id") UUID id) {
        return agreements.versions(id).stream().map(VersionResponse::of).toList();
    }

    @GET
    @Path("/{id}/fulfilment")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY, Roles.OBSERVER})
    @Operation(summary = "How much of each term has been delivered, per direction and per period",
            description = "Received counts fulfil terms; days and ISO weeks are dates of receipt in the handover "
                    + "point's time zone. Observers may read these counts for any agreement past its draft.")
    public Fulfilment fulfilment(@PathParam("id") UUID id,
                                 @Parameter(description = "First date of receipt of the period") @QueryParam("from") LocalDate from,
                                 @Parameter(description = "Last date of receipt of the period") @QueryParam("to") LocalDate to,
                                 @QueryParam("groupBy") @DefaultValue("DAY") Grouping groupBy) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "'to' is before 'from'");
        }
        return agreements.fulfilment(id, from, to, groupBy);
    }

    private static Response withETag(Agreement agreement) {
        return Response.ok(AgreementResponse.of(agreement)).tag(new EntityTag(String.valueOf(agreement.version()))).build();
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag you read");
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this agreement");
        }
    }
}

package org.homeward.identification.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.application.CaseFilter;
import org.homeward.identification.cases.application.CaseOutcomes;
import org.homeward.identification.cases.application.CaseQueries;
import org.homeward.identification.cases.application.Visibility;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "One case per body received, from arrival to return")
public class CaseResource {

    private final CaseQueries queries;
    private final CaseOutcomes outcomes;

    public CaseResource(CaseQueries queries, CaseOutcomes outcomes) {
        this.queries = queries;
        this.outcomes = outcomes;
    }

    @GET
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Cases you may see, latest received first", description = "Examiners see their laboratory's "
            + "cases, coordinators those their party received or sent, mediators and the escort those of their "
            + "transfers; each with the fields your role may see. The period is of receipt, by the day at the "
            + "handover point, inclusive. Reads that show personal data are audited.")
    public Page<CaseResponse> list(@QueryParam("agreementId") UUID agreementId,
                                   @QueryParam("transferId") UUID transferId,
                                   @QueryParam("status") CaseStatus status,
                                   @QueryParam("claimedNationality") @Pattern(regexp = "[A-Z]{2}") String claimedNationality,
                                   @QueryParam("receivedFrom") LocalDate receivedFrom,
                                   @QueryParam("receivedTo") LocalDate receivedTo,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        CaseFilter filter = new CaseFilter(agreementId, transferId, status, claimedNationality, receivedFrom, receivedTo);
        return Page.of(queries.list(filter, request).stream()
                .map(c -> CaseResponse.of(c.remainsCase(), c.visibility())).toList(), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Read a case", description = "404 outside your scope. Audited when it shows personal data.")
    public CaseResponse get(@PathParam("id") UUID id) {
        return CaseResponse.of(queries.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Every change of status and assignment, oldest first")
    public List<HistoryResponse> history(@PathParam("id") UUID id) {
        return HistoryResponse.of(queries.history(id));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Reassign a case to another identifying laboratory (receiving party; audited)",
            description = "The laboratory must be configured for the receiving party; not while a proposal awaits its decision.")
    public CaseResponse reassign(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Reassign request) {
        return CaseResponse.of(outcomes.reassign(id, request.organisation(), request.reason()), Visibility.RECEIVING_PARTY);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Close a case as NOT_A_NATIONAL or UNIDENTIFIABLE (assigned laboratory)",
            description = "NOT_A_NATIONAL: the established identity or nationality contradicts the sender's claim; from "
                    + "any open state or after an identification. UNIDENTIFIABLE: from any open state.")
    public CaseResponse close(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Close request) {
        return CaseResponse.of(outcomes.close(id, request.outcome(), request.reason()), Visibility.LABORATORY);
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Record the handover of the remains (receiving party)", description = "IDENTIFIED remains "
            + "go to the FAMILY; NOT_A_NATIONAL remains go back to the SENDING_PARTY.")
    public CaseResponse returned(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Return request) {
        return CaseResponse.of(outcomes.returned(id, request.toCommand()), Visibility.RECEIVING_PARTY);
    }
}

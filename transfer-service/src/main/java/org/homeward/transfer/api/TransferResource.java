package org.homeward.transfer.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.PeriodGrouping;
import org.homeward.transfer.ReceiptPeriods;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.TransferState;
import org.homeward.transfer.application.HandoverService;
import org.homeward.transfer.application.ReconciliationReport;
import org.homeward.transfer.application.TransferService;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers", description = "Handovers: planned, dispatched, received")
public class TransferResource {

    private final TransferService transfers;
    private final HandoverService handovers;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public TransferResource(TransferService transfers, HandoverService handovers, IdempotentCreation idempotency,
                            Caller caller) {
        this.transfers = transfers;
        this.handovers = handovers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Plan a handover", description = "The agreement must be ACTIVE; every named term must be of "
            + "the transfer's kind and go from the sending to the receiving party. Send an Idempotency-Key.")
    public Response plan(@HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                         @Valid @NotNull PlanTransferRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/transfers", idempotencyKey, request, () -> {
            Transfer transfer = transfers.plan(request.toCommand());
            return new CreatedResource(URI.create("/api/v1/transfers/" + transfer.id()), TransferResponse.of(transfer));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Read a transfer", description = "404 outside your scope.")
    public TransferResponse get(@PathParam("id") UUID id) {
        return TransferResponse.of(transfers.get(id));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Transfers you send, receive, escort or mediate, latest scheduled first")
    public Page<TransferResponse> list(@QueryParam("agreementId") UUID agreementId,
                                       @QueryParam("party") @Pattern(regexp = "[A-Z]{2}") String party,
                                       @QueryParam("state") TransferState state,
                                       @QueryParam("scheduledFrom") Instant from,
                                       @QueryParam("scheduledTo") Instant to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(transfers.list(agreementId, party, state, from, to, request).stream()
                .map(TransferResponse::of).toList(), request);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "What arrived per period and direction", description = "Counts received in the transfers "
            + "you may see, beside what their manifests claimed, by receipt date in the handover point's time zone (as the"
            + " agreement ledger counts), per day or ISO week; from and to are inclusive local dates, at most 366 days"
            + " apart.")
    public List<ReceiptPeriods.PeriodTotal> summary(@QueryParam("from") @NotNull LocalDate from,
                                                    @QueryParam("to") @NotNull LocalDate to,
                                                    @QueryParam("groupBy") @DefaultValue("WEEK") PeriodGrouping groupBy,
                                                    @QueryParam("agreementId") UUID agreementId) {
        return transfers.summary(from, to, groupBy, agreementId);
    }

    @POST
    @Path("/{id}/dispatch")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Confirm dispatch with the count sent (sending party)", description = "The count must equal "
            + "the manifest's; for prisoners, every person's consent must have been confirmed by the escort.")
    public TransferResponse dispatch(@PathParam("id") UUID id, @Valid @NotNull HandoverRequests.Dispatch request) {
        return TransferResponse.of(handovers.dispatch(id, request.count(), request.dispatchedAt()));
    }

    @POST
    @Path("/{id}/receipt")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Record how many arrived (receiving party)", description = "A count equal to the dispatched "
            + "count establishes that every item arrived (RECEIVED); otherwise the state is provisional "
            + "(PARTIALLY_RECEIVED, or DISPUTED when more arrived than were sent) until reconciled.")
    public TransferResponse receipt(@PathParam("id") UUID id, @Valid @NotNull HandoverRequests.Receipt request) {
        Map<UUID, Integer> perTerm = request.terms() == null ? null : request.terms().stream()
                .collect(Collectors.toMap(HandoverRequests.TermReceipt::termId, HandoverRequests.TermReceipt::received,
                        Integer::sum));
        return TransferResponse.of(handovers.recordReceipt(id, request.count(), perTerm, request.receivedAt()));
    }

    @POST
    @Path("/{id}/reconciliation")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Account for every item (receiving party, once)", description = "Each manifest tag as "
            + "received or missing, plus extra items with tags of your own. Final state: RECEIVED when all arrived "
            + "and nothing else; PARTIALLY_RECEIVED with missing or extra items; DISPUTED when the items accounted "
            + "for contradict the count at receipt, or none of the manifest arrived.")
    public TransferResponse reconcile(@PathParam("id") UUID id,
                                      @Valid @NotNull HandoverRequests.Reconciliation request) {
        return TransferResponse.of(handovers.reconcile(id, request.received(), request.missing(), request.extras()));
    }

    @GET
    @Path("/{id}/reconciliation")
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "The discrepancy report (the two parties and the escort; audited)")
    public ReconciliationReport report(@PathParam("id") UUID id) {
        return handovers.report(id);
    }

    /** Why a handover is called off. */
    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Call a handover off before dispatch, with a reason")
    public TransferResponse cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return TransferResponse.of(transfers.cancel(id, request.reason()));
    }
}

package org.homeward.transfer.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.platform.text.SafeText;
import org.homeward.transfer.exchange.EntryStatus;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.exchange.MatchReview;
import org.homeward.transfer.exchange.RequestedPerson;
import org.homeward.transfer.exchange.application.ExchangeLists;
import org.homeward.transfer.prisoners.HeldPrisoner;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/exchange-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange lists", description = "Prisoner exchanges negotiated round by round, per prisoner-exchange term")
public class ExchangeListResource {

    private final ExchangeLists lists;
    private final IdempotentCreation idempotency;
    private final Caller caller;
    private final Validator validator;

    public ExchangeListResource(ExchangeLists lists, IdempotentCreation idempotency, Caller caller, Validator validator) {
        this.lists = lists;
        this.idempotency = idempotency;
        this.caller = caller;
        this.validator = validator;
    }

    public record OpenRequest(@NotNull UUID agreementId, @NotNull UUID termId) {
    }

    public record OfferRequest(@NotNull @Size(min = 1, max = 5000) List<@NotNull UUID> prisonerIds) {
    }

    public record PersonRequest(@NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String surname,
                                @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String firstNames,
                                @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String patronymic,
                                @NotNull @Pattern(regexp = "Cyrl|Latn") String script,
                                @Pattern(regexp = "[a-z]{2}") String language,
                                @Pattern(regexp = "\\d{4}(-\\d{2}-\\d{2})?") String dateOfBirth,
                                @Size(max = 64) @Pattern(regexp = SafeText.PATTERN) String serviceNumber) {
    }

    public record RequestsRequest(@NotNull @Size(min = 1, max = ExchangeLists.MAX_REQUESTS)
                                  List<@Valid @NotNull PersonRequest> requests) {
    }

    public record AnswerRequest(@NotNull EntryStatus status,
                                @NotBlank @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    public enum Verification { VERIFIED, DECLINES_REPATRIATION }

    public record VerificationRequest(@NotNull Verification decision,
                                      @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    public enum ReviewDecision { CONFIRM, REJECT }

    public record ReviewDecisionRequest(@NotNull ReviewDecision decision) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Open the exchange list of a prisoner-exchange term (either party's coordinators)",
            description = "One list per term: 201 when this opened it, 200 with the list it has when it was open"
                    + " already. The term's referenceDate (or the agreement's effective date) is the day eligibility is"
                    + " judged on. Not for CIVILIANS terms (422). Audited.")
    public Response open(@Valid @NotNull OpenRequest request) {
        ExchangeLists.Opened opened = lists.open(request.agreementId(), request.termId());
        ExchangeViews.ListView view = ExchangeViews.ListView.of(opened.list(), null);
        return opened.created() ? Response.created(URI.create("/api/v1/exchange-lists/" + opened.list().id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "The exchange lists of an agreement you may see")
    public List<ExchangeViews.ListView> ofAgreement(@QueryParam("agreementId") @NotNull UUID agreementId) {
        return lists.ofAgreement(agreementId).stream().map(l -> ExchangeViews.ListView.of(l, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "A list and where its term stands, in counts (eligible held, offered, verified, released,"
            + " declined, died, remaining, complete)")
    public ExchangeViews.ListView read(@PathParam("id") UUID id) {
        ExchangeLists.ListWithProgress found = lists.read(id);
        return ExchangeViews.ListView.of(found.list(), found.progress());
    }

    @GET
    @Path("/{id}/entries")
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "The persons on the list, offers and requests (the two parties and the agreement's"
            + " intermediaries; audited)")
    public Page<ExchangeViews.EntryView> entries(@PathParam("id") UUID id,
                                                 @QueryParam("kind") ExchangeEntry.Kind kind,
                                                 @QueryParam("status") EntryStatus status,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("100") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(views(lists.entries(id, kind, status, request)), request);
    }

    @POST
    @Path("/{id}/offers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Offer prisoners you hold (the detaining party's coordinators; audited)", description = "Each is"
            + " judged under the term on its reference date: one who does not qualify is offered NOT_ELIGIBLE with the"
            + " rule. Each offer is matched against the open requests.")
    public List<ExchangeViews.EntryView> offer(@PathParam("id") UUID id, @Valid @NotNull OfferRequest request) {
        return views(lists.offer(id, request.prisonerIds()));
    }

    @POST
    @Path("/{id}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Request persons (the receiving party's coordinators; audited)", description = "As you know"
            + " them: names in your script or a transliteration, dateOfBirth YYYY-MM-DD or YYYY. Each is matched to the"
            + " offers across scripts: MATCHED at once, a probable match to the detaining party's review, one the"
            + " records show released or dead answered so. 201 with the new entries; send an Idempotency-Key: a"
            + " retried call adds no entry twice.")
    public Response request(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String key,
                            @Valid @NotNull RequestsRequest request) {
        List<RequestedPerson> persons = new ArrayList<>();
        for (int i = 0; i < request.requests().size(); i++) {
            PersonRequest p = request.requests().get(i);
            BirthDate born;
            try {
                born = BirthDate.parse(p.dateOfBirth());
            } catch (RuleViolation e) {
                throw new RuleViolation("requests[" + i + "].dateOfBirth", e.getMessage());
            }
            persons.add(new RequestedPerson(p.surname().strip(), p.firstNames().strip(), p.patronymic(), p.script(),
                    p.language(), born, p.serviceNumber()));
        }
        return idempotency.create(caller.organisation(), "POST /api/v1/exchange-lists/" + id + "/requests", key, request,
                () -> new CreatedResource(URI.create("/api/v1/exchange-lists/" + id + "/entries?kind=REQUEST"),
                        views(lists.request(id, persons))));
    }

    @POST
    @Path("/{id}/requests")
    @Consumes("text/csv")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Request persons from a spreadsheet (the receiving party's coordinators; audited)",
            description = "CSV, UTF-8, a header row naming the columns surname,firstNames,patronymic,script,language,"
                    + "dateOfBirth,serviceNumber, then one request per row. Checked whole by the rules of the JSON body:"
                    + " one bad cell rejects all (422 with every row and field at fault), nothing stored. Matched and"
                    + " answered as the JSON body is; send an Idempotency-Key.")
    public Response requestAll(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String key, byte[] body) {
        return request(id, key, RequestRows.read(body, validator));
    }

    @POST
    @Path("/{id}/rounds")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Close the round: what follows is the list's next version (either party; audited)")
    public ExchangeViews.ListView nextRound(@PathParam("id") UUID id) {
        return ExchangeViews.ListView.of(lists.nextRound(id), null);
    }

    @POST
    @Path("/{id}/entries/{entryId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Answer a request with no offer: NOT_HELD, ALREADY_EXCHANGED, CIVILIAN, NOT_ELIGIBLE or DIED,"
            + " with the reason (the detaining party; audited)")
    public ExchangeViews.EntryView answer(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId,
                                          @Valid @NotNull AnswerRequest request) {
        return view(lists.answer(id, entryId, request.status(), request.reason()));
    }

    @POST
    @Path("/{id}/entries/{entryId}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERMEDIARY)
    @Operation(summary = "Verify an offered prisoner's identity and free will, or record that he declines"
            + " repatriation (GC III Art. 109; the agreement's intermediaries; audited)")
    public ExchangeViews.EntryView verify(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId,
                                          @Valid @NotNull VerificationRequest request) {
        return view(lists.verify(id, entryId, request.decision() == Verification.VERIFIED, request.reason()));
    }

    @GET
    @Path("/{id}/entries/{entryId}/history")
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Every change of an entry's status: from, to, why, by whom, in which round (audited)")
    public List<ExchangeViews.ChangeView> history(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return lists.history(id, entryId).stream().map(ExchangeViews.ChangeView::of).toList();
    }

    @GET
    @Path("/{id}/match-reviews")
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Probable matches of requests to offers (OPEN by default)")
    public List<ExchangeViews.ReviewView> reviews(@PathParam("id") UUID id,
                                                  @QueryParam("status") @DefaultValue("OPEN") MatchReview.Status status) {
        return lists.reviews(id, status).stream().map(ExchangeViews.ReviewView::of).toList();
    }

    @POST
    @Path("/{id}/match-reviews/{reviewId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "CONFIRM a probable match (both entries MATCHED) or REJECT it (the detaining party; audited)")
    public ExchangeViews.ReviewView decide(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId,
                                           @Valid @NotNull ReviewDecisionRequest request) {
        return ExchangeViews.ReviewView.of(lists.decide(id, reviewId, request.decision() == ReviewDecision.CONFIRM));
    }

    private List<ExchangeViews.EntryView> views(List<ExchangeEntry> entries) {
        Map<UUID, HeldPrisoner> prisoners = lists.prisonersOf(entries);
        return entries.stream().map(e -> ExchangeViews.EntryView.of(e, prisoners.get(e.prisonerId()))).toList();
    }

    private ExchangeViews.EntryView view(ExchangeEntry entry) {
        return views(List.of(entry)).get(0);
    }
}

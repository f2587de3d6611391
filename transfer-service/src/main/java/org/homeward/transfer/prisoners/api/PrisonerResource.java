package org.homeward.transfer.prisoners.api;

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
import org.homeward.platform.csv.SpreadsheetCsv;
import org.homeward.platform.http.HashedBody;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.platform.text.SafeText;
import org.homeward.transfer.manifest.format.ManifestFormat;
import org.homeward.transfer.prisoners.HeldPrisoner;
import org.homeward.transfer.prisoners.MedicalFinding;
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.prisoners.application.HeldPrisoners;
import org.homeward.transfer.prisoners.application.PrisonerViews;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/prisoners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prisoners held", description = "A party's records of the prisoners of war it holds (GC III Art. 17, 70,"
        + " 122): its coordinators only, every read audited")
@RolesAllowed(Roles.COORDINATOR)
public class PrisonerResource {

    private static final String CSV = "text/csv";

    private final HeldPrisoners prisoners;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public PrisonerResource(HeldPrisoners prisoners, IdempotentCreation idempotency, Caller caller) {
        this.prisoners = prisoners;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** One prisoner's particulars; checked field by field as an import's rows are (names in their script). */
    public record PrisonerRequest(String surname, String firstNames, String patronymic, String script, String language,
                                  String dateOfBirth, String placeOfBirth, String rank, String serviceNumber,
                                  String partyOfOrigin, String fatherFirstName, String motherMaidenName,
                                  String personToInform, String capturedOn, String capturePlace,
                                  String internmentPlace, String stateOfHealth) {

        Map<String, String> fields() {
            Map<String, String> fields = new HashMap<>();
            put(fields, "surname", surname);
            put(fields, "firstNames", firstNames);
            put(fields, "patronymic", patronymic);
            put(fields, "script", script);
            put(fields, "language", language);
            put(fields, "dateOfBirth", dateOfBirth);
            put(fields, "placeOfBirth", placeOfBirth);
            put(fields, "rank", rank);
            put(fields, "serviceNumber", serviceNumber);
            put(fields, "partyOfOrigin", partyOfOrigin);
            put(fields, "fatherFirstName", fatherFirstName);
            put(fields, "motherMaidenName", motherMaidenName);
            put(fields, "personToInform", personToInform);
            put(fields, "capturedOn", capturedOn);
            put(fields, "capturePlace", capturePlace);
            put(fields, "internmentPlace", internmentPlace);
            put(fields, "stateOfHealth", stateOfHealth);
            return fields;
        }

        private static void put(Map<String, String> fields, String name, String value) {
            if (value != null && !value.isBlank()) {
                fields.put(name, value.strip());
            }
        }
    }

    public record Imported(String detainingParty, int prisoners) {
    }

    public record FindingRequest(@NotNull Boolean seriouslyWoundedOrSick, @NotNull LocalDate decidedOn,
                                 @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String commissionReference) {
    }

    public record DeathRequest(@NotNull LocalDate diedOn,
                               @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String place,
                               @Size(max = 2000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String cause) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a prisoner your party holds (its coordinators; audited)", description = "Required:"
            + " surname, firstNames, script (Cyrl, Latn), dateOfBirth (YYYY-MM-DD), rank, partyOfOrigin, capturedOn,"
            + " capturePlace, internmentPlace. Optional: patronymic, language (uk, ru), placeOfBirth, serviceNumber,"
            + " fatherFirstName, motherMaidenName, personToInform, stateOfHealth. Send an Idempotency-Key.")
    public Response record(@HeaderParam(IdempotentCreation.HEADER) String key, @Valid @NotNull PrisonerRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/prisoners", key, request, () -> {
            HeldPrisoner prisoner = prisoners.record(request.fields());
            return new CreatedResource(URI.create("/api/v1/prisoners/" + prisoner.id()),
                    PrisonerViews.PrisonerView.of(prisoner, null));
        });
    }

    @POST
    @Path("/imports")
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "Import the prisoners your party holds (its coordinators; audited)", description = "CSV with"
            + " a header row naming the columns of a single record, or JSON {\"prisoners\": [{...}]} with text values;"
            + " UTF-8. At most 20,000 prisoners, checked whole: one bad cell rejects all (422 with every row and field"
            + " at fault), nothing stored. Send an Idempotency-Key: a retried upload is not recorded twice.")
    public Response importAll(@HeaderParam("Content-Type") String contentType,
                              @HeaderParam(IdempotentCreation.HEADER) String key,
                              @HeaderParam("Content-Length") @DefaultValue("-1") long declaredLength, InputStream body) {
        ManifestFormat format = contentType != null && contentType.startsWith(CSV) ? ManifestFormat.CSV : ManifestFormat.JSON;
        HashedBody upload = HashedBody.read(body, declaredLength);
        return idempotency.create(caller.organisation(), "POST /api/v1/prisoners/imports", key,
                Map.of("format", format.name(), "sha256", upload.sha256()), () -> {
                    int count = prisoners.importAll(format, upload.bytes());
                    return new CreatedResource(URI.create("/api/v1/prisoners?status=HELD"),
                            new Imported(caller.party().orElseThrow(), count));
                });
    }

    @GET
    @Operation(summary = "Your party's prisoners in one status (HELD by default), by surname (audited)")
    public Page<PrisonerViews.PrisonerView> list(@QueryParam("status") @DefaultValue("HELD") PrisonerStatus status,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(prisoners.list(status, request).stream()
                .map(p -> PrisonerViews.PrisonerView.of(p, null)).toList(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A prisoner's record, with his names in Latin letters and the commission's latest decision"
            + " (audited)")
    public PrisonerViews.PrisonerView read(@PathParam("id") UUID id) {
        HeldPrisoners.PrisonerRecord found = prisoners.read(id);
        return PrisonerViews.PrisonerView.of(found.prisoner(), found.latestFinding());
    }

    @GET
    @Path("/{id}/capture-card")
    @Operation(summary = "The capture card (GC III Annex IV B) for the Central Tracing Agency (audited)")
    public PrisonerViews.CaptureCard captureCard(@PathParam("id") UUID id) {
        return prisoners.captureCard(id);
    }

    @GET
    @Path("/{id}/capture-card")
    @Produces(CSV + ";qs=0.5")
    @Operation(summary = "The capture card as spreadsheet-safe CSV (audited)")
    public Response captureCardCsv(@PathParam("id") UUID id) {
        PrisonerViews.CaptureCard card = prisoners.captureCard(id);
        return csv(SpreadsheetCsv.write(PrisonerViews.CaptureCard.COLUMNS, List.of(card.cells())),
                "capture-card-" + id + ".csv");
    }

    @GET
    @Path("/notification-list")
    @Operation(summary = "The Art. 122 notification list for the ICRC Central Tracing Agency over a period (audited)",
            description = "The prisoners recorded (captured) and the deaths in captivity from `from` to `to`"
                    + " (inclusive, at most a year), each with the capture card's data, in the order they happened.")
    public List<PrisonerViews.NotificationLine> notificationList(@QueryParam("from") @NotNull LocalDate from,
                                                                 @QueryParam("to") @NotNull LocalDate to) {
        return prisoners.notificationList(from, to);
    }

    @GET
    @Path("/notification-list")
    @Produces(CSV + ";qs=0.5")
    @Operation(summary = "The Art. 122 notification list as spreadsheet-safe CSV (audited)")
    public Response notificationListCsv(@QueryParam("from") @NotNull LocalDate from,
                                        @QueryParam("to") @NotNull LocalDate to) {
        List<List<String>> rows = prisoners.notificationList(from, to).stream()
                .map(PrisonerViews.NotificationLine::cells).toList();
        return csv(SpreadsheetCsv.write(PrisonerViews.NotificationLine.COLUMNS, rows),
                "notification-list-" + from + "-" + to + ".csv");
    }

    @POST
    @Path("/{id}/medical-findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a Mixed Medical Commission's decision on a prisoner (GC III Art. 110, 112; audited)",
            description = "Decisions are kept, the latest standing. Send an Idempotency-Key: a retried call records it once.")
    public Response recordFinding(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String key,
                                  @Valid @NotNull FindingRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/prisoners/" + id + "/medical-findings", key,
                request, () -> {
                    MedicalFinding finding = prisoners.recordFinding(id, request.seriouslyWoundedOrSick(),
                            request.decidedOn(), request.commissionReference());
                    return new CreatedResource(URI.create("/api/v1/prisoners/" + id), new PrisonerViews.Finding(
                            finding.seriouslyWoundedOrSick(), finding.decidedOn(), finding.commissionReference()));
                });
    }

    @POST
    @Path("/{id}/death")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a death in captivity (GC III Art. 120): the record closes; the public topic hears"
            + " counts only (audited)")
    public PrisonerViews.PrisonerView recordDeath(@PathParam("id") UUID id, @Valid @NotNull DeathRequest request) {
        HeldPrisoners.PrisonerRecord closed = prisoners.recordDeath(id, request.diedOn(), request.place(), request.cause());
        return PrisonerViews.PrisonerView.of(closed.prisoner(), closed.latestFinding());
    }

    private static Response csv(byte[] body, String filename) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}

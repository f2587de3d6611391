package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.signin.ConsoleUser;
import org.homeward.console.signin.CurrentUser;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Remains cases: a laboratory's queue with the API's filters, and a case with its claim beside what
 * identification established, its history, and for examiners the DNA candidates, the reconciliation of the post-
 * and ante-mortem records, and the four-eyes proposals.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    static final List<String> STATUSES = List.of("RECEIVED", "UNDER_EXAMINATION", "PROFILED", "CANDIDATE_FOUND",
            "IDENTIFIED", "NOT_A_NATIONAL", "UNIDENTIFIABLE", "WITHDRAWN", "RETURNED", "JOINED");
    static final List<String> METHODS = List.of("DNA", "FINGERPRINTS", "ODONTOLOGY", "VISUAL", "DOCUMENTS", "COMBINED");
    /** The reconciliation's best persons a case page lists (the API ranks every person with a record). */
    static final int RECONCILED_SHOWN = 10;

    public record CaseRow(String id, String tag, String status, String receivedOn, String direction, String claimedNationality) {
    }

    /** A person as claimed or as established; every field may be absent. */
    public record Identity(String surname, String firstNames, String patronymic, String dateOfBirth,
                           String nationality, String serviceNumber) {
        static Identity of(JsonNode node) {
            if (!node.isObject()) {
                return null;
            }
            return new Identity(Json.text(node, "surname"), Json.text(node, "firstNames"), Json.text(node, "patronymic"),
                    Json.text(node, "dateOfBirth"), Json.text(node, "nationality"), Json.text(node, "serviceNumber"));
        }
    }

    public record CaseHead(String id, String tag, String status, String receivedOn, String direction,
                           Identity claimed, Identity established, boolean open) {
    }

    public record HistoryRow(String occurredAt, String kind, String change, String by) {
    }

    public record LocusRatio(String locus, String lr) {
    }

    public record CandidateRow(String id, String reference, String lr, String posterior, int lociCompared,
                               boolean undisputed, String disputedBecause, List<LocusRatio> perLocus) {
    }

    public record ExaminationRow(String kind, String examiner, String examinedOn, String method, String findings) {
    }

    /** One link of the chain of custody: who held which item where, from when until when (open: still). */
    public record CustodyRow(int position, String item, String sampleType, String heldBy, String location,
                             String heldFrom, String heldUntil) {
    }

    /**
     * A missing person as the reconciliation of the case's post-mortem record with his ante-mortem record ranks him:
     * its reasons, and his DNA standing in the case beside them (never combined).
     */
    public record ReconciledRow(String personId, String name, String strength, String primaryIdentifiers, int dentalPoints,
                                List<String> exclusions, List<String> concordances, String dnaPosterior, boolean excluded) {
    }

    public record ProposalRow(String id, String method, String evidence, Identity identity, String status,
                              String proposedBy, String decidedBy, String decisionReason, boolean pending) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<CaseRow> cases, List<String> statuses, Filters filters, Paging paging,
                                             String pagerQuery);

        static native TemplateInstance detail(CaseHead remainsCase, List<HistoryRow> history, boolean examiner,
                                              List<ExaminationRow> examinations, List<CustodyRow> custody,
                                              List<CandidateRow> candidates, List<ReconciledRow> reconciled,
                                              List<ProposalRow> proposals, List<String> methods, String idempotencyKey);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;

    CasePages(ServiceClient services, CurrentUser currentUser, Pages pages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    /** The queue as the API filters it: status, agreement, claimed nationality, days of receipt (no names). */
    public record Filters(String status, String agreementId, String claimedNationality, String receivedFrom,
                          String receivedTo) {

        String query() {
            StringBuilder query = new StringBuilder();
            append(query, "status", status);
            append(query, "agreementId", agreementId);
            append(query, "claimedNationality", claimedNationality);
            append(query, "receivedFrom", receivedFrom);
            append(query, "receivedTo", receivedTo);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=').append(value);
            }
        }
    }

    @GET
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("agreementId") String agreementId,
                                  @QueryParam("claimedNationality") String claimedNationality,
                                  @QueryParam("receivedFrom") String receivedFrom, @QueryParam("receivedTo") String receivedTo,
                                  @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = new Filters(status != null && STATUSES.contains(status) ? status : null,
                blank(agreementId) ? null : Ids.uuid(agreementId.trim(), "agreementId"),
                blank(claimedNationality) ? null : Ids.country(claimedNationality, "claimedNationality"),
                blank(receivedFrom) ? null : Ids.date(receivedFrom, "receivedFrom"),
                blank(receivedTo) ? null : Ids.date(receivedTo, "receivedTo"));
        JsonNode found = services.get(Service.IDENTIFICATION, "/api/v1/cases?size=" + Paging.SIZE + "&page="
                + Math.max(0, page) + filters.query(), currentUser.get());
        List<CaseRow> rows = new ArrayList<>();
        found.path("items").forEach(c -> rows.add(new CaseRow(c.path("id").asText(), c.path("tag").asText(),
                c.path("status").asText(), c.path("receivedOn").asText(""), Json.direction(c),
                c.path("claimed").path("nationality").asText(""))));
        return pages.localised(Templates.queue(rows, STATUSES, filters, Paging.of(found), filters.query()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The identified dead the person's party received in a period, as the API's spreadsheet (formulas defused),
     * for the National Information Bureau and the ICRC's Central Tracing Agency (coordinators). Dates only in the
     * address: the names are in the file.
     */
    @GET
    @Path("/identified-dead.csv")
    @Produces("text/csv")
    public Response identifiedDead(@QueryParam("from") String from, @QueryParam("to") String to) {
        String first = Ids.date(from, "from");
        String last = Ids.date(to, "to");
        byte[] csv = services.getBytes(Service.IDENTIFICATION, "/api/v1/identified-dead?from=" + first + "&to=" + last,
                "text/csv", currentUser.get());
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"identified-dead-" + first + "-" + last + ".csv\"")
                .build();
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") UUID id) {
        ConsoleUser user = currentUser.get();
        JsonNode c = services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id, user);
        String status = c.path("status").asText();
        CaseHead head = new CaseHead(id.toString(), c.path("tag").asText(), status, c.path("receivedOn").asText(""),
                Json.direction(c), Identity.of(c.path("claimed")), Identity.of(c.path("established")),
                List.of("RECEIVED", "UNDER_EXAMINATION", "PROFILED", "CANDIDATE_FOUND").contains(status));
        List<HistoryRow> history = new ArrayList<>();
        services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/history", user).forEach(h -> history.add(
                new HistoryRow(h.path("occurredAt").asText(), h.path("kind").asText(),
                        join(Json.text(h, "from"), Json.text(h, "to")), Json.text(h, "actorSubject"))));
        boolean examiner = user.has("forensic-examiner");
        List<CandidateRow> candidates = new ArrayList<>();
        List<ReconciledRow> reconciled = new ArrayList<>();
        List<ProposalRow> proposals = new ArrayList<>();
        List<ExaminationRow> examinations = new ArrayList<>();
        List<CustodyRow> custody = new ArrayList<>();
        if (examiner) {
            services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/examinations", user).forEach(e -> examinations.add(
                    new ExaminationRow(e.path("kind").asText(), Json.text(e, "examiner"), Json.text(e, "examinedOn"),
                            Json.text(e, "method"), Json.text(e, "findings"))));
            services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/custody", user).forEach(link -> custody.add(
                    new CustodyRow(link.path("position").asInt(), Json.text(link, "item"), Json.text(link, "sampleType"),
                            Json.text(link, "heldBy"), Json.text(link, "location"), Json.text(link, "heldFrom"),
                            Json.text(link, "heldUntil"))));
            services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/kinship-candidates", user)
                    .forEach(k -> candidates.add(candidate(k)));
            services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/reconciliation?limit=" + RECONCILED_SHOWN, user)
                    .path("candidates").forEach(r -> reconciled.add(reconciled(r)));
            services.get(Service.IDENTIFICATION, "/api/v1/cases/" + id + "/proposals", user).forEach(p -> proposals.add(
                    new ProposalRow(p.path("id").asText(), p.path("method").asText(), Json.text(p, "evidence"),
                            Identity.of(p.path("establishedIdentity")), p.path("status").asText(), Json.text(p, "proposedBy"),
                            Json.text(p, "decidedBy"), Json.text(p, "decisionReason"), "PROPOSED".equals(p.path("status").asText()))));
        }
        TemplateInstance page = pages.localised(Templates.detail(head, history, examiner, examinations, custody,
                candidates, reconciled, proposals, METHODS,
                UUID.randomUUID().toString()));
        // A case page shows personal data: no cache keeps it.
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("id") UUID id, @FormParam("idempotencyKey") String idempotencyKey,
                            @FormParam("method") String method, @FormParam("evidence") String evidence,
                            @FormParam("surname") String surname, @FormParam("firstNames") String firstNames,
                            @FormParam("patronymic") String patronymic, @FormParam("dateOfBirth") String dateOfBirth,
                            @FormParam("nationality") String nationality, @FormParam("serviceNumber") String serviceNumber,
                            @FormParam("kinshipCandidateId") String kinshipCandidateId,
                            @FormParam("missingPersonId") String missingPersonId) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("surname", blankToNull(surname));
        identity.put("firstNames", blankToNull(firstNames));
        identity.put("patronymic", blankToNull(patronymic));
        identity.put("dateOfBirth", blankToNull(dateOfBirth));
        identity.put("nationality", nationality == null ? null : blankToNull(nationality.toUpperCase(Locale.ROOT)));
        identity.put("serviceNumber", blankToNull(serviceNumber));
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("method", blankToNull(method));
        proposal.put("evidence", blankToNull(evidence));
        proposal.put("establishedIdentity", identity);
        proposal.put("kinshipCandidateId", blankToNull(kinshipCandidateId));
        proposal.put("missingPersonId", blankToNull(missingPersonId));
        services.send(Service.IDENTIFICATION, "POST", "/api/v1/cases/" + id + "/proposals", proposal,
                Ids.idempotencyKey(idempotencyKey),
                currentUser.get());
        return Response.seeOther(URI.create("/cases/" + id)).build();
    }

    @POST
    @Path("/{id}/proposals/{proposalId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId,
                           @FormParam("decision") String decision, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", blankToNull(decision));
        body.put("reason", blankToNull(reason));
        services.send(Service.IDENTIFICATION, "POST", "/api/v1/cases/" + id + "/proposals/" + proposalId + "/decision",
                body, Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/cases/" + id)).build();
    }

    private static CandidateRow candidate(JsonNode k) {
        List<LocusRatio> perLocus = new ArrayList<>();
        k.path("perLocus").fields().forEachRemaining(e -> perLocus.add(new LocusRatio(e.getKey(), ratio(e.getValue().asDouble()))));
        List<String> disputed = new ArrayList<>();
        k.path("disputedBecause").forEach(d -> disputed.add(d.asText()));
        return new CandidateRow(k.path("id").asText(), k.path("reference").asText(), ratio(k.path("lr").asDouble()),
                String.format(Locale.ROOT, "%.6f", k.path("posterior").asDouble()), k.path("lociCompared").asInt(),
                k.path("undisputed").asBoolean(), String.join("; ", disputed), perLocus);
    }

    private static ReconciledRow reconciled(JsonNode r) {
        List<String> exclusions = new ArrayList<>();
        r.path("exclusions").forEach(e -> exclusions.add(e.path("by").asText() + ": " + e.path("text").asText()));
        List<String> concordances = new ArrayList<>();
        r.path("concordances").forEach(e -> concordances.add(e.path("by").asText() + ": " + e.path("text").asText()));
        List<String> primary = new ArrayList<>();
        r.path("primaryIdentifiers").forEach(p -> primary.add(p.asText()));
        String name = String.join(" ", List.of(r.path("surname").asText(""), r.path("firstNames").asText(""))).trim();
        JsonNode dna = r.path("dna");
        return new ReconciledRow(r.path("missingPersonId").asText(), name, r.path("strength").asText(),
                String.join(", ", primary), r.path("dentalPoints").asInt(), exclusions, concordances,
                dna.isObject() ? String.format(Locale.ROOT, "%.6f", dna.path("posterior").asDouble()) : null,
                "EXCLUDED".equals(r.path("strength").asText()));
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }


    private static String join(String from, String to) {
        return from == null ? (to == null ? "" : to) : from + " → " + (to == null ? "" : to);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

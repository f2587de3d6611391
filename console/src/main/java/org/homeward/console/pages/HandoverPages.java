package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.console.i18n.Languages;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.services.ServiceRefusal;
import org.homeward.console.signin.ConsoleUser;
import org.homeward.console.signin.CurrentUser;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Handovers: a board by state, and a handover with its counts, where the sending coordinator uploads the
 * manifest (each row's error shown in place when the service refuses it) and dispatches, and the receiving
 * coordinator records the receipt and reconciles item by item, then reads the discrepancy report.
 */
@Path("/handovers")
@Produces(MediaType.TEXT_HTML)
public class HandoverPages {

    static final List<String> STATES = List.of("PLANNED", "MANIFEST_SUBMITTED", "DISPATCHED", "RECEIVED",
            "PARTIALLY_RECEIVED", "DISPUTED", "CANCELLED");

    public record Card(String id, String kind, String direction, String scheduledAt, String handoverPoint,
                       int manifestItems, String received) {
    }

    public record Column(String state, List<Card> cards) {
    }

    public record HandoverView(String id, String agreementId, String kind, String direction, String state,
                               String statusReason, String scheduledAt, String handoverPoint, String timeZone,
                               int manifestItems, String dispatchedAt, String receivedAt, String countedAtReceipt,
                               String reconciledAt, boolean sender, boolean receiver, boolean escort,
                               int consentsConfirmed, List<TermLine> terms) {

        /** A handover of several terms is received term by term (the service asks for each term's count). */
        public boolean perTerm() {
            return terms.size() > 1;
        }

        /**
         * Prisoners go only once the escort heard each one consent (GC III Art. 109), recorded on the submitted
         * manifest by the escorting organisation.
         */
        public boolean awaitsConsents() {
            return escort && "PRISONERS".equals(kind) && "MANIFEST_SUBMITTED".equals(state)
                    && consentsConfirmed < manifestItems;
        }

        public boolean acceptsManifest() {
            return sender && ("PLANNED".equals(state) || "MANIFEST_SUBMITTED".equals(state));
        }

        public boolean dispatchable() {
            return sender && "MANIFEST_SUBMITTED".equals(state);
        }

        public boolean receivable() {
            return receiver && "DISPATCHED".equals(state);
        }

        /** Received but not yet accounted item by item. */
        public boolean reconcilable() {
            return receiver && reconciledAt == null && ("RECEIVED".equals(state) || "PARTIALLY_RECEIVED".equals(state)
                    || "DISPUTED".equals(state)) && countedAtReceipt != null;
        }
    }

    /** A term the handover fulfils, with what was declared and dispatched for it. */
    public record TermLine(String termId, int declared, int dispatched) {
    }

    public record Report(int declared, int dispatched, int countedAtReceipt, int received, int missing, int extra,
                         String missingTags, String extraTags) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(List<Column> columns, String agreementId);

        static native TemplateInstance handover(HandoverView handover, Report report,
                                                List<ServiceRefusal.FieldError> errors, String refusal);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Languages languages;

    HandoverPages(ServiceClient services, CurrentUser currentUser, Pages pages, Languages languages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
        this.languages = languages;
    }

    /** The board: the latest hundred handovers one may see (of one agreement, if given), in a column per state. */
    @GET
    public TemplateInstance board(@QueryParam("agreementId") String agreementId) {
        String agreement = agreementId == null || agreementId.isBlank() ? null : Ids.uuid(agreementId.trim(), "agreementId");
        JsonNode found = services.get(Service.TRANSFER, "/api/v1/transfers?size=100"
                + (agreement == null ? "" : "&agreementId=" + agreement), currentUser.get());
        Map<String, List<Card>> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, new ArrayList<>()));
        found.path("items").forEach(t -> byState.computeIfAbsent(t.path("state").asText(), s -> new ArrayList<>())
                .add(new Card(t.path("id").asText(), t.path("kind").asText(), Json.direction(t),
                        Times.at(Json.text(t, "scheduledAt"), t.path("handoverPoint").path("timeZone").asText(), languages.locale()),
                        t.path("handoverPoint").path("name").asText(), t.path("manifestItems").asInt(),
                        t.path("countedAtReceipt").isNumber() ? t.path("countedAtReceipt").asText() : null)));
        List<Column> columns = new ArrayList<>();
        byState.forEach((state, cards) -> columns.add(new Column(state, cards)));
        return pages.localised(Templates.board(columns, agreement));
    }

    @GET
    @Path("/{id}")
    public Response handover(@PathParam("id") UUID id) {
        return page(id, List.of(), null, 200);
    }

    /** The sender's manifest, as a CSV file; refused whole, with each row and field at fault shown on the page. */
    @POST
    @Path("/{id}/manifest")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response manifest(@PathParam("id") UUID id, @RestForm("manifest") FileUpload manifest) {
        if (manifest == null || manifest.size() == 0) {
            return page(id, List.of(new ServiceRefusal.FieldError("manifest", "choose a CSV file")), null, 400);
        }
        byte[] csv;
        try {
            csv = Files.readAllBytes(manifest.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            services.sendBytes(Service.TRANSFER, "PUT", "/api/v1/transfers/" + id + "/manifest", "text/csv; charset=UTF-8",
                    csv, Map.of(), currentUser.get());
        } catch (ServiceRefusal refusal) {
            return refused(id, refusal);
        }
        return Response.seeOther(URI.create("/handovers/" + id)).build();
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dispatch(@PathParam("id") UUID id, @FormParam("count") String count) {
        return write(id, "/dispatch", Map.of("count", Ids.count(count)));
    }

    /** The count received, at once; for a handover of several terms, each term's (their sum is the count). */
    @POST
    @Path("/{id}/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receipt(@PathParam("id") UUID id, @FormParam("count") String count,
                            @FormParam("termId") List<String> termIds, @FormParam("received") List<String> received) {
        if (termIds == null || termIds.isEmpty()) {
            return write(id, "/receipt", Map.of("count", Ids.count(count)));
        }
        if (received == null || received.size() != termIds.size()) {
            throw new ServiceRefusal(400, "A count for each term", null,
                    List.of(new ServiceRefusal.FieldError("received", "one count per term")));
        }
        List<Map<String, Object>> terms = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < termIds.size(); i++) {
            int termCount = Ids.count(received.get(i));
            total += termCount;
            terms.add(Map.of("termId", Ids.uuid(termIds.get(i), "termId"), "received", termCount));
        }
        return write(id, "/receipt", Map.of("count", total, "terms", terms));
    }

    /**
     * The escort's record that the prisoners whose tags it lists told it they consent to go: listed one by one,
     * never all at once by default.
     */
    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consents(@PathParam("id") UUID id, @FormParam("tags") String tags) {
        Set<String> consenting = Ids.tags(tags);
        if (consenting.isEmpty()) {
            return refused(id, new ServiceRefusal(400, "No tag", "List the tags of the prisoners who consent",
                    List.of(new ServiceRefusal.FieldError("tags", "at least one tag"))));
        }
        try {
            services.send(Service.TRANSFER, "POST", "/api/v1/transfers/" + id + "/manifest/consents",
                    Map.of("tags", List.copyOf(consenting)), Map.of(), currentUser.get());
        } catch (ServiceRefusal refusal) {
            return refused(id, refusal);
        }
        return Response.seeOther(URI.create("/handovers/" + id)).build();
    }

    /**
     * Every manifest tag received except the ones the receiver lists as missing (one per line or comma). The
     * tags come from the manifest, read with the receiver's token as the API would give them.
     */
    @POST
    @Path("/{id}/reconciliation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reconcile(@PathParam("id") UUID id, @FormParam("missing") String missing) {
        ConsoleUser user = currentUser.get();
        Set<String> missingTags = Ids.tags(missing);
        List<String> received = new ArrayList<>();
        services.get(Service.TRANSFER, "/api/v1/transfers/" + id + "/manifest", user).path("items").forEach(item -> {
            String tag = item.path("tag").asText();
            if (!missingTags.contains(tag)) {
                received.add(tag);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", received);
        body.put("missing", List.copyOf(missingTags));
        body.put("extra", List.of());
        return write(id, "/reconciliation", body);
    }

    private Response write(UUID id, String action, Map<String, Object> body) {
        try {
            services.send(Service.TRANSFER, "POST", "/api/v1/transfers/" + id + action, body, Map.of(), currentUser.get());
        } catch (ServiceRefusal refusal) {
            return refused(id, refusal);
        }
        return Response.seeOther(URI.create("/handovers/" + id)).build();
    }

    /** A refused step shown on the handover's page, with the service's reason and every field at fault. */
    private Response refused(UUID id, ServiceRefusal refusal) {
        if (refusal.status() == 422 || refusal.status() == 400 || refusal.status() == 409) {
            return page(id, refusal.errors(), refusal.detail() == null ? refusal.title() : refusal.detail(),
                    refusal.status());
        }
        throw refusal;
    }

    private Response page(UUID id, List<ServiceRefusal.FieldError> errors, String refusal, int status) {
        ConsoleUser user = currentUser.get();
        JsonNode t = services.get(Service.TRANSFER, "/api/v1/transfers/" + id, user);
        boolean coordinator = user.has("coordinator");
        String from = t.path("fromParty").asText();
        String to = t.path("toParty").asText();
        String zone = t.path("handoverPoint").path("timeZone").asText();
        HandoverView handover = new HandoverView(id.toString(), t.path("agreementId").asText(), t.path("kind").asText(),
                Json.direction(t), t.path("state").asText(), Json.text(t, "statusReason"),
                Times.at(Json.text(t, "scheduledAt"), zone, languages.locale()), t.path("handoverPoint").path("name").asText(),
                zone, t.path("manifestItems").asInt(), Times.at(Json.text(t, "dispatchedAt"), zone, languages.locale()),
                Times.at(Json.text(t, "receivedAt"), zone, languages.locale()),
                Json.text(t, "countedAtReceipt"), Json.text(t, "reconciledAt"),
                coordinator && from.equals(user.party()), coordinator && to.equals(user.party()),
                user.has("intermediary") && user.organisation().equals(t.path("escortOrganisation").asText()),
                t.path("consentsConfirmed").asInt(), terms(t));
        Report report = null;
        if (t.path("reconciledAt").isTextual() && (coordinator || user.has("intermediary"))) {
            JsonNode r = services.get(Service.TRANSFER, "/api/v1/transfers/" + id + "/reconciliation", user);
            report = new Report(r.path("declared").asInt(), r.path("dispatched").asInt(), r.path("countedAtReceipt").asInt(),
                    r.path("received").asInt(), r.path("missing").asInt(), r.path("extra").asInt(),
                    join(r.path("missingTags")), join(r.path("extraTags")));
        }
        return Response.status(status).entity(pages.localised(Templates.handover(handover, report, errors, refusal)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static List<TermLine> terms(JsonNode transfer) {
        List<TermLine> terms = new ArrayList<>();
        transfer.path("terms").forEach(term -> terms.add(new TermLine(term.path("termId").asText(),
                term.path("declared").asInt(), term.path("dispatched").asInt())));
        return terms;
    }

    private static String join(JsonNode tags) {
        List<String> values = new ArrayList<>();
        tags.forEach(tag -> values.add(tag.asText()));
        return String.join(", ", values);
    }

}

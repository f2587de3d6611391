package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.homeward.console.i18n.Languages;
import org.homeward.console.i18n.Messages;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.signin.ConsoleUser;
import org.homeward.console.signin.CurrentUser;

import java.net.URI;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exchange lists of an agreement's prisoner terms: each term's all-for-all figures (eligible, offered,
 * verified, released, declined, remaining), and a list's persons by status, its matches to review (the
 * coordinators decide) and the escort's verification of each offered prisoner (the intermediary records it).
 */
@Path("/exchange-lists")
@Produces(MediaType.TEXT_HTML)
public class ExchangeListPages {

    private static final JsonNode EMPTY_PAGE = JsonNodeFactory.instance.objectNode()
            .put("page", 0).put("hasMore", false).set("items", JsonNodeFactory.instance.arrayNode());

    static final List<String> STATUSES = List.of("OFFERED", "REQUESTED", "MATCHED", "NOT_HELD", "ALREADY_EXCHANGED",
            "NOT_ELIGIBLE", "CIVILIAN", "DECLINES_REPATRIATION", "ICRC_VERIFIED", "SCHEDULED", "RELEASED", "DIED");

    public record ListRow(String id, String direction, String category, String referenceDate, int round, long eligible,
                          long offered, long verified, long released, long declined, long died, long remaining,
                          boolean complete) {
    }

    public record EntryRow(String id, String kind, String status, String reason, String surname, String firstNames,
                           String latin, String dateOfBirth, String rank, String serviceNumber, boolean identityConflict) {

        /** An offered prisoner the escort has not yet seen. */
        public boolean awaitsVerification() {
            return "OFFER".equals(kind) && ("OFFERED".equals(status) || "MATCHED".equals(status));
        }
    }

    public record ReviewRow(String id, String outcome, String reasons, String status) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(String agreementId, List<ListRow> lists);

        static native TemplateInstance list(ListRow list, String progress, String agreementId, List<EntryRow> entries,
                                            List<ReviewRow> reviews,
                                            List<String> statuses, String status, Paging paging, String pagerQuery,
                                            boolean seesPersons, boolean intermediary, boolean coordinator);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Languages languages;

    ExchangeListPages(ServiceClient services, CurrentUser currentUser, Pages pages, Languages languages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
        this.languages = languages;
    }

    @GET
    public TemplateInstance lists(@QueryParam("agreementId") String agreementId) {
        String agreement = Ids.uuid(agreementId == null ? "" : agreementId.trim(), "agreementId");
        List<ListRow> rows = new ArrayList<>();
        services.get(Service.TRANSFER, "/api/v1/exchange-lists?agreementId=" + agreement, currentUser.get())
                .forEach(l -> rows.add(row(l)));
        return pages.localised(Templates.lists(agreement, rows));
    }

    @GET
    @Path("/{id}")
    public Response list(@PathParam("id") UUID id, @QueryParam("status") String status,
                         @QueryParam("page") @DefaultValue("0") int page) {
        ConsoleUser user = currentUser.get();
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        JsonNode head = services.get(Service.TRANSFER, "/api/v1/exchange-lists/" + id, user);
        // The persons and the matches are the two parties' and the escort's to see; mediators read the counts.
        boolean seesPersons = user.has("coordinator") || user.has("intermediary");
        JsonNode found = seesPersons ? services.get(Service.TRANSFER, "/api/v1/exchange-lists/" + id + "/entries?size="
                + Paging.SIZE + "&page=" + Math.max(0, page) + (chosen == null ? "" : "&status=" + chosen), user)
                : EMPTY_PAGE;
        List<EntryRow> entries = new ArrayList<>();
        found.path("items").forEach(e -> entries.add(new EntryRow(e.path("id").asText(), e.path("kind").asText(),
                e.path("status").asText(), Json.text(e, "reason"), Json.text(e, "surname"), Json.text(e, "firstNames"),
                latin(e), Json.text(e, "dateOfBirth"), Json.text(e, "rank"), Json.text(e, "serviceNumber"),
                e.path("identityConflict").asBoolean())));
        List<ReviewRow> reviews = new ArrayList<>();
        (seesPersons ? services.get(Service.TRANSFER, "/api/v1/exchange-lists/" + id + "/match-reviews", user)
                : EMPTY_PAGE.path("items")).forEach(r -> {
            List<String> reasons = new ArrayList<>();
            r.path("reasons").forEach(reason -> reasons.add(reason.asText()));
            reviews.add(new ReviewRow(r.path("id").asText(), r.path("outcome").asText(), String.join("; ", reasons),
                    r.path("status").asText()));
        });
        ListRow list = row(head);
        Messages words = MessageBundles.get(Messages.class, Localized.Literal.of(languages.code()));
        NumberFormat counts = NumberFormat.getIntegerInstance(languages.locale());
        String progress = words.exchangeCounts(counts.format(list.eligible()), counts.format(list.released()),
                counts.format(list.declined()), counts.format(list.died()), counts.format(list.remaining()));
        TemplateInstance body = pages.localised(Templates.list(list, progress, head.path("agreementId").asText(), entries,
                reviews, STATUSES, chosen, Paging.of(found), chosen == null ? "" : "&status=" + chosen,
                seesPersons, user.has("intermediary"), user.has("coordinator")));
        // The persons on a list are personal data: no cache keeps the page.
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /** The escort's verification of an offered prisoner's identity and free will (intermediaries). */
    @POST
    @Path("/{id}/entries/{entryId}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId,
                           @FormParam("decision") String decision, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("reason", reason == null || reason.isBlank() ? null : reason.trim());
        services.send(Service.TRANSFER, "POST", "/api/v1/exchange-lists/" + id + "/entries/" + entryId + "/verification",
                body, Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/exchange-lists/" + id)).build();
    }

    /** A probable match between a request and an offer, confirmed or rejected by a coordinator. */
    @POST
    @Path("/{id}/match-reviews/{reviewId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId,
                           @FormParam("decision") String decision) {
        services.send(Service.TRANSFER, "POST", "/api/v1/exchange-lists/" + id + "/match-reviews/" + reviewId + "/decision",
                Map.of("decision", decision == null ? "" : decision), Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/exchange-lists/" + id)).build();
    }

    private static ListRow row(JsonNode l) {
        JsonNode p = l.path("progress");
        String custom = l.path("customCategory").asText("");
        return new ListRow(l.path("id").asText(), l.path("detainingParty").asText() + " → " + l.path("receivingParty").asText(),
                custom.isEmpty() ? l.path("category").asText() : custom, l.path("referenceDate").asText(""),
                l.path("round").asInt(), p.path("eligibleHeld").asLong(), p.path("offered").asLong(),
                p.path("verified").asLong(), p.path("released").asLong(), p.path("declined").asLong(),
                p.path("died").asLong(), p.path("remaining").asLong(), p.path("complete").asBoolean());
    }

    private static String latin(JsonNode e) {
        String surname = Json.text(e, "surnameLatin");
        String firstNames = Json.text(e, "firstNamesLatin");
        return surname == null && firstNames == null ? null
                : (surname == null ? "" : surname) + (firstNames == null ? "" : " " + firstNames);
    }
}

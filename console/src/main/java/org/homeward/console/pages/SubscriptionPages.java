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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subscriber-admin's webhook subscriptions: the list, a new one whose signing secret is shown once, and each
 * one's deliveries and their attempts, with pause, resume, a test event, a retry and a secret rotation.
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    public record SubscriptionRow(String id, String url, String eventTypes, String status, String statusReason,
                                  String description) {

        /** Paused by its admin, or disabled after failing too long: either way, resuming sends again. */
        public boolean resumable() {
            return "PAUSED".equals(status) || "DISABLED".equals(status);
        }
    }

    public record DeliveryRow(String id, String eventType, String status, int attempts, String lastStatus,
                              String nextAttemptAt, String createdAt, String deliveredAt) {

        /** A delivery not yet answered with success may be tried again now. */
        public boolean retriable() {
            return status != null && !"SUCCEEDED".equals(status);
        }
    }

    public record AttemptRow(String attemptedAt, String statusCode, long latencyMs, String responseExcerpt, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SubscriptionRow> subscriptions, Paging paging, String idempotencyKey);

        static native TemplateInstance created(SubscriptionRow subscription, String secret, boolean rotated);

        static native TemplateInstance subscription(SubscriptionRow subscription, List<DeliveryRow> deliveries, Paging paging);

        static native TemplateInstance delivery(SubscriptionRow subscription, DeliveryRow delivery, List<AttemptRow> attempts);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;

    SubscriptionPages(ServiceClient services, CurrentUser currentUser, Pages pages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
        JsonNode found = services.get(Service.NOTIFICATION, "/api/v1/subscriptions?size=" + Paging.SIZE + "&page="
                + Math.max(0, page), currentUser.get());
        List<SubscriptionRow> rows = new ArrayList<>();
        found.path("items").forEach(s -> rows.add(row(s)));
        // A new key per form: submitting the same form twice creates one subscription.
        return pages.localised(Templates.list(rows, Paging.of(found), UUID.randomUUID().toString()));
    }

    /**
     * Creates the subscription and shows its secret on this answer only: the console keeps no copy, and the
     * page may not be cached or replayed from history.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("idempotencyKey") String idempotencyKey, @FormParam("url") String url,
                           @FormParam("eventTypes") String eventTypes, @FormParam("description") String description) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", url == null ? null : url.trim());
        request.put("eventTypes", eventTypes == null ? List.of()
                : Arrays.stream(eventTypes.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
        request.put("description", description == null || description.isBlank() ? null : description.trim());
        JsonNode created = services.send(Service.NOTIFICATION, "POST", "/api/v1/subscriptions", request,
                Ids.idempotencyKey(idempotencyKey),
                currentUser.get());
        TemplateInstance page = pages.localised(Templates.created(row(created), created.path("secret").asText(), false));
        return Response.status(Response.Status.CREATED).entity(page).header("Cache-Control", "no-store").build();
    }

    /** One subscription with its deliveries, newest first, and what a subscriber-admin may do with it. */
    @GET
    @Path("/{id}")
    public TemplateInstance subscription(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page) {
        ConsoleUser user = currentUser.get();
        SubscriptionRow subscription = row(services.get(Service.NOTIFICATION, "/api/v1/subscriptions/" + id, user));
        JsonNode found = services.get(Service.NOTIFICATION, "/api/v1/subscriptions/" + id + "/deliveries?size="
                + Paging.SIZE + "&page=" + Math.max(0, page), user);
        List<DeliveryRow> deliveries = new ArrayList<>();
        found.path("items").forEach(d -> deliveries.add(delivery(d)));
        return pages.localised(Templates.subscription(subscription, deliveries, Paging.of(found)));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    public TemplateInstance delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        ConsoleUser user = currentUser.get();
        SubscriptionRow subscription = row(services.get(Service.NOTIFICATION, "/api/v1/subscriptions/" + id, user));
        DeliveryRow delivery = null;
        for (JsonNode d : services.get(Service.NOTIFICATION, "/api/v1/subscriptions/" + id + "/deliveries?size=100", user)
                .path("items")) {
            if (d.path("id").asText().equals(deliveryId.toString())) {
                delivery = delivery(d);
            }
        }
        List<AttemptRow> attempts = new ArrayList<>();
        services.get(Service.NOTIFICATION, "/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/attempts", user)
                .forEach(a -> attempts.add(new AttemptRow(a.path("attemptedAt").asText(), Json.text(a, "statusCode"),
                        a.path("latencyMs").asLong(), Json.text(a, "responseExcerpt"), Json.text(a, "error"))));
        if (delivery == null) {
            // Older than the latest hundred: its attempts are still shown; its status is not known here.
            delivery = new DeliveryRow(deliveryId.toString(), "", null, attempts.size(), null, null, null, null);
        }
        return pages.localised(Templates.delivery(subscription, delivery, attempts));
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") UUID id) {
        return act(id, "/pause");
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") UUID id) {
        return act(id, "/resume");
    }

    /** A test event to the endpoint, to see a delivery through before real events come. */
    @POST
    @Path("/{id}/test")
    public Response test(@PathParam("id") UUID id) {
        return act(id, "/test");
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        services.send(Service.NOTIFICATION, "POST", "/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry",
                null, Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/subscriptions/" + id + "/deliveries/" + deliveryId)).build();
    }

    /** A new signing secret, shown once like the first; the old one stays valid for the rotation's overlap. */
    @POST
    @Path("/{id}/secret-rotation")
    public Response rotate(@PathParam("id") UUID id) {
        JsonNode rotated = services.send(Service.NOTIFICATION, "POST", "/api/v1/subscriptions/" + id + "/secret-rotation",
                null, Map.of(), currentUser.get());
        TemplateInstance page = pages.localised(Templates.created(row(rotated), rotated.path("secret").asText(), true));
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private Response act(UUID id, String action) {
        services.send(Service.NOTIFICATION, "POST", "/api/v1/subscriptions/" + id + action, null, Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/subscriptions/" + id)).build();
    }

    private static DeliveryRow delivery(JsonNode d) {
        return new DeliveryRow(d.path("id").asText(), d.path("eventType").asText(), d.path("status").asText(),
                d.path("attempts").asInt(), Json.text(d, "lastStatus"), Json.text(d, "nextAttemptAt"),
                Json.text(d, "createdAt"), Json.text(d, "deliveredAt"));
    }

    private static SubscriptionRow row(JsonNode s) {
        List<String> types = new ArrayList<>();
        s.path("eventTypes").forEach(t -> types.add(t.asText()));
        return new SubscriptionRow(s.path("id").asText(), s.path("url").asText(), String.join(", ", types),
                s.path("status").asText(), Json.text(s, "statusReason"), Json.text(s, "description"));
    }
}

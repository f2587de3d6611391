package org.homeward.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.notification.DeliveryStatus;
import org.homeward.notification.application.SubscriptionService;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUBSCRIBER_ADMIN)
@Tag(name = "Webhook subscriptions", description = "Signed webhooks (Standard Webhooks v1) for your organisation")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public SubscriptionResource(SubscriptionService subscriptions, IdempotentCreation idempotency, Caller caller) {
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register an endpoint", description = "The answer carries the signing secret (whsec_...): "
            + "it is shown this once. Events are filtered by type (exact or prefix.*), optional agreement and party, "
            + "and by what your organisation may see.")
    public Response create(@HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @Valid @NotNull SubscriptionRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/subscriptions", idempotencyKey, request, () -> {
            SubscriptionService.WithSecret created = subscriptions.create(request.toSettings());
            return new CreatedResource(URI.create("/api/v1/subscriptions/" + created.subscription().id()),
                    SubscriptionResponse.of(created.subscription(), created.secret()), true);
        });
    }

    @GET
    @Operation(summary = "Your organisation's subscriptions")
    public Page<SubscriptionResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(subscriptions.list(request).stream().map(SubscriptionResponse::of).toList(), request);
    }

    @GET
    @Path("/{id}")
    public SubscriptionResponse get(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(subscriptions.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change the endpoint, filters, description or rate limit")
    public SubscriptionResponse update(@PathParam("id") UUID id, @Valid @NotNull SubscriptionRequest request) {
        return SubscriptionResponse.of(subscriptions.update(id, request.toSettings()));
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Hold deliveries until resumed")
    public SubscriptionResponse pause(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(subscriptions.pause(id));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deliver again (also re-enables a disabled endpoint)")
    public SubscriptionResponse resume(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(subscriptions.resume(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a new signing secret",
            description = "The old secret stays valid for the configured overlap; meanwhile both signatures are sent.")
    public SubscriptionResponse rotateSecret(@PathParam("id") UUID id) {
        SubscriptionService.WithSecret rotated = subscriptions.rotateSecret(id);
        return SubscriptionResponse.of(rotated.subscription(), rotated.secret());
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a homeward.test event to this endpoint")
    public Response test(@PathParam("id") UUID id) {
        return Response.accepted(DeliveryResponse.of(subscriptions.sendTest(id))).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries, newest first; status=FAILED lists the failed ones")
    public Page<DeliveryResponse> deliveries(@PathParam("id") UUID id, @QueryParam("status") DeliveryStatus status,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(subscriptions.deliveries(id, status, request).stream().map(DeliveryResponse::of).toList(), request);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}/attempts")
    @Operation(summary = "Every attempt of a delivery: time, status, latency, start of the response, error")
    public List<DeliveryResponse.Attempt> attempts(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return subscriptions.attempts(id, deliveryId).stream().map(DeliveryResponse.Attempt::of).toList();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Try a delivery again now")
    public DeliveryResponse retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryResponse.of(subscriptions.retry(id, deliveryId));
    }

    /** Which failed deliveries to queue again. */
    public record RecoverRequest(@NotNull Instant since) {
    }

    @POST
    @Path("/{id}/recovery")
    @Operation(summary = "Queue again every delivery that failed since a time")
    public Map<String, Integer> recover(@PathParam("id") UUID id, @Valid @NotNull RecoverRequest request) {
        return Map.of("requeued", subscriptions.recover(id, request.since()));
    }
}

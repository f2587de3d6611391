package org.homeward.platform.messaging.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/ops/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Outbox rows the broker refused for good (operators only)")
public class ParkedRowResource {

    private final ParkedRows parkedRows;

    public ParkedRowResource(ParkedRows parkedRows) {
        this.parkedRows = parkedRows;
    }

    /** What an operator needs to judge a parked row; the payload stays in the database. */
    public record ParkedRowView(UUID id, String aggregateType, String aggregateId, String type, Instant timestamp,
                                Instant parkedAt, String parkReason) {
        static ParkedRowView of(OutboxEvent row) {
            return new ParkedRowView(row.id, row.aggregateType, row.aggregateId, row.type, row.timestamp,
                    row.parkedAt, row.parkReason);
        }
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List parked outbox rows, oldest first")
    public Page<ParkedRowView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(parkedRows.list(request).stream().map(ParkedRowView::of).toList(), request);
    }

    @POST
    @Path("/{id}/republish")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Publish a parked row again",
            description = "For after the cause was fixed (topic limit raised, ACL granted); the aggregate's later rows follow it.")
    public ParkedRowView republish(@PathParam("id") UUID id) {
        return ParkedRowView.of(parkedRows.republish(id));
    }
}

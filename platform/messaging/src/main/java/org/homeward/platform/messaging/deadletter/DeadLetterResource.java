package org.homeward.platform.messaging.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.platform.text.SafeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters of this service's event consumers (operators only)")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    /** What an operator needs to judge a dead letter; the payload stays in the database. */
    public record DeadLetterView(UUID id, String sourceTopic, int sourcePartition, long sourceOffset,
                                 String recordKey, String reason, Instant receivedAt, String status,
                                 @Schema(description = "When it was re-driven or discarded") Instant redrivenAt,
                                 boolean payloadStored, String discardedBy, String discardReason) {
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.id, letter.sourceTopic, letter.sourcePartition, letter.sourceOffset,
                    letter.recordKey, letter.reason, letter.receivedAt, letter.status.name(), letter.redrivenAt,
                    letter.payload != null, letter.discardedBy, letter.discardReason);
        }
    }

    /** Why a letter without its payload may be closed: where its event was recovered from. */
    public record Discard(@NotBlank @Size(max = 500) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List dead letters, newest first")
    public Page<DeadLetterView> list(@QueryParam("status") DeadLetter.Status status,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        List<DeadLetterView> fetched = deadLetters.list(status, request).stream().map(DeadLetterView::of).toList();
        return Page.of(fetched, request);
    }

    @POST
    @Path("/{id}/redrive")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Apply a dead letter again through its consumer",
            description = "Idempotent per event id; answers 422 with the reason if it still cannot be applied.")
    public DeadLetterView redrive(@PathParam("id") UUID id) {
        return DeadLetterView.of(deadLetters.redrive(id));
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Discard a dead letter stored without its payload",
            description = "Only a letter whose payload the database could not hold (payloadStored false), once its"
                    + " event was recovered from its source; the reason and the operator are kept. A letter with its"
                    + " payload is re-driven instead (422).")
    public DeadLetterView discard(@PathParam("id") UUID id, @Valid @NotNull Discard discard) {
        return DeadLetterView.of(deadLetters.discard(id, discard.reason(), caller.subject()));
    }
}

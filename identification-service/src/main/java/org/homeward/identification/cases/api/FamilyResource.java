package org.homeward.identification.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.cases.FamilyNotification;
import org.homeward.identification.cases.NotificationMeans;
import org.homeward.identification.cases.application.CaseOutcomes;
import org.homeward.platform.text.SafeText;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}/family-notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Families", description = "The record that a family was told")
public class FamilyResource {

    private final CaseOutcomes outcomes;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public FamilyResource(CaseOutcomes outcomes, IdempotentCreation idempotency, Caller caller) {
        this.outcomes = outcomes;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** {@code ofRevocation}: told that the identification they had been given was revoked (false by default). */
    public record FamilyToldRequest(@NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String toldBy, @NotNull Instant toldAt,
                                    @NotNull NotificationMeans means, Boolean ofRevocation) {
    }

    public record FamilyToldResponse(UUID id, UUID caseId, String toldBy, Instant toldAt, NotificationMeans means,
                                     boolean ofRevocation, String recordedBy, Instant recordedAt) {

        static FamilyToldResponse of(FamilyNotification f) {
            return new FamilyToldResponse(f.id(), f.caseId(), f.toldBy(), f.toldAt(), f.means(), f.ofRevocation(),
                    f.recorded().subject(), f.recorded().at());
        }
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "Record that the family was told (receiving party or laboratory)", description = "Once the "
            + "identification is confirmed; who told them (a name or a role), when, and how. With ofRevocation, that the "
            + "identification they had been given was revoked (clears the case's familyToBeToldAgain). Send an "
            + "Idempotency-Key.")
    public Response record(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @Valid @NotNull FamilyToldRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/family-notifications",
                idempotencyKey, request, () -> {
                    FamilyNotification told = outcomes.familyTold(id,
                            new CaseOutcomes.RecordFamilyTold(request.toldBy(), request.toldAt(), request.means(),
                                    Boolean.TRUE.equals(request.ofRevocation())));
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/family-notifications"),
                            FamilyToldResponse.of(told));
                });
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "When and how the family was told (receiving party or laboratory; audited)")
    public List<FamilyToldResponse> list(@PathParam("id") UUID id) {
        return outcomes.familyNotifications(id).stream().map(FamilyToldResponse::of).toList();
    }
}

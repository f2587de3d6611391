package org.homeward.identification.dvi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.homeward.identification.dvi.AnteMortemRecord;
import org.homeward.identification.dvi.application.AnteMortemRecords;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/missing-persons/{id}/ante-mortem")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DVI records")
public class AnteMortemResource {

    private final AnteMortemRecords records;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public AnteMortemResource(AnteMortemRecords records, IdempotentCreation idempotency, Caller caller) {
        this.records = records;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record sections of a missing person's ante-mortem record", description = "From family interviews,"
            + " military, dental and medical records; every item states its source. The sections stated (disappearedOn,"
            + " stature, dental, fingerprints, marks, clothing, effects) replace those as they stand. Sex is the"
            + " register's field. Examiners of a laboratory identifying for the person's party; a new version each time."
            + " Send an Idempotency-Key.")
    public Response record(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @Valid @NotNull DviRequests.AnteMortemSections request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/missing-persons/" + id + "/ante-mortem",
                idempotencyKey, request, () -> {
                    AnteMortemRecord version = records.record(id, request.toDomain());
                    return new CreatedResource(URI.create("/api/v1/missing-persons/" + id + "/ante-mortem"),
                            DviResponses.AnteMortemVersion.of(version));
                });
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The ante-mortem record as it stands, with every version")
    public DviResponses.AnteMortemRecordResponse anteMortem(@PathParam("id") UUID id) {
        return DviResponses.AnteMortemRecordResponse.of(id, records.history(id));
    }
}

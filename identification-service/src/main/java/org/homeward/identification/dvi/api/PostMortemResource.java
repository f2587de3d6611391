package org.homeward.identification.dvi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.application.PostMortemRecords;
import org.homeward.identification.dvi.application.Reconciliations;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DVI records", description = "The post-mortem record of a case and its reconciliation with the ante-mortem"
        + " records of the missing (assigned laboratory only; audited)")
public class PostMortemResource {

    private final PostMortemRecords records;
    private final Reconciliations reconciliations;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public PostMortemResource(PostMortemRecords records, Reconciliations reconciliations, IdempotentCreation idempotency,
                              Caller caller) {
        this.records = records;
        this.reconciliations = reconciliations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/post-mortem")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record sections of the post-mortem record", description = "The sections stated (sex, age, stature,"
            + " dental, fingerprints, marks, clothing, effects, documents) replace those of the record as it stands; the"
            + " others stay. Each recording is a new version; none is changed. examinationId names the examination of"
            + " the case the sections come from. Send an Idempotency-Key.")
    public Response record(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @Valid @NotNull DviRequests.PostMortemSections request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/post-mortem", idempotencyKey,
                request, () -> {
                    PostMortemRecord version = records.record(id, request.toDomain(), request.examinationId());
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/post-mortem"),
                            DviResponses.PostMortemVersion.of(version));
                });
    }

    @GET
    @Path("/post-mortem")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The post-mortem record as it stands, with every version")
    public DviResponses.PostMortemRecordResponse postMortem(@PathParam("id") UUID id) {
        return DviResponses.PostMortemRecordResponse.of(id, records.history(id));
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The missing persons ranked against the case's post-mortem record", description = "Every person"
            + " of the receiving party's register with an ante-mortem record (or named by a fingerprint comparison) is"
            + " compared: hard exclusions (sex, age, stature, an unexplainable dental discrepancy, a fingerprint"
            + " exclusion) and concordances, each with its reason; PRIMARY where fingerprints or odontology identify."
            + " The person's DNA standing in the case is shown beside, never combined. Best first; limit 1 to 200.")
    public DviResponses.ReconciliationResponse reconciliation(@PathParam("id") UUID id,
                                                              @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return DviResponses.ReconciliationResponse.of(reconciliations.reconcile(id, limit));
    }
}

package org.homeward.identification.cases.api;

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
import org.homeward.identification.cases.CustodyEntry;
import org.homeward.identification.cases.Examination;
import org.homeward.identification.cases.application.CaseEvidence;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Examinations and the chain of custody (assigned laboratory only; audited)")
public class EvidenceResource {

    private final CaseEvidence evidence;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public EvidenceResource(CaseEvidence evidence, IdempotentCreation idempotency, Caller caller) {
        this.evidence = evidence;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/examinations")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record an examination", description = "The first examination puts a RECEIVED case UNDER_EXAMINATION. "
            + "Examinations are never changed: record a correction as another. Send an Idempotency-Key.")
    public Response examine(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                            @Valid @NotNull EvidenceRequests.Examination request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/examinations", idempotencyKey,
                request, () -> {
                    Examination examination = evidence.recordExamination(id, request.toCommand());
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/examinations"),
                            EvidenceResponses.ExaminationResponse.of(examination));
                });
    }

    @GET
    @Path("/examinations")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The case's examinations with their findings")
    public List<EvidenceResponses.ExaminationResponse> examinations(@PathParam("id") UUID id) {
        return evidence.examinations(id).stream().map(EvidenceResponses.ExaminationResponse::of).toList();
    }

    @POST
    @Path("/custody")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Add a link to the chain of custody", description = "item is REMAINS or a sample's identifier. "
            + "The remains come first; a new sample states its sampleType and cannot predate the remains' custody; "
            + "each item's links follow one another in time. Append-only. Send an Idempotency-Key.")
    public Response custody(@PathParam("id") UUID id, @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                            @Valid @NotNull EvidenceRequests.Custody request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/cases/" + id + "/custody", idempotencyKey,
                request, () -> {
                    CustodyEntry entry = evidence.recordCustody(id, request.toCommand());
                    return new CreatedResource(URI.create("/api/v1/cases/" + id + "/custody"),
                            EvidenceResponses.CustodyResponse.of(entry, null));
                });
    }

    @GET
    @Path("/custody")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The chain of custody of the remains and their samples, in the order recorded")
    public List<EvidenceResponses.CustodyResponse> custody(@PathParam("id") UUID id) {
        return EvidenceResponses.CustodyResponse.of(evidence.custody(id));
    }
}

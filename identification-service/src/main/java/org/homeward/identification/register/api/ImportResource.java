package org.homeward.identification.register.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.homeward.identification.register.RegisterImport;
import org.homeward.identification.register.application.RegisterImports;
import org.homeward.platform.http.HashedBody;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/missing-persons/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register of the missing", description = "One register from every source, without duplicates")
public class ImportResource {

    private final RegisterImports imports;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public ImportResource(RegisterImports imports, IdempotentCreation idempotency, Caller caller) {
        this.imports = imports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Import reports in bulk (your party's coordinators)", description = "CSV with a header row of "
            + "the columns surname, firstNames, patronymic, script, language, dateOfBirth, serviceNumber, unit, party, "
            + "category, circumstances, source, sourceAddress, reportedOn; or JSON {\"reports\": [...]} with the same "
            + "names, in UTF-8. At most 100,000 reports and 32 MiB, validated whole (422 with every row at fault, nothing "
            + "stored). Answers 201 with the job; linkage runs in the background and survives restarts: poll it. "
            + "Send an Idempotency-Key: a retried upload is not linked twice.")
    public Response submit(@HeaderParam("Content-Type") String contentType,
                           @HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @HeaderParam("Content-Length") @DefaultValue("-1") long declaredLength, InputStream body) {
        String party = caller.party().orElseThrow(() ->
                new ProblemException(ProblemType.FORBIDDEN, "Imports are made by a party's coordinators"));
        String format = contentType != null && contentType.startsWith("text/csv") ? "csv" : "json";
        // Read once and hashed as it is read: a retry is recognised by the hash, not by a second copy of the body.
        HashedBody upload = HashedBody.read(body, declaredLength);
        return idempotency.create(caller.organisation(), "POST /api/v1/missing-persons/imports", idempotencyKey,
                Map.of("format", format, "sha256", upload.sha256()), () -> {
                    RegisterImport job = imports.submit(party, format, upload.bytes());
                    return new CreatedResource(URI.create("/api/v1/missing-persons/imports/" + job.id()),
                            RegisterResponses.ImportResponse.of(job));
                });
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Your party's imports in one status, newest first (coordinators); FAILED ones wait to be resumed")
    public Page<RegisterResponses.ImportResponse> list(
            @QueryParam("status") @DefaultValue("FAILED") RegisterImport.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(imports.list(status, request).stream().map(RegisterResponses.ImportResponse::of).toList(), request);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Resume a FAILED import once its cause is mended (the party's coordinators; audited)",
            description = "It goes on from the first row not yet linked: the chunks committed before the failure are"
                    + " never linked twice. 409 unless the import is FAILED.")
    public RegisterResponses.ImportResponse resume(@PathParam("id") UUID id) {
        return RegisterResponses.ImportResponse.of(imports.resume(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "An import's progress: rows linked, matched, sent to review, new entries, comparisons per row")
    public RegisterResponses.ImportResponse get(@PathParam("id") UUID id) {
        return RegisterResponses.ImportResponse.of(imports.get(id));
    }
}

package org.homeward.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Roles;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when and why (auditors only)")
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    private final AuditQuery audit;
    private final AuditChain chain;
    private final AuditExport export;

    public AuditResource(AuditQuery audit, AuditChain chain, AuditExport export) {
        this.audit = audit;
        this.chain = chain;
        this.export = export;
    }

    /** A page of the audit log; pass the last id seen as {@code before} for the next page. */
    public record AuditPage(List<AuditEntry> items, Long nextBefore) {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Read the audit log, newest first")
    public AuditPage list(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                          @QueryParam("organisation") String organisation,
                          @QueryParam("before") @Min(1) Long before,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<AuditEntry> items = audit.find(from, to, organisation, before, size);
        Long next = items.size() == size ? items.get(items.size() - 1).id : null;
        return new AuditPage(items, next);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Check the audit chain",
            description = "Seals pending entries, then recomputes every link. valid=false names the first link that "
                    + "does not hold: an entry changed, removed or reordered after it was sealed.")
    public AuditChain.Verification verify() {
        chain.recordVerification();
        chain.sealPending();
        return chain.verify();
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Export a period as JSON lines, oldest first, each entry with its chain link")
    public Response export(@QueryParam("from") @NotNull Instant from, @QueryParam("to") @NotNull Instant to) {
        if (!from.isBefore(to)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "from must be before to");
        }
        export.recordExport(from, to);
        StreamingOutput lines = out -> export.write(from, to, out);
        return Response.ok(lines, NDJSON).build();
    }
}

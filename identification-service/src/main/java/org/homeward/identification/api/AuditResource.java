package org.homeward.identification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.audit.AuditEntry;
import org.homeward.identification.audit.AuditQuery;
import org.homeward.identification.security.Roles;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when and why (auditors only)")
public class AuditResource {

    private final AuditQuery audit;

    public AuditResource(AuditQuery audit) {
        this.audit = audit;
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
}

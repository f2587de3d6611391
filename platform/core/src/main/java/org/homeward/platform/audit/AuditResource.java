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

import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when and why (auditors only)")
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    private static final Pattern KEPT_ANCHOR = Pattern.compile("([1-9][0-9]{0,17}):([0-9a-f]{64})");

    private final AuditQuery audit;
    private final AuditChain chain;
    private final AuditExport export;
    private final AuditAnchors anchors;

    public AuditResource(AuditQuery audit, AuditChain chain, AuditExport export, AuditAnchors anchors) {
        this.audit = audit;
        this.chain = chain;
        this.export = export;
        this.anchors = anchors;
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
                    + "does not hold: an entry changed, removed or reordered after it was sealed. Every stored anchor, "
                    + "and each one given as anchor=<seq>:<hash> (as the audit.chain.anchored webhooks told it), must "
                    + "still be a link of the chain: firstBrokenAnchorSeq names the first that is not, a chain "
                    + "rewritten whole by the database's owner.")
    public AuditChain.Verification verify(@QueryParam("anchor") List<String> kept) {
        List<AuditAnchors.KeptAnchor> parsed = kept.stream().map(AuditResource::keptAnchor).toList();
        chain.recordVerification();
        chain.sealPending();
        return chain.verify().withAnchors(anchors.check(parsed));
    }

    @GET
    @Path("/anchors")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The audit chain's anchors, newest first",
            description = "The head of the chain recorded every homeward.audit.anchor-every and sent to the auditors'"
                    + " webhooks (audit.chain.anchored); keep them outside this database.")
    public Page<AuditAnchor> anchors(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(anchors.list(request), request);
    }

    private static AuditAnchors.KeptAnchor keptAnchor(String value) {
        Matcher matcher = KEPT_ANCHOR.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "anchor must be <seq>:<hash>, the hash 64 lower-case"
                    + " hexadecimal digits");
        }
        return new AuditAnchors.KeptAnchor(Long.parseLong(matcher.group(1)), matcher.group(2));
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

package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.KinshipQueue;
import org.homeward.platform.security.Roles;

import java.util.List;

@Path("/api/v1/ops/kinship-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "For operators")
public class KinshipQueueResource {

    private final KinshipQueue queue;

    public KinshipQueueResource(KinshipQueue queue) {
        this.queue = queue;
    }

    public record Redriven(int jobs) {
    }

    @GET
    @Path("/failed")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Matching jobs that failed five times: their subject's id, the kind of the last error (no DNA)")
    public List<KinshipQueue.FailedJob> failed() {
        return queue.failedJobs();
    }

    public record Queued(int cases) {
    }

    @POST
    @Path("/rematch")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Queue every open case with a DNA profile to be matched again (of one party, or all): after a"
            + " lineage database, its rates or a party's identification policy changed (audited)")
    public Queued rematch(@QueryParam("party") @Pattern(regexp = "[A-Z]{2}") String party) {
        return new Queued(queue.rematchOpenCases(party));
    }

    @POST
    @Path("/failed/redrive")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Give every failed matching job its attempts back, once its cause is mended (audited)")
    public Redriven redrive() {
        return new Redriven(queue.redriveFailed());
    }
}

package org.homeward.platform.messaging.replay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.security.Roles;

import java.util.List;

@Path("/api/v1/ops/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Projections rebuilt from their topics (operators only)")
public class ReadModelResource {

    private final ReadModelRebuild rebuild;

    public ReadModelResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    public record ReadModelView(String consumer, String topic) {
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List this service's rebuildable read models")
    public List<ReadModelView> list() {
        return rebuild.readModels().stream().map(m -> new ReadModelView(m.consumer(), m.topic())).toList();
    }

    @POST
    @Path("/{consumer}/rebuild")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Drop a read model and rebuild it by replaying its topic from the beginning",
            description = "Synchronous and in one transaction: readers see the old projection until the new one"
                    + " replaces it, and a failed rebuild changes nothing. The live consumer keeps running. Answers"
                    + " with what was read and applied; 409 while another rebuild of it runs, 503 if the broker"
                    + " stopped answering (run it again).")
    public RebuildReport rebuild(@PathParam("consumer") String consumer) {
        return rebuild.rebuild(consumer);
    }
}

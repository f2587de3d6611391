package org.homeward.identification.dvi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.dvi.application.SkeletalInventories;
import org.homeward.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/case-statistics/minimum-number-of-individuals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class MinimumNumberOfIndividualsResource {

    private final SkeletalInventories inventories;

    public MinimumNumberOfIndividualsResource(SkeletalInventories inventories) {
        this.inventories = inventories;
    }

    @GET
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY, Roles.OBSERVER,
            Roles.AUDITOR})
    @Operation(summary = "The minimum number of individuals a handover's remains show", description = "From the skeletal"
            + " inventories of the handover's cases (the largest count of one element of one side, summed over its"
            + " bags), beside the items received and the individuals established. Counts only.")
    public SkeletalInventories.HandoverCount get(@QueryParam("transferId") @NotNull UUID transferId) {
        return inventories.ofTransfer(transferId);
    }
}

package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.application.LineageProfiles;
import org.homeward.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/cases/{id}/y-str-haplotype")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA profiles", description = "STR profiles of remains and of family reference donors (laboratories only)")
public class CaseYStrResource {

    private final LineageProfiles profiles;

    public CaseYStrResource(LineageProfiles profiles) {
        this.profiles = profiles;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record the remains' Y-STR haplotype (the case's laboratory); the case's candidates are"
            + " computed again with their lineage part", description = LineageMessages.Y_HELP)
    public LineageMessages.TypingRecorded record(@PathParam("id") UUID id,
                                                 @Valid @NotNull LineageMessages.CaseHaplotypeRequest request) {
        return LineageMessages.TypingRecorded.of(profiles.recordYForCase(id, request.submitted()));
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The remains' Y-STR haplotype (the case's laboratory; audited)")
    public LineageMessages.HaplotypeResponse haplotype(@PathParam("id") UUID id) {
        return LineageMessages.HaplotypeResponse.of(profiles.ofCase(id, LineageProfile.Method.Y_STR));
    }
}

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

@Path("/api/v1/donors/{id}/y-str-haplotype")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA profiles", description = "STR profiles of remains and of family reference donors (laboratories only)")
public class DonorYStrResource {

    private final LineageProfiles profiles;

    public DonorYStrResource(LineageProfiles profiles) {
        this.profiles = profiles;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record a male reference donor's Y-STR haplotype and his place on the missing man's paternal line"
            + " (a laboratory of the person's party); the family's candidates are computed again",
            description = LineageMessages.Y_HELP + LineageMessages.Y_DONOR_HELP)
    public LineageMessages.TypingRecorded record(@PathParam("id") UUID id,
                                                 @Valid @NotNull LineageMessages.DonorHaplotypeRequest request) {
        return LineageMessages.TypingRecorded.of(profiles.recordYForDonor(id, request.paternalLine(), request.submitted()));
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "A donor's Y-STR haplotype (a laboratory of the person's party; audited)")
    public LineageMessages.HaplotypeResponse haplotype(@PathParam("id") UUID id) {
        return LineageMessages.HaplotypeResponse.of(profiles.ofDonor(id, LineageProfile.Method.Y_STR));
    }
}

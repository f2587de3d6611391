package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.DnaProfiles;
import org.homeward.identification.kinship.application.LabTable;
import org.homeward.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/donors/{id}/dna-profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA profiles", description = "STR profiles of remains and of family reference donors (laboratories only)")
public class DonorDnaProfileResource {

    private final DnaProfiles profiles;

    public DonorDnaProfileResource(DnaProfiles profiles) {
        this.profiles = profiles;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record a family reference donor's STR profile (a laboratory of the person's party);"
            + " the family is searched against every post-mortem profile",
            description = DnaProfileMessages.TABLE_HELP + DnaProfileMessages.CONSENTED_SAMPLE)
    public DnaProfileMessages.ProfileRecorded record(@PathParam("id") UUID id,
                                                     @Valid @NotNull DnaProfileMessages.ProfileRequest request) {
        return DnaProfileMessages.ProfileRecorded.of(profiles.recordForDonor(id, request.submitted()));
    }

    @PUT
    @Consumes({"text/csv", "text/tab-separated-values"})
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Record a donor's STR profile from the genotyping software's table",
            description = DnaProfileMessages.TABLE_HELP + DnaProfileMessages.CONSENTED_SAMPLE)
    public DnaProfileMessages.ProfileRecorded recordTable(@PathParam("id") UUID id,
                                                          @QueryParam("dropout") @DecimalMin("0") @DecimalMax("0.9") Double dropout,
                                                          byte[] body) {
        return DnaProfileMessages.ProfileRecorded.of(profiles.recordForDonor(id,
                LabTable.parse(DnaProfileMessages.text(body)).degraded(dropout)));
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "A donor's STR profile (a laboratory of the person's party; audited)")
    public DnaProfileMessages.ProfileResponse profile(@PathParam("id") UUID id) {
        return DnaProfileMessages.ProfileResponse.of(profiles.ofDonor(id));
    }
}

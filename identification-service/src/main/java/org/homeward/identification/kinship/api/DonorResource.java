package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.Relationship;
import org.homeward.identification.kinship.application.FamilyDonors;
import org.homeward.platform.text.SafeText;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/donors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Family reference donors", description = "Relatives' reference samples and their consent (laboratories only)")
public class DonorResource {

    private final FamilyDonors donors;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public DonorResource(FamilyDonors donors, IdempotentCreation idempotency, Caller caller) {
        this.donors = donors;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    public record ConsentRequest(@NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String givenBy, @NotNull Instant givenAt,
                                 @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String use) {
    }

    public record DonorRequest(@NotNull UUID personId, @NotNull Relationship relationship,
                               @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String donorName, @Valid @NotNull ConsentRequest consent,
                               @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) @Pattern(regexp = SafeText.PATTERN) String> sampleIds) {
    }

    public record DonorResponse(UUID id, UUID personId, Relationship relationship, String donorName,
                                String consentGivenBy, Instant consentGivenAt, String consentUse, List<String> sampleIds,
                                FamilyDonor.Status status, Instant withdrawnAt, String withdrawnBy,
                                Instant withdrawalRequestedAt, String withdrawalRequestedBy, String withdrawalReason,
                                Instant registeredAt) {

        static DonorResponse of(FamilyDonor d) {
            return new DonorResponse(d.id(), d.personId(), d.relationship(), d.donorName(), d.consentGivenBy(),
                    d.consentGivenAt(), d.consentUse(), d.sampleIds(), d.status(), d.withdrawnAt(), d.withdrawnBy(),
                    d.withdrawalRequestedAt(), d.withdrawalRequestedBy(), d.withdrawalReason(), d.registeredAt());
        }
    }

    /** The answer to a registration: the donor's data are read back with GET, never replayed. */
    public record DonorRegistered(UUID id, UUID personId, FamilyDonor.Status status) {
    }

    @POST
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Register a family reference donor with the consent given (a laboratory of the person's party)",
            description = "Send an Idempotency-Key.")
    public Response register(@HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                             @Valid @NotNull DonorRequest request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/donors", idempotencyKey, request, () -> {
            FamilyDonor donor = donors.register(new FamilyDonors.Register(request.personId(), request.relationship(),
                    request.donorName(), new FamilyDonor.Consent(request.consent().givenBy(), request.consent().givenAt(),
                    request.consent().use()), request.sampleIds()));
            // Ids and status only: the stored replay of this answer must not outlive a withdrawal of consent.
            return new CreatedResource(URI.create("/api/v1/donors?personId=" + donor.personId()),
                    new DonorRegistered(donor.id(), donor.personId(), donor.status()));
        });
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The donors for a missing person (audited)")
    public List<DonorResponse> list(@QueryParam("personId") @NotNull UUID personId) {
        return donors.of(personId).stream().map(DonorResponse::of).toList();
    }

    /** Why the family withdrew consent (no names: it is kept after the erasure). */
    public record WithdrawalRequest(@NotBlank @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    @POST
    @Path("/{id}/consent-withdrawal")
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR})
    @Operation(summary = "Record that the donor withdrew consent, with the family's reason (audited)",
            description = "A coordinator of the person's party: the reference data, the donor's DNA profile and every"
                    + " candidate resting on it are erased at once. An examiner of the party's laboratory: the"
                    + " withdrawal is requested (withdrawalRequestedAt set, the references still used) and takes effect"
                    + " when a second examiner or a coordinator confirms it, unless the laboratory works with one"
                    + " examiner (homeward.identification.single-examiner-organisations).")
    public DonorResponse withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return DonorResponse.of(donors.withdrawConsent(id, request.reason()));
    }

    @POST
    @Path("/{id}/consent-withdrawal/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR})
    @Operation(summary = "Confirm an examiner's request to withdraw consent: the erasure takes effect (audited)",
            description = "By a second examiner (not the one who requested it) or a coordinator of the person's party.")
    public DonorResponse confirmWithdrawal(@PathParam("id") UUID id) {
        return DonorResponse.of(donors.confirmWithdrawal(id));
    }
}

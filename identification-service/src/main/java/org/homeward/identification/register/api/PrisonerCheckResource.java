package org.homeward.identification.register.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.identification.register.PrisonerCheck;
import org.homeward.identification.register.application.PrisonerChecks;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/prisoner-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Prisoner identity checks", description = "Released prisoners and civilians compared with the register")
public class PrisonerCheckResource {

    private final PrisonerChecks checks;

    public PrisonerCheckResource(PrisonerChecks checks) {
        this.checks = checks;
    }

    public record CheckResponse(UUID id, UUID itemId, UUID transferId, String fromParty, String toParty, String tag,
                                String claimedSurname, String claimedFirstNames, String claimedPatronymic,
                                String claimedRank, LocalDate claimedDateOfBirth, String claimedServiceNumber,
                                LinkageOutcome outcome, List<String> agreed, UUID personId, PrisonerCheck.Status status,
                                Instant checkedAt, String decidedBy, Instant decidedAt) {

        static CheckResponse of(PrisonerCheck c) {
            return new CheckResponse(c.id(), c.itemId(), c.transferId(), c.fromParty(), c.toParty(), c.tag(),
                    c.claimedSurname(), c.claimedFirstNames(), c.claimedPatronymic(), c.claimedRank(),
                    c.claimedDateOfBirth(), c.claimedServiceNumber(), c.outcome(), c.agreedFields(), c.personId(),
                    c.status(), c.checkedAt(), c.decidedBy(), c.decidedAt());
        }
    }

    /** Whether the released person is the register entry the check proposed. */
    public record DecisionRequest(@NotNull Boolean samePerson) {
    }

    // The names of the released are the coordinators' to see (they decide the checks), not every examiner's.
    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Checks of the persons your party received, latest first (coordinators; audited)")
    public Page<CheckResponse> list(@QueryParam("transferId") UUID transferId,
                                    @QueryParam("status") PrisonerCheck.Status status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(checks.list(transferId, status, request).stream().map(CheckResponse::of).toList(), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "A check: the claimed identity, the outcome and the fields that agreed (coordinators; audited)")
    public CheckResponse get(@PathParam("id") UUID id) {
        return CheckResponse.of(checks.get(id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Decide a MATCHED, PROBABLE or CONFLICT check (receiving party)", description = "samePerson"
            + " true marks the register entry RELEASED (409 when it is no longer missing); no check does so without"
            + " this decision: the sending party's manifest alone never releases anyone.")
    public CheckResponse decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return CheckResponse.of(checks.decide(id, request.samePerson()));
    }
}

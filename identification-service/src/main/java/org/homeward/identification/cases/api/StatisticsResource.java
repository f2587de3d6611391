package org.homeward.identification.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.cases.application.CaseFilter;
import org.homeward.identification.cases.application.CaseStatistics;
import org.homeward.platform.security.Roles;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/case-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Counts only: no names, no case ids")
public class StatisticsResource {

    private final CaseStatistics statistics;

    public StatisticsResource(CaseStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RolesAllowed({Roles.FORENSIC_EXAMINER, Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY, Roles.OBSERVER,
            Roles.AUDITOR})
    @Operation(summary = "How the cases stand, for any agreement, transfer and period of receipt", description = "received "
            + "(the items that arrived, withdrawn items excluded), by claimed nationality; individuals (the persons"
            + " established among them: a split item counts each, a joined fragment none), and of those: awaiting"
            + " examination, under examination, identified, not a national, unidentifiable, returned; withdrawn and"
            + " joined; by current status. The period is of receipt, by the day at the handover point, inclusive.")
    public CaseStatistics.Statistics get(@QueryParam("agreementId") UUID agreementId,
                                         @QueryParam("transferId") UUID transferId,
                                         @QueryParam("claimedNationality") @Pattern(regexp = "[A-Z]{2}") String claimedNationality,
                                         @QueryParam("receivedFrom") LocalDate receivedFrom,
                                         @QueryParam("receivedTo") LocalDate receivedTo) {
        return statistics.of(new CaseFilter(agreementId, transferId, null, claimedNationality, receivedFrom, receivedTo));
    }
}

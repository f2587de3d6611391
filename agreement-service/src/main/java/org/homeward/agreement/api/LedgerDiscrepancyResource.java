package org.homeward.agreement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.agreement.application.LedgerCrossCheck;
import org.homeward.platform.security.Roles;

import java.util.List;

@Path("/api/v1/ops/ledger-discrepancies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Ledger counts that differ from transfer-service's own report (operators, auditors)")
public class LedgerDiscrepancyResource {

    private final LedgerCrossCheck crossCheck;

    public LedgerDiscrepancyResource(LedgerCrossCheck crossCheck) {
        this.crossCheck = crossCheck;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Differences between the ledger and transfer-service's last report of each agreement",
            description = "Empty when both agree. Counts only: no personal data. At most 1,000, newest report first.")
    public List<LedgerCrossCheck.Discrepancy> list() {
        return crossCheck.discrepancies();
    }
}

package org.homeward.identification.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.IdentifiedDead;
import org.homeward.platform.csv.SpreadsheetCsv;
import org.homeward.platform.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Path("/api/v1/identified-dead")
@Tag(name = "Families", description = "The record that a family was told")
public class IdentifiedDeadResource {

    static final List<String> COLUMNS = List.of("caseId", "transferId", "tag", "surname", "firstNames", "patronymic",
            "dateOfBirth", "nationality", "serviceNumber", "method", "identifiedAt", "status");

    private final IdentifiedDead identifiedDead;

    public IdentifiedDeadResource(IdentifiedDead identifiedDead) {
        this.identifiedDead = identifiedDead;
    }

    /** One identified person: the established identity, never the claim. */
    public record IdentifiedPerson(UUID caseId, UUID transferId, String tag, EstablishedIdentity identity,
                                   String method, Instant identifiedAt, String status) {

        static IdentifiedPerson of(RemainsCase c) {
            return new IdentifiedPerson(c.id(), c.transferId(), c.tag(), c.established(),
                    c.identificationMethod().name(), c.identifiedAt(), c.status().name());
        }

        List<String> cells() {
            return List.of(caseId.toString(), transferId.toString(), tag, text(identity.surname()),
                    text(identity.firstNames()), text(identity.patronymic()), text(identity.dateOfBirth()),
                    identity.nationality(), text(identity.serviceNumber()), method, identifiedAt.toString(), status);
        }

        private static String text(Object value) {
            return Objects.toString(value, "");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "The identified dead your party received, for the National Information Bureau and the ICRC "
            + "Central Tracing Agency (GC III Art. 120, 122, 123)", description = "Identifications confirmed from "
            + "`from` to `to` (UTC days, inclusive, at most 366 days). Accept text/csv for a spreadsheet. Audited.")
    public List<IdentifiedPerson> json(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return identifiedDead.confirmedBetween(from, to).stream().map(IdentifiedPerson::of).toList();
    }

    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "The same list as CSV (UTF-8 with byte-order mark; formulas defused)")
    public Response csv(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        byte[] body = SpreadsheetCsv.write(COLUMNS,
                identifiedDead.confirmedBetween(from, to).stream().map(c -> IdentifiedPerson.of(c).cells()).toList());
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"identified-dead-" + from + "-" + to + ".csv\"")
                .build();
    }
}

package org.homeward.identification.dvi.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.dvi.application.ReconciliationBoard;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.register.MissingPerson;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/reconciliation-board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DVI records")
public class ReconciliationBoardResource {

    private final ReconciliationBoard board;

    public ReconciliationBoardResource(ReconciliationBoard board) {
        this.board = board;
    }

    /**
     * The best person of the reconciliation (not excluded), as the board reads him; {@code primaryCandidates}: how many
     * persons are PRIMARY for the case (more than one: the records do not tell them apart).
     */
    public record Reconciled(UUID missingPersonId, String surname, String firstNames, Comparison.Strength strength,
                             List<Comparison.Identifier> primaryIdentifiers, int dentalPoints, int primaryCandidates) {
    }

    /** The person of the case's best DNA candidate. */
    public record Dna(UUID missingPersonId, String surname, String firstNames, UUID candidateId, double posterior,
                      boolean undisputed) {
    }

    /** {@code samePerson}: whether the reconciliation and DNA name the same person; null unless both name one. */
    public record BoardRow(UUID caseId, String tag, String status, Reconciled reconciliation, Dna dna, Boolean samePerson) {

        static BoardRow of(ReconciliationBoard.Row row) {
            Reconciled reconciled = row.reconciled() == null ? null : new Reconciled(row.reconciled().person().id(),
                    row.reconciled().person().surname(), row.reconciled().person().firstNames(),
                    row.reconciled().comparison().strength(), row.reconciled().comparison().primary(),
                    row.reconciled().comparison().dentalPoints(), row.primaryCandidates());
            MissingPerson person = row.dnaPerson();
            Dna dna = row.dna() == null || person == null ? null : new Dna(person.id(), person.surname(),
                    person.firstNames(), row.dna().candidateId(), row.dna().posterior(), row.dna().undisputed());
            return new BoardRow(row.remainsCase().id(), row.remainsCase().tag(), row.remainsCase().status().name(),
                    reconciled, dna, row.samePerson());
        }
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The identification board: an agreement's open cases of your laboratory with their candidates",
            description = "Every open case assigned to your laboratory with a post-mortem record or a DNA candidate, in"
                    + " tag order: the reconciliation's best person not excluded (strength, primary identifiers, dental"
                    + " points) and the best DNA candidate's person, side by side (never combined), and whether they are"
                    + " the same. Audited; names are the register's.")
    public Page<BoardRow> get(@QueryParam("agreementId") @NotNull UUID agreementId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(board.of(agreementId, request).stream().map(BoardRow::of).toList(), request);
    }
}

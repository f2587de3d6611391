package org.homeward.identification.cases.api;

import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.ClaimedIdentity;
import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.ReturnedTo;
import org.homeward.identification.cases.application.CaseQueries;
import org.homeward.identification.cases.application.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as its reader may see it (DESIGN.md 6): fields the reader is not entitled to are null, never
 * filled from another source. {@code claimed} is what the sender said and {@code established} what
 * examiners confirmed; the two are never merged. {@code familyToBeToldAgain}: a confirmed identification was
 * revoked after the family had been told (for those who see the case work). {@code individual}: 1 for the case its item
 * opened, 2 and up for the individuals split off it ({@code splitFrom}); {@code joinedInto}: the case a JOINED case's
 * remains were joined into.
 */
public record CaseResponse(UUID id, UUID itemId, UUID transferId, UUID agreementId, String fromParty, String toParty,
                           String tag, int individual, UUID splitFrom, UUID joinedInto, String origin, CaseStatus status, Instant receivedAt, LocalDate receivedOn,
                           String assignedOrganisation, Instant openedAt, ClaimedIdentity claimed,
                           EstablishedIdentity established, Identification identification, Handover returned,
                           Boolean familyToBeToldAgain, List<CaseQueries.EvidenceSummary> evidence, long version) {

    /** The confirmed identification behind the established identity. */
    public record Identification(UUID proposalId, IdentificationMethod method, Instant confirmedAt) {
    }

    /** To whom the remains were handed; the recipient and place only for those who see the case work. */
    public record Handover(ReturnedTo to, Instant at, String recipient, String place) {
    }

    public static CaseResponse of(CaseQueries.CaseDetails details) {
        return of(details.remainsCase(), details.visibility(), details.evidence());
    }

    public static CaseResponse of(RemainsCase c, Visibility visibility) {
        return of(c, visibility, null);
    }

    private static CaseResponse of(RemainsCase c, Visibility visibility, List<CaseQueries.EvidenceSummary> evidence) {
        boolean established = visibility.seesEstablishedIdentity(c);
        Handover returned = c.returnedTo() == null ? null : visibility.seesCaseWork()
                ? new Handover(c.returnedTo(), c.returnedAt(), c.returnedRecipient(), c.returnedPlace())
                : new Handover(c.returnedTo(), c.returnedAt(), null, null);
        return new CaseResponse(c.id(), c.itemId(), c.transferId(), c.agreementId(), c.fromParty(), c.toParty(),
                c.tag(), c.individual(), c.splitFrom(), c.joinedInto(), c.origin(), c.status(), c.receivedAt(), c.receivedOn(), c.assignedOrganisation(),
                c.openedAt(), visibility.seesClaims(c) ? c.claims() : null, established ? c.established() : null,
                established ? new Identification(c.identificationId(), c.identificationMethod(), c.identifiedAt()) : null,
                returned, visibility.seesCaseWork() ? c.familyToBeToldAgain() : null, evidence, c.version());
    }
}

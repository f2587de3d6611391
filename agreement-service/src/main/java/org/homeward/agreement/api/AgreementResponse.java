package org.homeward.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementVersion;
import org.homeward.agreement.OrganisationRole;
import org.homeward.agreement.PartyRef;
import org.homeward.agreement.Signature;
import org.homeward.agreement.Term;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An agreement as its parties, mediators and intermediaries see it, signatories included (audited).
 * {@code version} is the optimistic-concurrency version (also the ETag); {@code currentVersion} the
 * number of the adopted version of the terms.
 */
@Schema(name = "Agreement")
public record AgreementResponse(UUID id, String reference, String title, LocalDate concludedOn, String venue,
                                String notes, String status, String statusReason, List<PartyRef> parties,
                                List<String> mediators, List<String> intermediaries, int currentVersion,
                                LocalDate effectiveDate, List<Term> terms, List<Signature> signatures,
                                VersionResponse pendingAmendment, Set<String> completionDeclaredBy,
                                Instant createdAt, long version) {

    static AgreementResponse of(Agreement agreement) {
        AgreementVersion current = agreement.currentVersion();
        return new AgreementResponse(agreement.id(), agreement.reference(), agreement.title(),
                agreement.concludedOn(), agreement.venue(), agreement.notes(), agreement.status().name(),
                agreement.statusReason(), agreement.parties(), agreement.organisationsIn(OrganisationRole.MEDIATOR),
                agreement.organisationsIn(OrganisationRole.INTERMEDIARY), current.number(), current.effectiveDate(),
                current.terms(), current.signatures(),
                agreement.pendingAmendment().map(VersionResponse::of).orElse(null),
                agreement.completionDeclarations(), agreement.createdAt(), agreement.version());
    }
}

package org.homeward.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementVersion;
import org.homeward.agreement.OrganisationRole;
import org.homeward.agreement.PartyRef;
import org.homeward.agreement.Term;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An agreement in a list: what it is, who is party to it and where it stands, but not who signed it.
 * Signatories are named individuals (personal data): only the single read, which is audited, shows them.
 */
@Schema(name = "AgreementListItem")
public record AgreementListItem(UUID id, String reference, String title, LocalDate concludedOn, String venue,
                                String status, List<PartyRef> parties, List<String> mediators,
                                List<String> intermediaries, int currentVersion, LocalDate effectiveDate,
                                List<Term> terms, Integer pendingAmendment, Set<String> completionDeclaredBy,
                                Instant createdAt, long version) {

    static AgreementListItem of(Agreement agreement) {
        AgreementVersion current = agreement.currentVersion();
        return new AgreementListItem(agreement.id(), agreement.reference(), agreement.title(),
                agreement.concludedOn(), agreement.venue(), agreement.status().name(), agreement.parties(),
                agreement.organisationsIn(OrganisationRole.MEDIATOR),
                agreement.organisationsIn(OrganisationRole.INTERMEDIARY), current.number(), current.effectiveDate(),
                current.terms(), agreement.pendingAmendment().map(AgreementVersion::number).orElse(null),
                agreement.completionDeclarations(), agreement.createdAt(), agreement.version());
    }
}

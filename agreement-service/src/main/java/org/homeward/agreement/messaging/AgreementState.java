package org.homeward.agreement.messaging;

import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementVersion;
import org.homeward.agreement.OrganisationRole;
import org.homeward.agreement.PartyRef;
import org.homeward.agreement.Term;
import org.homeward.platform.domain.AccessScope;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The public state of an agreement as carried by every agreement event (event-carried state transfer).
 * No personal data: which parties signed is public, who signed for them is not. Its JSON Schema is
 * {@code src/main/resources/events/agreement.agreement.*.json}.
 */
public record AgreementState(UUID agreementId, long sequence, String reference, String title,
                             LocalDate concludedOn, String venue, String status, List<PartyRef> parties,
                             List<String> mediators, List<String> intermediaries, int version,
                             LocalDate effectiveDate, List<Term> terms, Set<String> signedBy,
                             Integer pendingAmendment, Set<String> completionDeclaredBy, AccessScope accessScope) {

    static AgreementState of(Agreement agreement) {
        AgreementVersion current = agreement.currentVersion();
        return new AgreementState(agreement.id(), agreement.eventSequence(), agreement.reference(),
                agreement.title(), agreement.concludedOn(), agreement.venue(), agreement.status().name(),
                agreement.parties(), agreement.organisationsIn(OrganisationRole.MEDIATOR),
                agreement.organisationsIn(OrganisationRole.INTERMEDIARY), current.number(), current.effectiveDate(),
                current.terms(), agreement.signedParties(current),
                agreement.pendingAmendment().map(AgreementVersion::number).orElse(null),
                agreement.completionDeclarations(), agreement.accessScope());
    }
}

package org.homeward.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.OrganisationRole;
import org.homeward.agreement.PartyRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Agreement")
public record AgreementResponse(UUID id, String reference, String title, LocalDate concludedOn, String venue,
                                String status, List<PartyRef> parties, List<String> mediators,
                                List<String> intermediaries, Instant createdAt, long version) {

    static AgreementResponse of(Agreement agreement) {
        return new AgreementResponse(agreement.id(), agreement.reference(), agreement.title(),
                agreement.concludedOn(), agreement.venue(), agreement.status().name(), agreement.parties(),
                agreement.organisationsIn(OrganisationRole.MEDIATOR),
                agreement.organisationsIn(OrganisationRole.INTERMEDIARY), agreement.createdAt(), agreement.version());
    }
}

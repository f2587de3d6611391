package org.homeward.agreement.application;

import org.homeward.agreement.OrganisationRef;
import org.homeward.agreement.PartyRef;

import java.time.LocalDate;
import java.util.List;

/** The command to create a draft agreement, already validated for shape by the API layer. */
public record DraftAgreement(String reference, String title, LocalDate concludedOn, String venue,
                             List<PartyRef> parties, List<OrganisationRef> organisations) {
}

package org.homeward.agreement.application;

import org.homeward.agreement.AgreementContent;
import org.homeward.agreement.OrganisationRef;
import org.homeward.agreement.PartyRef;

import java.util.List;

/** The command to create a draft agreement, already validated for shape by the API layer. */
public record DraftAgreement(AgreementContent content, List<PartyRef> parties, List<OrganisationRef> organisations) {
}

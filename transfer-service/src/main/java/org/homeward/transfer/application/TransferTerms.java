package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.security.Caller;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.TermSelection;
import org.homeward.transfer.readmodel.AgreementViews;

/** The terms a transfer fulfils, as its agreement last published them: what items are counted towards. */
@ApplicationScoped
public class TransferTerms {

    private final AgreementViews agreements;
    private final Caller caller;

    public TransferTerms(AgreementViews agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    public TermSelection selectionFor(Transfer transfer) {
        return agreements.find(transfer.agreementId(), caller.party().orElse(null), caller.organisation())
                .map(AgreementSnapshot::of)
                .map(agreement -> new TermSelection(transfer.kind(), agreement.termsOf(transfer)))
                .orElseThrow(() -> new RuleViolation(null, "The agreement of this transfer is not known here"));
    }
}

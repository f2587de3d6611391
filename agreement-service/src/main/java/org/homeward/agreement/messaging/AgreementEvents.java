package org.homeward.agreement.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.agreement.Agreement;

/** The agreement events this service publishes, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class AgreementEvents {

    public static final String AGGREGATE_TYPE = "agreement";
    public static final String CREATED = "agreement.agreement.created";

    private final Outbox outbox;

    public AgreementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Agreement agreement) {
        outbox.append(AGGREGATE_TYPE, agreement.id().toString(), CREATED, AgreementState.of(agreement));
    }
}

package org.homeward.agreement.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.agreement.Agreement;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.util.Set;
import java.util.UUID;

/**
 * The events this service publishes, written to the outbox in the caller's transaction. All are events
 * of the agreement aggregate (keyed by agreement id, one sequence), and all carry its full public state.
 */
@ApplicationScoped
public class AgreementEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "agreement";
    public static final String CREATED = "agreement.agreement.created";
    public static final String UPDATED = "agreement.agreement.updated";
    public static final String SIGNED = "agreement.agreement.signed";
    public static final String ACTIVATED = "agreement.agreement.activated";
    public static final String SUSPENDED = "agreement.agreement.suspended";
    public static final String RESUMED = "agreement.agreement.resumed";
    public static final String AMENDMENT_PROPOSED = "agreement.agreement.amendment-proposed";
    public static final String AMENDED = "agreement.agreement.amended";
    public static final String COMPLETED = "agreement.agreement.completed";
    public static final String TERMINATED = "agreement.agreement.terminated";
    public static final String REOPENED = "agreement.agreement.reopened";
    public static final String TERM_FULFILLED = "agreement.term.fulfilled";
    public static final String TERM_REOPENED = "agreement.term.reopened";
    public static final String BALANCE_OUT_OF_TOLERANCE = "agreement.balance.out-of-tolerance";
    public static final String BALANCE_WITHIN_TOLERANCE = "agreement.balance.within-tolerance";

    /** A term's fulfilment changed: the term's counts, with the agreement's full state. */
    public record TermChange(UUID agreementId, long sequence, UUID termId, Integer committed, long received,
                             AccessScope accessScope, AgreementState agreement) {
    }

    /** A reciprocal balance crossed its tolerance, with the agreement's full state. */
    public record BalanceChange(UUID agreementId, long sequence, UUID termId, UUID reciprocalTermId, double balance,
                                int tolerance, AccessScope accessScope, AgreementState agreement) {
    }

    private final Outbox outbox;

    public AgreementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    /** An agreement-level event of the given type with the agreement's state after the change. */
    public void publish(String type, Agreement agreement) {
        outbox.append(AGGREGATE_TYPE, agreement.id().toString(), type, AgreementState.of(agreement));
    }

    public void termChanged(String type, Agreement agreement, UUID termId, Integer committed, long received) {
        outbox.append(AGGREGATE_TYPE, agreement.id().toString(), type, new TermChange(agreement.id(),
                agreement.eventSequence(), termId, committed, received, agreement.accessScope(),
                AgreementState.of(agreement)));
    }

    public void balanceChanged(String type, Agreement agreement, UUID termId, UUID reciprocalTermId, double balance,
                               int tolerance) {
        outbox.append(AGGREGATE_TYPE, agreement.id().toString(), type, new BalanceChange(agreement.id(),
                agreement.eventSequence(), termId, reciprocalTermId, balance, tolerance, agreement.accessScope(),
                AgreementState.of(agreement)));
    }
}

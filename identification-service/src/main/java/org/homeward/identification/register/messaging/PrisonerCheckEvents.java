package org.homeward.identification.register.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.register.PrisonerCheck;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.util.Set;
import java.util.UUID;

/**
 * {@code identification.prisoner-check.completed}: that a released person's identity check is settled
 * (uncertain checks are not announced until decided), keyed by check. Ids, outcome and status only: never
 * the name, the register entry or the fields that agreed. Seen by the receiving party alone: the outcome
 * says what its register holds, which is nobody else's business (DESIGN.md 6). Schema: src/main/resources/events/identification.prisoner-check.completed.json.
 */
@ApplicationScoped
public class PrisonerCheckEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "prisoner-check";
    public static final String COMPLETED = "identification.prisoner-check.completed";

    public record CheckPublicState(UUID checkId, long sequence, UUID itemId, UUID transferId, UUID agreementId,
                                   String fromParty, String toParty, String outcome, String status,
                                   AccessScope accessScope) {
    }

    private final Outbox outbox;

    public PrisonerCheckEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void completed(PrisonerCheck check) {
        outbox.append(AGGREGATE_TYPE, check.id().toString(), COMPLETED, new CheckPublicState(check.id(),
                check.eventSequence(), check.itemId(), check.transferId(), check.agreementId(), check.fromParty(),
                check.toParty(), check.outcome().name(), check.status().name(),
                new AccessScope(Set.of(check.toParty()), Set.of())));
    }
}

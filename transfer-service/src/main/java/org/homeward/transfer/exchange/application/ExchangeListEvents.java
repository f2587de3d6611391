package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;
import org.homeward.transfer.exchange.ExchangeList;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Tells the public topic where a term stands on its list (transfer.exchange-list.progressed), in the
 * transaction of the change: counts only, with a sequence per list, to the parties and to the agreement's
 * mediators and intermediaries, who read the same counts through the API.
 */
@ApplicationScoped
public class ExchangeListEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "exchange-list";
    public static final String PROGRESSED = "transfer.exchange-list.progressed";

    public record Progressed(UUID listId, UUID agreementId, UUID termId, String fromParty, String toParty,
                             String category, LocalDate referenceDate, long sequence, int round, long eligibleHeld,
                             long offered, long verified, long released, long declined, long died, long remaining,
                             boolean complete, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public ExchangeListEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    void progressed(ExchangeList list, ExchangeProgress p, Set<String> mediators, Set<String> intermediaries) {
        Set<String> organisations = new HashSet<>(mediators);
        organisations.addAll(intermediaries);
        outbox.append(AGGREGATE_TYPE, list.id().toString(), PROGRESSED, new Progressed(list.id(), list.agreementId(),
                list.termId(), list.detainingParty(), list.receivingParty(), list.category(), list.referenceDate(),
                list.nextEventSequence(), p.round(), p.eligibleHeld(), p.offered(), p.verified(), p.released(),
                p.declined(), p.died(), p.remaining(), p.complete(),
                new AccessScope(Set.of(list.detainingParty(), list.receivingParty()), organisations)));
    }
}

package org.homeward.transfer.prisoners.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.util.Set;

/**
 * What the public topic hears of the prisoners a party holds: counts per detaining party and party of origin,
 * absolute (latest sequence wins), never a name or an id of a person (schema:
 * src/main/resources/events/transfer.prisoners-held.*.json). Written to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class PrisonersHeldEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "prisoners-held";
    /** Prisoners were recorded (one, or an import). */
    public static final String RECORDED = "transfer.prisoners-held.recorded";
    /** A prisoner died in captivity (GC III Art. 120). */
    public static final String DIED = "transfer.prisoners-held.died";
    /** Prisoners were released: a handover's reconciliation found them received. */
    public static final String RELEASED = "transfer.prisoners-held.released";

    /** The counts of one detaining party's prisoners from one party of origin, as they stand. */
    public record Counts(String detainingParty, String partyOfOrigin, long sequence, long held, long released,
                         long died, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public PrisonersHeldEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void publish(String type, Counts counts) {
        outbox.append(AGGREGATE_TYPE, counts.detainingParty() + "-" + counts.partyOfOrigin(), type, counts);
    }
}

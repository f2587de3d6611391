package org.homeward.platform.messaging.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.platform.audit.AuditAnchor;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxConfig;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes each anchor of this service's audit chain ({@code audit.chain.anchored}) on its public topic, in
 * the transaction that records it, for the auditors' webhook subscriptions: the head's sequence, entry and
 * hash, nothing personal. Other consumers of the topic pass it by (they read their own event types).
 */
@ApplicationScoped
public class AuditAnchorEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "audit-anchor";
    public static final String ANCHORED = "audit.chain.anchored";

    /** The event's data: the service that anchored (its events' source) and the link. No party or organisation. */
    public record Anchored(String service, long sequence, long seq, long auditId, String headHash, Instant anchoredAt,
                           AccessScope accessScope) {

        public static Anchored of(String service, AuditAnchor anchor) {
            return new Anchored(service, anchor.seq(), anchor.seq(), anchor.auditId(), anchor.headHash(),
                    anchor.anchoredAt(), new AccessScope(Set.of(), Set.of()));
        }
    }

    private final Outbox outbox;
    private final OutboxConfig config;

    public AuditAnchorEvents(Outbox outbox, OutboxConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    void onAnchored(@Observes AuditAnchor anchor) {
        outbox.append(eventId(config.source(), anchor), AGGREGATE_TYPE, config.source(), ANCHORED,
                Anchored.of(config.source(), anchor));
    }

    /**
     * One anchor, one event: its id follows from the service, the link and its hash, whichever path tells it.
     * The hash is part of it: after a restore, the same link anchored with another hash is another event (the
     * very divergence anchors exist to show), never taken for a duplicate.
     */
    public static UUID eventId(String service, AuditAnchor anchor) {
        return UUID.nameUUIDFromBytes((ANCHORED + "|" + service + "|" + anchor.seq() + "|" + anchor.headHash())
                .getBytes(StandardCharsets.UTF_8));
    }
}

package org.homeward.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.notification.Subscription;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * notification-service's own operational events, through its outbox: today, that an endpoint was disabled
 * (410 Gone, or no success for too long), so that operators and the subscriber's organisation can act.
 * No URL or secret: the subscription id, why, and when.
 */
@ApplicationScoped
public class SubscriptionEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "subscription";

    public static final String DISABLED = "notification.subscription.disabled";

    /** The event's data; only the subscription's own organisation (and party) may see it. */
    public record SubscriptionDisabled(UUID subscriptionId, long sequence, String status, String reason,
                                       Instant disabledAt, AccessScope accessScope) {
    }

    private final Outbox outbox;

    public SubscriptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void disabled(Subscription subscription) {
        outbox.append(AGGREGATE_TYPE, subscription.id().toString(), DISABLED, new SubscriptionDisabled(
                subscription.id(), subscription.version() + 1, subscription.status().name(), subscription.statusReason(),
                Instant.now(), new AccessScope(subscription.party() == null ? Set.of() : Set.of(subscription.party()),
                        Set.of(subscription.organisation()))));
    }
}

package org.homeward.notification.api;

import org.homeward.notification.Delivery;
import org.homeward.notification.DeliveryAttempt;

import java.time.Instant;
import java.util.UUID;

public record DeliveryResponse(UUID id, UUID eventId, String eventType, String status, int attempts,
                               Integer lastStatus, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id(), d.eventId(), d.eventType(), d.status().name(), d.attempts(), d.lastStatus(),
                d.nextAttemptAt(), d.createdAt(), d.deliveredAt());
    }

    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMs, String responseExcerpt, String error) {
        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attemptedAt, a.statusCode, a.latencyMs, a.responseExcerpt, a.error);
        }
    }
}

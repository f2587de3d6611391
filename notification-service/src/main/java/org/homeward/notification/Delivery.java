package org.homeward.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.platform.domain.InvalidTransition;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription. The payload is thin (ids, types, states, counts, links) and fixed at
 * creation; the webhook-id is the event id, the same on every attempt.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    private String traceparent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Delivery() {
        // for JPA
    }

    public Delivery(UUID subscriptionId, UUID eventId, String eventType, String payload, String traceparent, Instant now) {
        this.id = UUID.randomUUID();
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.traceparent = traceparent;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void succeeded(int statusCode, Instant now) {
        attempts++;
        status = DeliveryStatus.SUCCEEDED;
        lastStatus = statusCode;
        deliveredAt = now;
        lockedUntil = null;
    }

    /** A failed attempt: try again at {@code next}, or give up when it is null. */
    public void failed(Integer statusCode, Instant next) {
        attempts++;
        lastStatus = statusCode;
        lockedUntil = null;
        if (next == null) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /** An operator asks for another attempt now (after the endpoint was fixed). */
    public void retryNow(Instant now) {
        if (status == DeliveryStatus.SUCCEEDED) {
            throw new InvalidTransition("This delivery SUCCEEDED; there is nothing to retry");
        }
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        lockedUntil = null;
    }

    public UUID id() { return id; }
    public UUID subscriptionId() { return subscriptionId; }
    public UUID eventId() { return eventId; }
    public String eventType() { return eventType; }
    public String payload() { return payload; }
    public String traceparent() { return traceparent; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Integer lastStatus() { return lastStatus; }
    public Instant createdAt() { return createdAt; }
    public Instant deliveredAt() { return deliveredAt; }
}

package org.homeward.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription. The payload is thin (ids, types, states, counts, links) and fixed at
 * creation; the webhook-id is the event id, the same on every attempt.
 *
 * <p>A worker claims a delivery by leasing it: {@code lockedUntil} says until when, {@code leaseToken} which
 * claim holds it. Only the holder of the lease records an attempt's outcome, and nobody may start another
 * attempt while one is in flight, so a delivery never goes out twice at once and a late answer cannot
 * overwrite a newer one. The version makes every change conditional on nobody having changed the row since.
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

    @Column(name = "lease_token")
    private UUID leaseToken;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Version
    private long version;

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

    /** Whether the claim that handed out {@code token} still holds this delivery (no later claim, no outcome yet). */
    public boolean isLeasedBy(UUID token) {
        return token != null && token.equals(leaseToken) && status == DeliveryStatus.PENDING;
    }

    /** Whether a worker may be sending this delivery right now: its lease has not run out. */
    public boolean attemptInFlight(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void succeeded(int statusCode, Instant now) {
        attempts++;
        status = DeliveryStatus.SUCCEEDED;
        lastStatus = statusCode;
        deliveredAt = now;
        releaseLease();
    }

    /** A failed attempt: try again at {@code next}, or give up when it is null. */
    public void failed(Integer statusCode, Instant next) {
        attempts++;
        lastStatus = statusCode;
        releaseLease();
        if (next == null) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /**
     * An operator asks for another attempt now (after the endpoint was fixed). Not while an attempt is in
     * flight: clearing its lease would send the delivery a second time at once, and the first attempt's
     * answer could then overwrite the second's.
     */
    public void retryNow(Instant now) {
        if (status == DeliveryStatus.SUCCEEDED) {
            throw new InvalidTransition("This delivery SUCCEEDED; there is nothing to retry");
        }
        if (attemptInFlight(now)) {
            throw new InvalidTransition("An attempt of this delivery is in flight; retry once it has ended");
        }
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        // A lease that ran out without an outcome belongs to a worker that died or stalled: its answer, should
        // it still come, is not recorded.
        releaseLease();
    }

    private void releaseLease() {
        lockedUntil = null;
        leaseToken = null;
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

package org.homeward.platform.messaging.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer has applied, recorded in the same transaction as its effect (eventuate-tram's
 * received_messages): the primary key makes a redelivered event a no-op.
 */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Embeddable
    public record Key(@Column(name = "consumer") String consumer,
                      @Column(name = "event_id") UUID eventId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}

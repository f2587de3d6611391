package org.homeward.platform.messaging.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A record that a consumer of this service could not process, as read back from the service's
 * dead-letter topic, so that operators can list and re-drive it. Unique per original topic, partition
 * and offset.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    public enum Status { PENDING, REDRIVEN, DISCARDED }

    @Id
    public UUID id;

    @Column(name = "source_topic", nullable = false)
    public String sourceTopic;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "payload")
    public String payload;

    /** Who discarded a letter that could not be re-driven, and why (null otherwise). */
    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "discard_reason")
    public String discardReason;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;

    @Column(name = "redriven_at")
    public Instant redrivenAt;
}

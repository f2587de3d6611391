package org.homeward.platform.messaging.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the transactional outbox, in the shape Debezium's outbox event router expects (id,
 * aggregatetype, aggregateid, type, payload, timestamp, tracingspancontext), so an operator can swap the
 * relay for Debezium. {@code position} orders publication; {@code publishedAt} marks what the relay sent.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "position", insertable = false, updatable = false)
    public Long position;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    @Column(name = "type", nullable = false)
    public String type;

    /** The whole CloudEvent, structured mode. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false)
    public String payload;

    @Column(name = "timestamp", nullable = false)
    public Instant timestamp;

    /** W3C trace context of the request that caused the event, as "traceparent=...". */
    @Column(name = "tracingspancontext")
    public String tracingSpanContext;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Set when the broker refused the row for good; an operator may clear it to publish the row again. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;
}

package org.homeward.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The stored outcome of a creating POST, kept so that a retry with the same key replays it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Embeddable
    public record Key(@Column(name = "organisation") String organisation,
                      @Column(name = "endpoint") String endpoint,
                      @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false)
    public String responseBody;

    @Column(name = "location")
    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

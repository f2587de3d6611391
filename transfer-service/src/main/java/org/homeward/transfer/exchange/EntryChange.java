package org.homeward.transfer.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of an entry's status: from, to, why, by whom, in which round. Append-only in the database. */
@Entity
@Table(name = "exchange_entry_history")
public class EntryChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "entry_id", nullable = false)
    private UUID entryId;
    @Column(nullable = false)
    private int round;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private EntryStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private EntryStatus to;
    private String reason;
    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;
    @Column(name = "actor_organisation", nullable = false)
    private String actorOrganisation;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected EntryChange() {
    }

    public EntryChange(UUID entryId, int round, EntryStatus from, EntryStatus to, String reason, String subject,
                       String organisation, Instant now) {
        this.entryId = entryId;
        this.round = round;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.actorSubject = subject;
        this.actorOrganisation = organisation;
        this.occurredAt = now;
    }

    public int round() { return round; }
    public EntryStatus from() { return from; }
    public EntryStatus to() { return to; }
    public String reason() { return reason; }
    public String actorSubject() { return actorSubject; }
    public String actorOrganisation() { return actorOrganisation; }
    public Instant occurredAt() { return occurredAt; }
}

package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.identification.shared.Actor;

import java.time.Instant;
import java.util.UUID;

/** One change of a case's status or assignment, kept forever in order (the table is append-only). */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry {

    public static final String STATUS = "STATUS";
    public static final String ASSIGNMENT = "ASSIGNMENT";
    /** A withdrawal record that came after the remains were handed back: noted, not applied. */
    public static final String WITHDRAWAL_NOT_APPLIED = "WITHDRAWAL_NOT_APPLIED";
    /** The remains were split into several individuals (on the case split, and on each case split off). */
    public static final String SPLIT = "SPLIT";
    /** A fragment of this person, another case's remains, was joined to this case. */
    public static final String JOIN = "JOIN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "from_value")
    private String fromValue;

    @Column(name = "to_value")
    private String toValue;

    private String reason;

    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;

    @Column(name = "actor_organisation", nullable = false)
    private String actorOrganisation;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected CaseHistoryEntry() {
    }

    CaseHistoryEntry(UUID caseId, String kind, String fromValue, String toValue, String reason, Actor actor,
                     Instant occurredAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.reason = reason;
        this.actorSubject = actor.subject();
        this.actorOrganisation = actor.organisation();
        this.occurredAt = occurredAt;
    }

    public String kind() { return kind; }
    public String fromValue() { return fromValue; }
    public String toValue() { return toValue; }
    public String reason() { return reason; }
    public String actorSubject() { return actorSubject; }
    public String actorOrganisation() { return actorOrganisation; }
    public Instant occurredAt() { return occurredAt; }
}

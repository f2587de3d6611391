package org.homeward.identification.retention;

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
 * An erasure asked by one operator, carried out only when a second operator confirms it: erasing a case or a
 * register entry cannot be undone, so no single person does it. It keeps the subject's id, never its data.
 */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest {

    public enum Status { REQUESTED, DONE, WITHDRAWN }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private ErasureSubject subject;

    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "done_at")
    private Instant doneAt;

    @Version
    private long version;

    protected ErasureRequest() {
    }

    public ErasureRequest(ErasureSubject subject, UUID subjectId, String reason, String operator, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.subjectId = subjectId;
        this.reason = reason;
        this.status = Status.REQUESTED;
        this.requestedBy = operator;
        this.requestedAt = now;
    }

    /** The second operator's confirmation: never the one who asked. */
    public void confirmedBy(String operator, Instant now) {
        requireRequested();
        if (operator.equals(requestedBy)) {
            throw new InvalidTransition("A second operator confirms an erasure; you asked for this one");
        }
        confirmedBy = operator;
        status = Status.DONE;
        doneAt = now;
    }

    /** An operator takes the request back before it is confirmed (it was a mistake, or is no longer needed). */
    public void withdrawnBy(String operator, Instant now) {
        requireRequested();
        withdrawnBy = operator;
        status = Status.WITHDRAWN;
        doneAt = now;
    }

    private void requireRequested() {
        if (status != Status.REQUESTED) {
            throw new InvalidTransition("This erasure request is " + status);
        }
    }

    public UUID id() { return id; }
    public ErasureSubject subject() { return subject; }
    public UUID subjectId() { return subjectId; }
    public String reason() { return reason; }
    public Status status() { return status; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public String confirmedBy() { return confirmedBy; }
    public String withdrawnBy() { return withdrawnBy; }
    public Instant doneAt() { return doneAt; }
}

package org.homeward.identification.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.RecordComparison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An uncertain match waiting for a person: a report that may be of a known person. Until decided, the
 * report stands as its own entry ({@link #entryId()}); merging folds that entry into the candidate,
 * separating confirms they are two people, and a merge can be undone.
 */
@Entity
@Table(name = "linkage_review")
public class LinkageReview {

    public enum Status { OPEN, MERGED, SEPARATED, MERGE_UNDONE }

    @Id
    private UUID id;

    @Column(name = "entry_id", nullable = false)
    private UUID entryId;

    /** Null while an UNCOMPARED review waits: the reviewer names the entry to merge into. */
    @Column(name = "candidate_id")
    private UUID candidateId;

    @Column(nullable = false)
    private String party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkageOutcome outcome;

    /** Which fields agreed and how closely, e.g. "surname (0.97)": no values, only field names and scores. */
    @Column(nullable = false)
    private String reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    /** The reports a merge moved to the candidate: exactly those go back when it is undone. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "moved_reports", nullable = false)
    private List<UUID> movedReports = new ArrayList<>();

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected LinkageReview() {
    }

    public LinkageReview(UUID entryId, UUID candidateId, String party, RecordComparison.Result result, Instant now) {
        this.id = UUID.randomUUID();
        this.entryId = entryId;
        this.candidateId = candidateId;
        this.party = party;
        this.outcome = result.outcome();
        this.reasons = String.join("; ", result.agreed());
        this.status = Status.OPEN;
        this.openedAt = now;
    }

    /**
     * A report not compared because its blocking key holds more entries than one report is compared with
     * ({@code blockSize}): a reviewer searches the register for it.
     */
    public static LinkageReview uncompared(UUID entryId, String party, int blockSize, int limit, Instant now) {
        LinkageReview review = new LinkageReview();
        review.id = UUID.randomUUID();
        review.entryId = entryId;
        review.party = party;
        review.outcome = LinkageOutcome.UNCOMPARED;
        // One reason (reasonList splits on "; "): the reviewer searches the register by name.
        review.reasons = "not compared: " + blockSize + " entries share its blocking key, more than the " + limit
                + " one report is compared with";
        review.status = Status.OPEN;
        review.openedAt = now;
        return review;
    }

    /** The entry an UNCOMPARED review's reviewer found by searching, named when merging into it. */
    public void mergeTarget(UUID candidate) {
        if (candidateId != null && !candidateId.equals(candidate)) {
            throw new RuleViolation("candidateId", "This review is about its own candidate; merge into that one");
        }
        candidateId = candidate;
    }

    public void merged(List<UUID> moved, String reviewer, Instant now) {
        decide(Status.MERGED, reviewer, now);
        movedReports = new ArrayList<>(moved);
    }

    public void separated(String reviewer, Instant now) {
        decide(Status.SEPARATED, reviewer, now);
    }

    public void mergeUndone(String reviewer, Instant now) {
        if (status != Status.MERGED) {
            throw new InvalidTransition("Only a merge can be undone; this review is " + status);
        }
        status = Status.MERGE_UNDONE;
        decidedBy = reviewer;
        decidedAt = now;
    }

    private void decide(Status decision, String reviewer, Instant now) {
        if (status != Status.OPEN) {
            throw new InvalidTransition("The review was already decided: " + status);
        }
        status = decision;
        decidedBy = reviewer;
        decidedAt = now;
    }

    public List<String> reasonList() {
        return reasons.isEmpty() ? List.of() : List.of(reasons.split("; "));
    }

    public List<UUID> movedReports() { return List.copyOf(movedReports); }
    public UUID id() { return id; }
    public UUID entryId() { return entryId; }
    public UUID candidateId() { return candidateId; }
    public String party() { return party; }
    public LinkageOutcome outcome() { return outcome; }
    public Status status() { return status; }
    public Instant openedAt() { return openedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}

package org.homeward.transfer.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.linkage.LinkageOutcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request that probably (PROBABLE) or conflictingly (CONFLICT) names an offered prisoner: a wrong date of
 * birth, a name spelt another way. The detaining party, who holds him, confirms or rejects the match.
 */
@Entity
@Table(name = "exchange_match_review")
public class MatchReview {

    /** SUPERSEDED: one of its two entries was matched otherwise or answered meanwhile; nothing is left to decide. */
    public enum Status { OPEN, CONFIRMED, REJECTED, SUPERSEDED }

    @Id
    private UUID id;
    @Column(name = "list_id", nullable = false)
    private UUID listId;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(name = "offer_id", nullable = false)
    private UUID offerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkageOutcome outcome;
    @Column(nullable = false)
    private String reasons;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected MatchReview() {
    }

    public MatchReview(UUID listId, UUID requestId, UUID offerId, LinkageOutcome outcome, List<String> agreed,
                       Instant now) {
        this.id = UUID.randomUUID();
        this.listId = listId;
        this.requestId = requestId;
        this.offerId = offerId;
        this.outcome = outcome;
        this.reasons = String.join("; ", agreed);
        this.status = Status.OPEN;
        this.openedAt = now;
    }

    public void decided(boolean confirmed, String reviewer, Instant now) {
        if (status != Status.OPEN) {
            throw new InvalidTransition("This match was decided already: " + status);
        }
        status = confirmed ? Status.CONFIRMED : Status.REJECTED;
        decidedBy = reviewer;
        decidedAt = now;
    }

    public void superseded(Instant now) {
        if (status == Status.OPEN) {
            status = Status.SUPERSEDED;
            decidedAt = now;
        }
    }

    public UUID id() { return id; }
    public UUID listId() { return listId; }
    public UUID requestId() { return requestId; }
    public UUID offerId() { return offerId; }
    public LinkageOutcome outcome() { return outcome; }
    public List<String> reasonList() { return reasons.isEmpty() ? List.of() : List.of(reasons.split("; ")); }
    public Status status() { return status; }
    public Instant openedAt() { return openedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}

package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Two cases whose post-mortem profiles match as one person (identity LR at or above the threshold):
 * fragments of one body in two cases, as commingled remains from mass graves often are. Stored once per
 * pair, the smaller case id first.
 */
@Entity
@Table(name = "reassociation_candidate")
public class ReassociationCandidate {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "other_case_id", nullable = false)
    private UUID otherCaseId;

    @Column(nullable = false)
    private String party;

    @Column(nullable = false)
    private double lr;

    @Column(name = "loci_compared", nullable = false)
    private int lociCompared;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    protected ReassociationCandidate() {
    }

    public ReassociationCandidate(UUID one, UUID other, String party, double lr, int lociCompared, Instant now) {
        this.id = UUID.randomUUID();
        boolean ordered = one.toString().compareTo(other.toString()) < 0;
        this.caseId = ordered ? one : other;
        this.otherCaseId = ordered ? other : one;
        this.party = party;
        this.lr = lr;
        this.lociCompared = lociCompared;
        this.computedAt = now;
    }

    /** The other case of the pair, seen from {@code caseId}. */
    public UUID otherThan(UUID caseId) {
        return this.caseId.equals(caseId) ? otherCaseId : this.caseId;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public UUID otherCaseId() { return otherCaseId; }
    public double lr() { return lr; }
    public int lociCompared() { return lociCompared; }
    public Instant computedAt() { return computedAt; }
}

package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.UUID;

/**
 * The record that a family was told of an identification, or of its revocation: who told them, when, and
 * how.
 */
@Entity
@Table(name = "family_notification")
public class FamilyNotification {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "told_by", nullable = false)
    private String toldBy;

    @Column(name = "told_at", nullable = false)
    private Instant toldAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationMeans means;

    /** Told that the identification they had been given was revoked. */
    @Column(name = "of_revocation", nullable = false)
    private boolean ofRevocation;

    @Embedded
    private Recording recorded;

    protected FamilyNotification() {
    }

    public FamilyNotification(RemainsCase remainsCase, String toldBy, Instant toldAt, NotificationMeans means,
                              boolean ofRevocation, Actor recordedBy, Instant now) {
        if (ofRevocation) {
            remainsCase.ensureFamilyIsOwedARevocation();
        } else {
            remainsCase.ensureFamilyMayBeTold();
        }
        if (toldAt.isAfter(now)) {
            throw new RuleViolation("toldAt", "A family cannot have been told in the future");
        }
        if (remainsCase.identifiedAt() != null && toldAt.isBefore(remainsCase.identifiedAt())) {
            throw new RuleViolation("toldAt", "A family is told after the identification was confirmed");
        }
        this.id = UUID.randomUUID();
        this.caseId = remainsCase.id();
        this.toldBy = toldBy;
        this.toldAt = toldAt;
        this.means = means;
        this.ofRevocation = ofRevocation;
        this.recorded = Recording.of(recordedBy, now);
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String toldBy() { return toldBy; }
    public Instant toldAt() { return toldAt; }
    public NotificationMeans means() { return means; }
    public boolean ofRevocation() { return ofRevocation; }
    public Recording recorded() { return recorded; }
}

package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A relative who gave a reference sample to find a missing person, with the consent it rests on: who
 * gave it, when, for what use. Withdrawing the consent erases the reference data (who the donor is, the
 * relationship, the sample identifiers, and everything derived from them); what remains says only that a
 * donor for this person withdrew, and when.
 */
@Entity
@Table(name = "family_donor")
public class FamilyDonor {

    public enum Status { CONSENTED, WITHDRAWN }

    @Id
    private UUID id;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    @Column(name = "donor_name")
    private String donorName;

    @Column(name = "consent_given_by")
    private String consentGivenBy;

    @Column(name = "consent_given_at", nullable = false)
    private Instant consentGivenAt;

    @Column(name = "consent_use")
    private String consentUse;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sample_ids", nullable = false)
    private List<String> sampleIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** Who made the withdrawal take effect (a coordinator, or the second examiner). */
    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    /** An examiner's request to withdraw, awaiting a second examiner or a coordinator (four eyes). */
    @Column(name = "withdrawal_requested_by")
    private String withdrawalRequestedBy;

    @Column(name = "withdrawal_requested_by_organisation")
    private String withdrawalRequestedByOrganisation;

    @Column(name = "withdrawal_requested_at")
    private Instant withdrawalRequestedAt;

    /** Why consent was withdrawn, as the family said it (kept after the erasure; no names belong in it). */
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Column(name = "registered_by_organisation", nullable = false)
    private String registeredByOrganisation;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected FamilyDonor() {
    }

    /** The donor, the consent (given by the donor or a guardian, at a time, for a use) and the samples. */
    public record Consent(String givenBy, Instant givenAt, String use) {
    }

    public FamilyDonor(UUID personId, Relationship relationship, String donorName, Consent consent,
                       List<String> sampleIds, String organisation, Instant now) {
        if (consent.givenAt().isAfter(now)) {
            throw new RuleViolation("consent.givenAt", "Consent cannot be given in the future");
        }
        this.id = UUID.randomUUID();
        this.personId = personId;
        this.relationship = relationship;
        this.donorName = donorName;
        this.consentGivenBy = consent.givenBy();
        this.consentGivenAt = consent.givenAt();
        this.consentUse = consent.use();
        this.sampleIds = new ArrayList<>(sampleIds);
        this.status = Status.CONSENTED;
        this.registeredByOrganisation = organisation;
        this.registeredAt = now;
    }

    /**
     * An examiner records that the family withdrew consent; a second examiner or a coordinator makes it take
     * effect, so that no one person erases a family's references alone. Until then the references stand.
     */
    public void requestWithdrawal(Actor by, String reason, Instant now) {
        requireConsented();
        if (withdrawalRequestedBy != null) {
            throw new InvalidTransition("A withdrawal was already requested on " + withdrawalRequestedAt
                    + "; a second examiner or a coordinator confirms it");
        }
        withdrawalRequestedBy = by.subject();
        withdrawalRequestedByOrganisation = by.organisation();
        withdrawalRequestedAt = now;
        withdrawalReason = reason;
    }

    /** Whether an examiner's request to withdraw awaits its confirmation. */
    public boolean withdrawalRequested() {
        return status == Status.CONSENTED && withdrawalRequestedBy != null;
    }

    /**
     * Erases the reference data; the fact of the withdrawal, its time, its reason and who made it take effect
     * remain. Confirming an examiner's request takes someone else than that examiner.
     *
     * @param reason null when confirming a request, which gave it
     */
    public void withdrawConsent(Actor by, String reason, Instant now) {
        requireConsented();
        if (withdrawalRequestedBy != null && withdrawalRequestedBy.equals(by.subject())) {
            throw new RuleViolation("decision", "Four eyes: the withdrawal you requested is confirmed by a second"
                    + " examiner or a coordinator");
        }
        if (reason != null) {
            withdrawalReason = reason;
        }
        status = Status.WITHDRAWN;
        withdrawnAt = now;
        withdrawnBy = by.subject();
        relationship = null;
        donorName = null;
        consentGivenBy = null;
        consentUse = null;
        sampleIds = new ArrayList<>();
    }

    private void requireConsented() {
        if (status == Status.WITHDRAWN) {
            throw new InvalidTransition("Consent was already withdrawn on " + withdrawnAt);
        }
    }

    public UUID id() { return id; }
    public UUID personId() { return personId; }
    public Relationship relationship() { return relationship; }
    public String donorName() { return donorName; }
    public String consentGivenBy() { return consentGivenBy; }
    public Instant consentGivenAt() { return consentGivenAt; }
    public String consentUse() { return consentUse; }
    public List<String> sampleIds() { return List.copyOf(sampleIds); }
    public Status status() { return status; }
    public Instant withdrawnAt() { return withdrawnAt; }
    public String withdrawnBy() { return withdrawnBy; }
    public String withdrawalRequestedBy() { return withdrawalRequestedBy; }
    public Instant withdrawalRequestedAt() { return withdrawalRequestedAt; }
    public String withdrawalReason() { return withdrawalReason; }
    public Instant registeredAt() { return registeredAt; }
}

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

    /** Erases the reference data; the fact of the withdrawal and its time remain. */
    public void withdrawConsent(Instant now) {
        if (status == Status.WITHDRAWN) {
            throw new InvalidTransition("Consent was already withdrawn on " + withdrawnAt);
        }
        status = Status.WITHDRAWN;
        withdrawnAt = now;
        relationship = null;
        donorName = null;
        consentGivenBy = null;
        consentUse = null;
        sampleIds = new ArrayList<>();
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
    public Instant registeredAt() { return registeredAt; }
}

package org.homeward.agreement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.platform.domain.InvalidTransition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One version of what was agreed: the effective date and the terms, who proposed it, why, and which
 * parties signed it. Version 1 is the original; each amendment is a further version. Every version is
 * kept.
 */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion {

    @Id
    private UUID id;

    @Column(nullable = false)
    private int number;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Term> terms = new ArrayList<>();

    @Column
    private String reason;

    @Column(name = "proposed_by_organisation", nullable = false)
    private String proposedByOrganisation;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VersionState state;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_signature", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<Signature> signatures = new ArrayList<>();

    protected AgreementVersion() {
        // for JPA
    }

    AgreementVersion(int number, LocalDate effectiveDate, List<Term> terms, String reason,
                     String proposedByOrganisation, Instant proposedAt) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.effectiveDate = effectiveDate;
        this.terms = new ArrayList<>(terms);
        this.reason = reason;
        this.proposedByOrganisation = proposedByOrganisation;
        this.proposedAt = proposedAt;
        this.state = VersionState.PROPOSED;
    }

    void replaceContent(LocalDate effectiveDate, List<Term> terms) {
        this.effectiveDate = effectiveDate;
        this.terms = new ArrayList<>(terms);
    }

    void sign(Signature signature) {
        if (hasSigned(signature.party())) {
            throw new InvalidTransition("Party " + signature.party() + " has already signed version " + number);
        }
        signatures.add(signature);
    }

    boolean hasSigned(String party) {
        return signatures.stream().anyMatch(s -> s.party().equals(party));
    }

    void adopt() {
        state = VersionState.ADOPTED;
    }

    void supersede() {
        state = VersionState.SUPERSEDED;
    }

    public UUID id() { return id; }
    public int number() { return number; }
    public LocalDate effectiveDate() { return effectiveDate; }
    public List<Term> terms() { return List.copyOf(terms); }
    public String reason() { return reason; }
    public String proposedByOrganisation() { return proposedByOrganisation; }
    public Instant proposedAt() { return proposedAt; }
    public VersionState state() { return state; }
    public List<Signature> signatures() { return List.copyOf(signatures); }
}

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
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the parties agreed: the aggregate root of agreement-service. Invariants live here, free of REST and
 * messaging; every change advances {@link #eventSequence()}, the per-aggregate sequence number that event
 * consumers use to apply "latest wins".
 */
@Entity
@Table(name = "agreement")
public class Agreement {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    private UUID id;

    @Column(nullable = false)
    private String reference;

    @Column(nullable = false)
    private String title;

    @Column(name = "concluded_on")
    private LocalDate concludedOn;

    private String venue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<PartyRef> parties = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_organisation", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<OrganisationRef> organisations = new ArrayList<>();

    @Column(name = "created_by_organisation", nullable = false)
    private String createdByOrganisation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected Agreement() {
        // for JPA
    }

    /**
     * A new draft. Parties are two or more distinct ISO 3166-1 alpha-2 codes; an organisation may be named
     * once per role.
     */
    public static Agreement draft(String reference, String title, LocalDate concludedOn, String venue,
                                  List<PartyRef> parties, List<OrganisationRef> organisations,
                                  String createdByOrganisation, Instant now) {
        if (parties.size() < 2) {
            throw new RuleViolation("parties", "An agreement needs at least two parties");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            String code = parties.get(i).code();
            if (!ISO_COUNTRIES.contains(code)) {
                throw new RuleViolation("parties[" + i + "].code", "Not an ISO 3166-1 alpha-2 country code");
            }
            if (!codes.add(code)) {
                throw new RuleViolation("parties[" + i + "].code", "A party is named twice");
            }
        }
        if (new HashSet<>(organisations).size() != organisations.size()) {
            throw new RuleViolation("organisations", "An organisation is named twice in the same role");
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.reference = reference;
        agreement.title = title;
        agreement.concludedOn = concludedOn;
        agreement.venue = venue;
        agreement.status = AgreementStatus.DRAFT;
        agreement.parties = new ArrayList<>(parties);
        agreement.organisations = new ArrayList<>(organisations);
        agreement.createdByOrganisation = createdByOrganisation;
        agreement.createdAt = now;
        agreement.eventSequence = 1;
        return agreement;
    }

    /** A coordinator may draft for its own party; a mediator may draft an agreement it mediates. */
    public boolean mayBeDraftedBy(String callerParty, String callerOrganisation, boolean coordinator, boolean mediator) {
        boolean forOwnParty = coordinator && callerParty != null
                && parties.stream().anyMatch(p -> p.code().equals(callerParty));
        boolean asItsMediator = mediator && organisations.stream().anyMatch(o -> o.role() == OrganisationRole.MEDIATOR
                && o.organisationId().equals(callerOrganisation));
        return forOwnParty || asItsMediator;
    }

    /** Parties, mediators and intermediaries named on the agreement may see it; nobody else. */
    public AccessScope accessScope() {
        return new AccessScope(
                parties.stream().map(PartyRef::code).collect(Collectors.toSet()),
                organisations.stream().map(OrganisationRef::organisationId).collect(Collectors.toSet()));
    }

    public List<String> organisationsIn(OrganisationRole role) {
        return organisations.stream().filter(o -> o.role() == role).map(OrganisationRef::organisationId).toList();
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public String title() { return title; }
    public LocalDate concludedOn() { return concludedOn; }
    public String venue() { return venue; }
    public AgreementStatus status() { return status; }
    public List<PartyRef> parties() { return List.copyOf(parties); }
    public List<OrganisationRef> organisations() { return List.copyOf(organisations); }
    public String createdByOrganisation() { return createdByOrganisation; }
    public Instant createdAt() { return createdAt; }
    public long eventSequence() { return eventSequence; }
    public long version() { return version; }
}

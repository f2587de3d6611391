package org.homeward.agreement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the parties agreed: the aggregate root of agreement-service, with its lifecycle (DRAFT, SIGNED,
 * ACTIVE, SUSPENDED, COMPLETED, TERMINATED) and its versions (the original and each amendment). Every
 * change advances {@link #eventSequence()}, the per-aggregate sequence number consumers use to apply
 * "latest wins". Free of REST and messaging.
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

    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementStatus status;

    /** Why the agreement was last suspended, resumed or terminated. */
    @Column(name = "status_reason")
    private String statusReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<PartyRef> parties = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_organisation", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<OrganisationRef> organisations = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "agreement_id", nullable = false)
    @OrderBy("number")
    private List<AgreementVersion> versions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_completion_declaration", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "party")
    private Set<String> completionDeclarations = new HashSet<>();

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
     * once per role; terms obey {@link TermRules}.
     */
    public static Agreement draft(AgreementContent content, List<PartyRef> parties,
                                  List<OrganisationRef> organisations, String createdByOrganisation, Instant now) {
        checkParties(parties);
        if (new HashSet<>(organisations).size() != organisations.size()) {
            throw new RuleViolation("organisations", "An organisation is named twice in the same role");
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.reference = content.reference();
        agreement.parties = new ArrayList<>(parties);
        agreement.organisations = new ArrayList<>(organisations);
        agreement.createdByOrganisation = createdByOrganisation;
        agreement.createdAt = now;
        agreement.status = AgreementStatus.DRAFT;
        agreement.eventSequence = 1;
        agreement.describe(content);
        TermRules.check(content.terms(), agreement.partyCodes());
        agreement.versions.add(new AgreementVersion(1, content.effectiveDate(), content.terms(), null,
                createdByOrganisation, now));
        return agreement;
    }

    /** A draft may be edited until its first signature; parties and organisations stay as created. */
    public void editDraft(AgreementContent content) {
        requireStatus("edit", AgreementStatus.DRAFT);
        AgreementVersion original = versions.get(0);
        if (!original.signatures().isEmpty()) {
            throw new InvalidTransition("The draft has signatures; amend it after activation instead");
        }
        TermRules.check(content.terms(), partyCodes());
        reference = content.reference();
        describe(content);
        original.replaceContent(content.effectiveDate(), content.terms());
        advance();
    }

    /**
     * A party signs the draft. With every party's signature the draft is SIGNED, and ACTIVE at once if
     * its effective date has come.
     */
    public void sign(Signature signature, LocalDate today) {
        requireStatus("sign", AgreementStatus.DRAFT);
        requireParty(signature.party());
        AgreementVersion original = versions.get(0);
        original.sign(signature);
        if (signedByEveryParty(original)) {
            original.adopt();
            status = AgreementStatus.SIGNED;
            activateIfDue(today);
        }
        advance();
    }

    /** SIGNED becomes ACTIVE once the effective date of the adopted version has come. */
    public boolean activateIfDue(LocalDate today) {
        LocalDate effective = currentVersion().effectiveDate();
        if (status == AgreementStatus.SIGNED && (effective == null || !effective.isAfter(today))) {
            status = AgreementStatus.ACTIVE;
            return true;
        }
        return false;
    }

    /** For the scheduled activation: the transition and its sequence number together. */
    public boolean activateIfDueAndAdvance(LocalDate today) {
        boolean activated = activateIfDue(today);
        if (activated) {
            advance();
        }
        return activated;
    }

    public void suspend(String reason) {
        requireStatus("suspend", AgreementStatus.ACTIVE);
        status = AgreementStatus.SUSPENDED;
        statusReason = reason;
        advance();
    }

    public void resume(String reason) {
        requireStatus("resume", AgreementStatus.SUSPENDED);
        status = AgreementStatus.ACTIVE;
        statusReason = reason;
        advance();
    }

    public void terminate(String reason) {
        requireStatus("terminate", AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.ACTIVE,
                AgreementStatus.SUSPENDED);
        status = AgreementStatus.TERMINATED;
        statusReason = reason;
        advance();
    }

    /** A party declares the agreement complete; with every party's declaration it is COMPLETED. */
    public void declareComplete(String party) {
        requireStatus("declare complete", AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);
        requireParty(party);
        if (!completionDeclarations.add(party)) {
            throw new InvalidTransition("Party " + party + " has already declared the agreement complete");
        }
        if (completionDeclarations.containsAll(partyCodes())) {
            status = AgreementStatus.COMPLETED;
        }
        advance();
    }

    /**
     * Called by the ledger: when every term commits a number and every number is received, the
     * agreement is COMPLETED. Terms without a number (all-for-all, unilateral) complete only by declaration.
     */
    public boolean completeIfEveryQuantityFulfilled(Set<UUID> fulfilledTerms) {
        List<Term> terms = currentVersion().terms();
        boolean allQuantified = !terms.isEmpty() && terms.stream().allMatch(t -> t.basis().commitsANumber());
        if (status == AgreementStatus.ACTIVE && allQuantified
                && terms.stream().allMatch(t -> fulfilledTerms.contains(t.id()))) {
            status = AgreementStatus.COMPLETED;
            advance();
            return true;
        }
        return false;
    }

    /**
     * Called by the ledger: an agreement the ledger completed returns to ACTIVE when a correction or an
     * amendment takes a term below its number again. One the parties declared complete stays final.
     */
    public boolean reopenIfAQuantityIsNoLongerFulfilled(Set<UUID> fulfilledTerms) {
        boolean completedByTheLedger = status == AgreementStatus.COMPLETED
                && !completionDeclarations.containsAll(partyCodes());
        if (completedByTheLedger && !currentVersion().terms().stream().allMatch(t -> fulfilledTerms.contains(t.id()))) {
            status = AgreementStatus.ACTIVE;
            advance();
            return true;
        }
        return false;
    }

    /** A fulfilment change of a term or balance is announced as an event of this agreement. */
    public void recordFulfilmentChange() {
        advance();
    }

    /** Proposes new terms or dates; they take effect when every party has signed them. */
    public AgreementVersion proposeAmendment(LocalDate effectiveDate, List<Term> terms, String reason,
                                             String organisation, Instant now) {
        requireStatus("amend", AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);
        if (pendingAmendment().isPresent()) {
            throw new InvalidTransition("Amendment " + pendingAmendment().get().number() + " awaits signatures");
        }
        TermRules.check(terms, partyCodes());
        AgreementVersion amendment = new AgreementVersion(versions.size() + 1, effectiveDate, terms, reason,
                organisation, now);
        versions.add(amendment);
        advance();
        return amendment;
    }

    /** A party signs the pending amendment; with every signature it becomes the adopted version. */
    public void signAmendment(int number, Signature signature, LocalDate today) {
        AgreementVersion amendment = pendingAmendment().filter(v -> v.number() == number)
                .orElseThrow(() -> new InvalidTransition("Version " + number + " is not an amendment awaiting signatures"));
        requireParty(signature.party());
        amendment.sign(signature);
        if (signedByEveryParty(amendment)) {
            currentVersion().supersede();
            amendment.adopt();
            activateIfDue(today);
        }
        advance();
    }

    public AgreementVersion currentVersion() {
        return versions.stream().filter(v -> v.state() == VersionState.ADOPTED).findFirst()
                .orElse(versions.get(0));
    }

    public Optional<AgreementVersion> pendingAmendment() {
        return status == AgreementStatus.DRAFT ? Optional.empty()
                : versions.stream().filter(v -> v.state() == VersionState.PROPOSED).findFirst();
    }

    /** A coordinator may act for its own party; a mediator for an agreement it mediates. */
    public boolean mayBeDraftedBy(String callerParty, String callerOrganisation, boolean coordinator, boolean mediator) {
        boolean forOwnParty = coordinator && callerParty != null && partyCodes().contains(callerParty);
        boolean asItsMediator = mediator && organisationsIn(OrganisationRole.MEDIATOR).contains(callerOrganisation);
        return forOwnParty || asItsMediator;
    }

    /** Parties, mediators and intermediaries named on the agreement may see it; nobody else. */
    public AccessScope accessScope() {
        return new AccessScope(partyCodes(),
                organisations.stream().map(OrganisationRef::organisationId).collect(Collectors.toSet()));
    }

    public Set<String> partyCodes() {
        return parties.stream().map(PartyRef::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<String> organisationsIn(OrganisationRole role) {
        return organisations.stream().filter(o -> o.role() == role).map(OrganisationRef::organisationId).toList();
    }

    /** The parties whose signature the draft or the pending amendment has. */
    public Set<String> signedParties(AgreementVersion version) {
        return version.signatures().stream().map(Signature::party).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean signedByEveryParty(AgreementVersion version) {
        return signedParties(version).containsAll(partyCodes());
    }

    private void describe(AgreementContent content) {
        title = content.title();
        concludedOn = content.concludedOn();
        venue = content.venue();
        notes = content.notes();
    }

    private void requireStatus(String action, AgreementStatus... allowed) {
        for (AgreementStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new InvalidTransition("Cannot " + action + " an agreement that is " + status);
    }

    private void requireParty(String party) {
        if (!partyCodes().contains(party)) {
            throw new RuleViolation("party", "Only a party to the agreement can do this");
        }
    }

    private void advance() {
        eventSequence++;
    }

    private static void checkParties(List<PartyRef> parties) {
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
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public String title() { return title; }
    public LocalDate concludedOn() { return concludedOn; }
    public String venue() { return venue; }
    public String notes() { return notes; }
    public AgreementStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public List<PartyRef> parties() { return List.copyOf(parties); }
    public List<OrganisationRef> organisations() { return List.copyOf(organisations); }
    public List<AgreementVersion> versions() { return List.copyOf(versions); }
    public Set<String> completionDeclarations() { return Set.copyOf(completionDeclarations); }
    public String createdByOrganisation() { return createdByOrganisation; }
    public Instant createdAt() { return createdAt; }
    public long eventSequence() { return eventSequence; }
    public long version() { return version; }
}

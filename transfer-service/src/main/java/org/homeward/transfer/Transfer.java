package org.homeward.transfer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One handover between two parties under an agreement: the aggregate root of transfer-service. A plan
 * names the agreement's terms it fulfils; each must be of the transfer's kind and in its direction.
 * Every change advances {@link #eventSequence()} for consumers' "latest wins".
 */
@Entity
@Table(name = "transfer")
public class Transfer {

    @Id
    private UUID id;

    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "term_ids", nullable = false)
    private List<UUID> termIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferKind kind;

    @Column(name = "from_party", nullable = false)
    private String fromParty;

    @Column(name = "to_party", nullable = false)
    private String toParty;

    @Column(name = "escort_organisation")
    private String escortOrganisation;

    private HandoverPoint handoverPoint;

    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferState state;

    @Column(name = "status_reason")
    private String statusReason;

    /** Organisations that may see the transfer: the escort, and the agreement's mediators when it was planned. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transfer_organisation", joinColumns = @JoinColumn(name = "transfer_id"))
    @Column(name = "organisation_id")
    private Set<String> organisations = new HashSet<>();

    /** Absolute counts per term, in the order of {@link #termIds}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "term_counts", nullable = false)
    private List<TermCount> termCounts = new ArrayList<>();

    @Column(name = "manifest_items", nullable = false)
    private int manifestItems;

    @Column(name = "manifest_submitted_at")
    private Instant manifestSubmittedAt;

    /** Prisoners on the current manifest whose consent to repatriation the escort has confirmed. */
    @Column(name = "consents_confirmed", nullable = false)
    private int consentsConfirmed;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "counted_at_receipt")
    private Integer countedAtReceipt;

    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    @Column(name = "planned_by_organisation", nullable = false)
    private String plannedByOrganisation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected Transfer() {
        // for JPA
    }

    /**
     * Plans a handover. The agreement must be ACTIVE; every named term must exist in it, be of the
     * transfer's kind, and go from the sending to the receiving party.
     */
    public static Transfer plan(UUID agreementId, String agreementStatus, Set<String> mediators, List<AgreedTerm> agreedTerms,
                                List<UUID> termIds, TransferKind kind, String fromParty, String toParty,
                                String escortOrganisation, HandoverPoint handoverPoint, Instant scheduledAt,
                                String plannedByOrganisation, Instant now) {
        if (!"ACTIVE".equals(agreementStatus)) {
            throw new RuleViolation("agreementId", "The agreement is " + agreementStatus + ", not ACTIVE");
        }
        if (fromParty.equals(toParty)) {
            throw new RuleViolation("toParty", "A handover goes from one party to another");
        }
        if (termIds.isEmpty() || new HashSet<>(termIds).size() != termIds.size()) {
            throw new RuleViolation("termIds", "Name each term the handover fulfils, once");
        }
        for (int i = 0; i < termIds.size(); i++) {
            UUID termId = termIds.get(i);
            AgreedTerm term = agreedTerms.stream().filter(t -> t.id().equals(termId)).findFirst()
                    .orElseThrow(() -> new RuleViolation("termIds", "A named term is not a term of the agreement"));
            if (!term.kind().equals(kind.termKind())) {
                throw new RuleViolation("termIds[" + i + "]", "The term is a " + term.kind() + " term, not "
                        + kind.termKind());
            }
            if (!term.fromParty().equals(fromParty) || !term.toParty().equals(toParty)) {
                throw new RuleViolation("termIds[" + i + "]", "The term goes from " + term.fromParty() + " to "
                        + term.toParty() + ", not from " + fromParty + " to " + toParty);
            }
        }
        try {
            ZoneId.of(handoverPoint.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new RuleViolation("handoverPoint.timeZone", "Not an IANA time zone id");
        }
        Transfer transfer = new Transfer();
        transfer.id = UUID.randomUUID();
        transfer.agreementId = agreementId;
        transfer.termIds = new ArrayList<>(termIds);
        transfer.termCounts = new ArrayList<>(termIds.stream().map(TermCount::none).toList());
        transfer.kind = kind;
        transfer.fromParty = fromParty;
        transfer.toParty = toParty;
        transfer.escortOrganisation = escortOrganisation;
        transfer.organisations = new HashSet<>(mediators);
        if (escortOrganisation != null) {
            transfer.organisations.add(escortOrganisation);
        }
        transfer.handoverPoint = handoverPoint;
        transfer.scheduledAt = scheduledAt;
        transfer.state = TransferState.PLANNED;
        transfer.plannedByOrganisation = plannedByOrganisation;
        transfer.createdAt = now;
        transfer.eventSequence = 1;
        return transfer;
    }

    /** Until dispatch either party may call a handover off, with a reason. */
    public void cancel(String reason) {
        if (!state.beforeDispatch()) {
            throw new InvalidTransition("Cannot cancel a transfer that is " + state);
        }
        state = TransferState.CANCELLED;
        statusReason = reason;
        eventSequence++;
    }

    /**
     * The sending party submits (or replaces) the manifest until dispatch. Replacing it withdraws the
     * consents recorded against the previous one: they were given by the persons on that list.
     */
    public void submitManifest(Map<UUID, Integer> declaredPerTerm, Instant now) {
        ensureManifestMayChange();
        termCounts = new ArrayList<>(termCounts.stream()
                .map(count -> count.withDeclared(declaredPerTerm.getOrDefault(count.termId(), 0))).toList());
        manifestItems = declaredPerTerm.values().stream().mapToInt(Integer::intValue).sum();
        manifestSubmittedAt = now;
        consentsConfirmed = 0;
        state = TransferState.MANIFEST_SUBMITTED;
        eventSequence++;
    }

    public void ensureManifestMayChange() {
        if (!state.beforeDispatch()) {
            throw new InvalidTransition("The manifest cannot change: the transfer is " + state);
        }
    }

    /**
     * Third Geneva Convention Art. 109: no prisoner is repatriated against his will. The escorting
     * intermediary confirms each person's consent before dispatch.
     */
    public void recordConsents(int confirmedNow) {
        if (kind != TransferKind.PRISONERS) {
            throw new RuleViolation(null, "Consent to repatriation is recorded for prisoners of war");
        }
        if (state != TransferState.MANIFEST_SUBMITTED) {
            throw new InvalidTransition("Consents are recorded against a submitted manifest before dispatch; the transfer is " + state);
        }
        consentsConfirmed = confirmedNow;
    }

    /**
     * The sending party confirms the handover left, with the count it sent: the manifest's count. It may
     * confirm later than the departure, so it states when that was.
     */
    public void dispatch(int count, Instant at, Instant now) {
        if (state != TransferState.MANIFEST_SUBMITTED) {
            throw new InvalidTransition("Only a transfer with a submitted manifest can be dispatched; it is " + state);
        }
        if (count != manifestItems) {
            throw new RuleViolation("count", "The manifest lists " + manifestItems
                    + " item(s); replace the manifest or confirm its count");
        }
        if (kind == TransferKind.PRISONERS && consentsConfirmed < manifestItems) {
            throw new RuleViolation(null, (manifestItems - consentsConfirmed)
                    + " prisoner(s) on the manifest have no consent to repatriation confirmed by the escort");
        }
        if (at.isAfter(now)) {
            throw new RuleViolation("dispatchedAt", "Not in the future");
        }
        termCounts = new ArrayList<>(termCounts.stream().map(TermCount::dispatchedAsDeclared).toList());
        dispatchedAt = at;
        state = TransferState.DISPATCHED;
        eventSequence++;
    }

    /**
     * The receiving party records at once how many arrived, per term. A count equal to the dispatched
     * count establishes that every manifest item arrived; any other count leaves that to reconciliation.
     * The state is provisional until reconciled.
     *
     * @return true when the receipt established that every manifest item arrived
     */
    public boolean recordReceipt(Map<UUID, Integer> receivedPerTerm, Instant at, Instant now) {
        if (state != TransferState.DISPATCHED) {
            throw new InvalidTransition("Only a dispatched transfer can be received; it is " + state);
        }
        if (at.isBefore(dispatchedAt) || at.isAfter(now)) {
            throw new RuleViolation("receivedAt", "Between the dispatch and now");
        }
        if (!termIds.containsAll(receivedPerTerm.keySet())) {
            throw new RuleViolation("terms", "Name only terms this transfer fulfils");
        }
        int count = receivedPerTerm.values().stream().mapToInt(Integer::intValue).sum();
        termCounts = new ArrayList<>(termCounts.stream()
                .map(c -> c.withReceived(receivedPerTerm.getOrDefault(c.termId(), 0))).toList());
        receivedAt = at;
        countedAtReceipt = count;
        state = count == manifestItems ? TransferState.RECEIVED
                : count < manifestItems ? TransferState.PARTIALLY_RECEIVED : TransferState.DISPUTED;
        eventSequence++;
        return count == manifestItems;
    }

    /** True once a receipt count equal to the dispatched count established that every item arrived. */
    public boolean allArrivedAtReceipt() {
        return countedAtReceipt != null && countedAtReceipt == manifestItems;
    }

    /** The item-by-item account replaces the receipt's counts and settles the final state, once. */
    public void reconcile(Map<UUID, Integer> receivedPerTerm, TransferState finalState, Instant now) {
        ensureReconcilable();
        termCounts = new ArrayList<>(termCounts.stream()
                .map(c -> c.withReceived(receivedPerTerm.getOrDefault(c.termId(), 0))).toList());
        reconciledAt = now;
        state = finalState;
        eventSequence++;
    }

    public void ensureReconcilable() {
        if (receivedAt == null) {
            throw new InvalidTransition("Only a received transfer can be reconciled; it is " + state);
        }
        if (reconciledAt != null) {
            throw new InvalidTransition("The transfer was already reconciled; it is " + state);
        }
    }

    /** The sending side, the receiving side and the escort: who may read the items (personal data). */
    public boolean admitsItemReaders(String party, String organisation) {
        return (party != null && involvesParty(party))
                || (escortOrganisation != null && escortOrganisation.equals(organisation));
    }

    /** The two parties, the escorting intermediary and the agreement's mediators see a transfer. */
    public AccessScope accessScope() {
        return new AccessScope(Set.of(fromParty, toParty), organisations);
    }

    public boolean involvesParty(String party) {
        return fromParty.equals(party) || toParty.equals(party);
    }

    public UUID id() { return id; }
    public UUID agreementId() { return agreementId; }
    public List<UUID> termIds() { return List.copyOf(termIds); }
    public TransferKind kind() { return kind; }
    public String fromParty() { return fromParty; }
    public String toParty() { return toParty; }
    public String escortOrganisation() { return escortOrganisation; }
    public HandoverPoint handoverPoint() { return handoverPoint; }
    public Instant scheduledAt() { return scheduledAt; }
    public TransferState state() { return state; }
    public String statusReason() { return statusReason; }
    public List<TermCount> termCounts() { return List.copyOf(termCounts); }
    public int manifestItems() { return manifestItems; }
    public Instant manifestSubmittedAt() { return manifestSubmittedAt; }
    public int consentsConfirmed() { return consentsConfirmed; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant receivedAt() { return receivedAt; }
    public Integer countedAtReceipt() { return countedAtReceipt; }
    public Instant reconciledAt() { return reconciledAt; }
    public String plannedByOrganisation() { return plannedByOrganisation; }
    public Instant createdAt() { return createdAt; }
    public long eventSequence() { return eventSequence; }
    public long version() { return version; }
}

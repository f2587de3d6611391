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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    public String plannedByOrganisation() { return plannedByOrganisation; }
    public Instant createdAt() { return createdAt; }
    public long eventSequence() { return eventSequence; }
    public long version() { return version; }
}

package org.homeward.transfer.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.AccessScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The negotiated list of one prisoner-exchange term: the detaining party (the term's fromParty) offers, the
 * receiving party (its toParty) requests, round after round. The round is the list's version: every entry and
 * every change of status records the round it was made in.
 */
@Entity
@Table(name = "exchange_list")
public class ExchangeList {

    @Id
    private UUID id;
    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;
    @Column(name = "term_id", nullable = false)
    private UUID termId;
    @Column(name = "detaining_party", nullable = false)
    private String detainingParty;
    @Column(name = "receiving_party", nullable = false)
    private String receivingParty;
    @Column(nullable = false)
    private String category;
    @Column(name = "custom_category")
    private String customCategory;
    @Column(name = "reference_date", nullable = false)
    private LocalDate referenceDate;
    @Column(nullable = false)
    private int round;
    /** The sequence of the counts last told on the public topic (latest wins downstream). */
    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;
    @Column(name = "opened_by_organisation", nullable = false)
    private String openedByOrganisation;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Version
    private long version;

    protected ExchangeList() {
    }

    public ExchangeList(UUID agreementId, UUID termId, String detainingParty, String receivingParty, String category,
                        String customCategory, LocalDate referenceDate, String organisation, Instant now) {
        this.id = UUID.randomUUID();
        this.agreementId = agreementId;
        this.termId = termId;
        this.detainingParty = detainingParty;
        this.receivingParty = receivingParty;
        this.category = category;
        this.customCategory = customCategory;
        this.referenceDate = referenceDate;
        this.round = 1;
        this.openedByOrganisation = organisation;
        this.openedAt = now;
    }

    /** Closes the current round: what follows is the next version of the list. */
    public int nextRound() {
        return ++round;
    }

    /** The next sequence of the list's counts, for the event that tells them. */
    public long nextEventSequence() {
        return ++eventSequence;
    }

    public boolean isParty(String party) {
        return detainingParty.equals(party) || receivingParty.equals(party);
    }

    public AccessScope partiesScope() {
        return new AccessScope(Set.of(detainingParty, receivingParty), Set.of());
    }

    public UUID id() { return id; }
    public UUID agreementId() { return agreementId; }
    public UUID termId() { return termId; }
    public String detainingParty() { return detainingParty; }
    public String receivingParty() { return receivingParty; }
    public String category() { return category; }
    public String customCategory() { return customCategory; }
    public LocalDate referenceDate() { return referenceDate; }
    public int round() { return round; }
    public Instant openedAt() { return openedAt; }
}

package org.homeward.identification.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.Particulars;
import org.homeward.platform.linkage.RecordComparison;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The identity check of one released prisoner or civilian: his manifest entry (Third Geneva Convention
 * Art. 17 data, as the sender gave it) compared with the register of the receiving party. MATCHED, PROBABLE
 * and CONFLICT wait for a coordinator of the receiving party, whose decision that it is the same person
 * marks the register entry RELEASED; NO_MATCH is done (the register does not list every soldier).
 */
@Entity
@Table(name = "prisoner_check")
public class PrisonerCheck {

    public enum Status { DONE, AWAITING_DECISION, CONFIRMED, REJECTED, WITHDRAWN }

    @Id
    private UUID id;

    @Column(name = "item_id", nullable = false, unique = true)
    private UUID itemId;

    @Column(name = "item_sequence", nullable = false)
    private int itemSequence;

    @Column(name = "transfer_id", nullable = false)
    private UUID transferId;

    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;

    @Column(name = "from_party", nullable = false)
    private String fromParty;

    @Column(name = "to_party", nullable = false)
    private String toParty;

    @Column(nullable = false)
    private String tag;

    @Column(name = "claimed_surname")
    private String claimedSurname;

    @Column(name = "claimed_first_names")
    private String claimedFirstNames;

    @Column(name = "claimed_patronymic")
    private String claimedPatronymic;

    @Column(name = "claimed_rank")
    private String claimedRank;

    @Column(name = "claimed_date_of_birth")
    private LocalDate claimedDateOfBirth;

    @Column(name = "claimed_service_number")
    private String claimedServiceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkageOutcome outcome;

    @Column(nullable = false)
    private String agreed;

    @Column(name = "person_id")
    private UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected PrisonerCheck() {
    }

    /** What the sending side's record says of the person who arrived. */
    public record ArrivedPerson(UUID itemId, int itemSequence, UUID transferId, UUID agreementId, String fromParty,
                                String toParty, String tag, String surname, String firstNames, String patronymic,
                                String rank, LocalDate dateOfBirth, String serviceNumber) {

        public Particulars particulars() {
            BirthDate birthDate = dateOfBirth == null ? BirthDate.UNKNOWN
                    : new BirthDate(dateOfBirth.getYear(), dateOfBirth.getMonthValue(), dateOfBirth.getDayOfMonth());
            return Particulars.of(surname, firstNames, null, birthDate, serviceNumber);
        }
    }

    /**
     * @param best the best comparison with an entry of the register, or null when the block was empty
     */
    public PrisonerCheck(ArrivedPerson person, RecordComparison.Result best, UUID candidateId, Instant now) {
        // One check per arrived person, with the same id whenever the item's record is applied again (a
        // database restored from a backup and its consumer rewound): its event is then the same event.
        this.id = UUID.nameUUIDFromBytes(("prisoner-check|" + person.itemId()).getBytes(StandardCharsets.UTF_8));
        this.itemId = person.itemId();
        this.itemSequence = person.itemSequence();
        this.transferId = person.transferId();
        this.agreementId = person.agreementId();
        this.fromParty = person.fromParty();
        this.toParty = person.toParty();
        this.tag = person.tag();
        this.claimedSurname = person.surname();
        this.claimedFirstNames = person.firstNames();
        this.claimedPatronymic = person.patronymic();
        this.claimedRank = person.rank();
        this.claimedDateOfBirth = person.dateOfBirth();
        this.claimedServiceNumber = person.serviceNumber();
        this.outcome = best == null ? LinkageOutcome.NO_MATCH : best.outcome();
        this.agreed = best == null ? "" : String.join("; ", best.agreed());
        this.personId = this.outcome == LinkageOutcome.NO_MATCH ? null : candidateId;
        // Only a coordinator of the receiving party says that a person is the register's (DESIGN.md 7): the
        // sending party's manifest alone never releases an entry, however well it matches.
        this.status = outcome == LinkageOutcome.NO_MATCH ? Status.DONE : Status.AWAITING_DECISION;
        this.checkedAt = now;
        this.eventSequence = 1;
    }

    /** Whether the check is settled, so that it may be announced (uncertain ones stay inside). */
    public boolean isSettled() {
        return status != Status.AWAITING_DECISION;
    }

    /** A coordinator decides an uncertain check: the same person (he is released) or not. */
    public void decide(boolean samePerson, String coordinator, Instant now) {
        if (status != Status.AWAITING_DECISION) {
            throw new InvalidTransition("The check is " + status + ": there is nothing to decide");
        }
        status = samePerson ? Status.CONFIRMED : Status.REJECTED;
        decidedBy = coordinator;
        decidedAt = now;
        eventSequence++;
    }

    /**
     * The transfer's reconciliation found the person never arrived. Returns whether the check had marked a
     * register entry released, which must then be undone.
     */
    public boolean withdraw(int recordSequence) {
        itemSequence = recordSequence;
        boolean released = releasedPerson();
        status = Status.WITHDRAWN;
        eventSequence++;
        return released;
    }

    /** Whether this check made its register entry RELEASED. */
    public boolean releasedPerson() {
        return status == Status.CONFIRMED;
    }

    public boolean isOlderThan(int recordSequence) {
        return recordSequence > itemSequence;
    }

    public List<String> agreedFields() {
        return agreed.isEmpty() ? List.of() : List.of(agreed.split("; "));
    }

    public UUID id() { return id; }
    public UUID itemId() { return itemId; }
    public UUID transferId() { return transferId; }
    public UUID agreementId() { return agreementId; }
    public String fromParty() { return fromParty; }
    public String toParty() { return toParty; }
    public String tag() { return tag; }
    public String claimedSurname() { return claimedSurname; }
    public String claimedFirstNames() { return claimedFirstNames; }
    public String claimedPatronymic() { return claimedPatronymic; }
    public String claimedRank() { return claimedRank; }
    public LocalDate claimedDateOfBirth() { return claimedDateOfBirth; }
    public String claimedServiceNumber() { return claimedServiceNumber; }
    public LinkageOutcome outcome() { return outcome; }
    public UUID personId() { return personId; }
    public Status status() { return status; }
    public Instant checkedAt() { return checkedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public long eventSequence() { return eventSequence; }
}

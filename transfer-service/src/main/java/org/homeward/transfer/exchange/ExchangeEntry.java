package org.homeward.transfer.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;
import org.homeward.transfer.prisoners.HeldPrisoner;

import java.time.Instant;
import java.util.UUID;

/**
 * One person on an exchange list: an OFFER of a prisoner the detaining party holds, or a REQUEST of a person
 * the receiving party asks for, typed as it knows him (its own script and spelling, a date of birth in full or
 * the year only). Status changes go through the methods here, each returning the change for the history.
 */
@Entity
@Table(name = "exchange_entry")
public class ExchangeEntry {

    public enum Kind { OFFER, REQUEST }

    /** A status change, to be appended to the entry's history. */
    public record Change(EntryStatus from, EntryStatus to, String reason) {
    }

    @Id
    private UUID id;
    @Column(name = "list_id", nullable = false)
    private UUID listId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private int round;
    @Column(name = "prisoner_id")
    private UUID prisonerId;
    private String surname;
    @Column(name = "first_names")
    private String firstNames;
    private String patronymic;
    @Column(name = "name_script")
    private String script;
    @Column(name = "name_language")
    private String language;
    @Column(name = "birth_year")
    private Integer birthYear;
    @Column(name = "birth_month")
    private Integer birthMonth;
    @Column(name = "birth_day")
    private Integer birthDay;
    @Column(name = "service_number")
    private String serviceNumber;
    @Column(name = "surname_key", nullable = false)
    private String surnameKey;
    @Column(name = "given_name_key", nullable = false)
    private String givenNameKey;
    @Column(name = "service_number_key")
    private String serviceNumberKey;
    @Column(name = "matched_entry_id")
    private UUID matchedEntryId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryStatus status;
    /** An offer's: the rule the prisoner does not meet under the term, whatever its status says since (null: he qualifies). */
    @Column(name = "unmet_rule")
    private String unmetRule;
    private String reason;
    /** An offer's: the intermediary that verified him (the manifest's consent confirmation rests on it). */
    @Column(name = "verified_by_organisation")
    private String verifiedByOrganisation;
    /** An offer's, while SCHEDULED: the transfer and the manifest item that carry him. */
    @Column(name = "scheduled_transfer_id")
    private UUID scheduledTransferId;
    @Column(name = "scheduled_item_id")
    private UUID scheduledItemId;
    /** An offer's, while SCHEDULED: where it stood before, and returns to if he does not go with the transfer. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_scheduling")
    private EntryStatus statusBeforeScheduling;
    /** An offer's: identification-service's identity check of him, once released, came out CONFLICT. */
    @Column(name = "identity_conflict", nullable = false)
    private boolean identityConflict;
    @Column(name = "identity_check_sequence", nullable = false)
    private long identityCheckSequence;
    @Column(name = "created_by_organisation", nullable = false)
    private String createdByOrganisation;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected ExchangeEntry() {
    }

    /** An offer of a prisoner held; NOT_ELIGIBLE with the unmet rule when he does not qualify under the term. */
    public static ExchangeEntry offer(ExchangeList list, HeldPrisoner prisoner, String unmetRule, String organisation,
                                      Instant now) {
        ExchangeEntry entry = base(list, Kind.OFFER, organisation, now);
        entry.prisonerId = prisoner.id();
        Particulars keys = prisoner.particulars();
        entry.surnameKey = keys.surnameKey();
        entry.givenNameKey = keys.givenNameKey();
        entry.serviceNumberKey = keys.serviceNumber();
        entry.birthYear = prisoner.dateOfBirth().getYear();
        entry.birthMonth = prisoner.dateOfBirth().getMonthValue();
        entry.birthDay = prisoner.dateOfBirth().getDayOfMonth();
        entry.status = unmetRule == null ? EntryStatus.OFFERED : EntryStatus.NOT_ELIGIBLE;
        entry.reason = unmetRule;
        entry.unmetRule = unmetRule;
        return entry;
    }

    /** A request of a person, as the receiving party knows him. */
    public static ExchangeEntry request(ExchangeList list, RequestedPerson person, String organisation, Instant now) {
        ExchangeEntry entry = base(list, Kind.REQUEST, organisation, now);
        entry.surname = person.surname();
        entry.firstNames = person.firstNames();
        entry.patronymic = person.patronymic();
        entry.script = person.script();
        entry.language = person.language();
        entry.birthYear = person.dateOfBirth().year();
        entry.birthMonth = person.dateOfBirth().month();
        entry.birthDay = person.dateOfBirth().day();
        entry.serviceNumber = person.serviceNumber();
        Particulars keys = person.particulars();
        entry.surnameKey = keys.surnameKey();
        entry.givenNameKey = keys.givenNameKey();
        entry.serviceNumberKey = keys.serviceNumber();
        entry.status = EntryStatus.REQUESTED;
        return entry;
    }

    private static ExchangeEntry base(ExchangeList list, Kind kind, String organisation, Instant now) {
        ExchangeEntry entry = new ExchangeEntry();
        entry.id = UUID.randomUUID();
        entry.listId = list.id();
        entry.kind = kind;
        entry.round = list.round();
        entry.createdByOrganisation = organisation;
        entry.createdAt = now;
        return entry;
    }

    /** What linkage compares: the folded keys and the date of birth as given. */
    public Particulars particulars() {
        return new Particulars(surnameKey, givenNameKey, new BirthDate(birthYear, birthMonth, birthDay), serviceNumberKey);
    }

    /**
     * A request and an offer found to be one person (by linkage, or by the detaining party's decision). An
     * offer keeps where it stands (offered, not eligible, verified, declined): it becomes MATCHED only from
     * OFFERED. A request takes on what the offer says of him: MATCHED, or NOT_ELIGIBLE with the offer's rule,
     * so the receiving party learns why the man it asked for will not come under this term.
     */
    public Change matchedWith(ExchangeEntry other, String reason) {
        if (matchedEntryId != null) {
            throw new InvalidTransition("This entry is matched already");
        }
        if (kind == Kind.REQUEST && status != EntryStatus.REQUESTED) {
            throw new InvalidTransition("A request that is " + status + " cannot be matched");
        }
        if (kind == Kind.OFFER && !status.mayBeMatched()) {
            throw new InvalidTransition("An offer that is " + status + " cannot be matched");
        }
        matchedEntryId = other.id;
        if (kind == Kind.REQUEST && other.status == EntryStatus.NOT_ELIGIBLE) {
            return move(EntryStatus.NOT_ELIGIBLE, other.reason);
        }
        return kind == Kind.OFFER && status != EntryStatus.OFFERED ? new Change(status, status, reason)
                : move(EntryStatus.MATCHED, reason);
    }

    /**
     * The prisoner's eligibility judged again (a commission's decision recorded since). The rule is kept whatever
     * the status; an offer not yet verified moves between OFFERED and NOT_ELIGIBLE (a verified one keeps its
     * status, and its rule shows it no longer qualifies); null when the status does not change.
     */
    public Change rejudged(String unmet) {
        if (kind != Kind.OFFER) {
            return null;
        }
        unmetRule = unmet;
        if (unmet == null && status == EntryStatus.NOT_ELIGIBLE) {
            return move(matchedEntryId == null ? EntryStatus.OFFERED : EntryStatus.MATCHED, "eligible on re-judging");
        }
        if (unmet != null && (status == EntryStatus.OFFERED || status == EntryStatus.MATCHED)) {
            return move(EntryStatus.NOT_ELIGIBLE, unmet);
        }
        return null;
    }

    /**
     * A request follows the offer it is matched to, as the records change what the offer says of him: NOT_ELIGIBLE
     * with the offer's rule, DIED, or MATCHED again; null when it says so already.
     */
    public Change followed(ExchangeEntry offer) {
        if (kind != Kind.REQUEST || !offer.id.equals(matchedEntryId)) {
            return null;
        }
        EntryStatus target = switch (offer.status) {
            case NOT_ELIGIBLE -> EntryStatus.NOT_ELIGIBLE;
            case DIED -> EntryStatus.DIED;
            case RELEASED -> EntryStatus.RELEASED;
            default -> EntryStatus.MATCHED;
        };
        return target == status ? null : move(target, target == EntryStatus.MATCHED ? "the offer qualifies again"
                : offer.reason);
    }

    /**
     * He goes on a prisoners' manifest of the term: the offer is SCHEDULED on that transfer, with the item that carries
     * him. Only an offer that qualifies and stands where the list allows it to go ({@code allowed}) is scheduled.
     */
    public Change scheduled(UUID transferId, UUID itemId, String why) {
        if (kind != Kind.OFFER || status == EntryStatus.SCHEDULED) {
            throw new InvalidTransition("Only an offer not yet scheduled goes on a manifest; this " + kind + " is " + status);
        }
        statusBeforeScheduling = status;
        scheduledTransferId = transferId;
        scheduledItemId = itemId;
        return move(EntryStatus.SCHEDULED, why);
    }

    /** Still on the transfer's manifest, which was replaced: this item carries him now. */
    public void carriedBy(UUID itemId) {
        if (status != EntryStatus.SCHEDULED) {
            throw new InvalidTransition("Only a scheduled offer is carried by a manifest item; this one is " + status);
        }
        scheduledItemId = itemId;
    }

    /**
     * He does not go with the transfer after all (taken off its manifest, cancelled, missing at receipt): the offer
     * stands where the records put it now. A verified man stays verified (with the rule he fails since, as a
     * re-judging leaves him) unless he withdrew his consent on the manifest: then he declines repatriation. One not
     * verified is not eligible if a rule is unmet, matched if a request found him meanwhile, else offered.
     */
    public Change unscheduled(String why) {
        if (status != EntryStatus.SCHEDULED) {
            return null;
        }
        EntryStatus back;
        String reason = why;
        if (statusBeforeScheduling == EntryStatus.ICRC_VERIFIED) {
            back = verifiedByOrganisation != null ? EntryStatus.ICRC_VERIFIED : EntryStatus.DECLINES_REPATRIATION;
            reason = verifiedByOrganisation != null ? why : why + "; consent to repatriation withdrawn on the manifest";
        } else if (unmetRule != null) {
            back = EntryStatus.NOT_ELIGIBLE;
            reason = why + "; " + unmetRule;
        } else {
            back = matchedEntryId != null ? EntryStatus.MATCHED : EntryStatus.OFFERED;
        }
        clearScheduling();
        identityCheckVoid();
        return move(back, reason);
    }

    /**
     * An identity check of a person who did not arrive says nothing of him: the flag goes, and the next transfer's
     * check (whose sequence starts again) is applied.
     */
    public void identityCheckVoid() {
        identityConflict = false;
        identityCheckSequence = 0;
    }

    /**
     * The escort changed his consent on the manifest that carries him (GC III Art. 109): withdrawn, his verification
     * no longer stands for consent (a replaced manifest does not confirm it again); given again, it does.
     */
    public Change consentOnManifest(boolean consents, String organisation, String why) {
        if (status != EntryStatus.SCHEDULED) {
            return null;
        }
        verifiedByOrganisation = consents ? organisation : null;
        return new Change(status, status, why);
    }

    /** Where the offer stood before this transfer scheduled it (its status if it is not scheduled on it). */
    public EntryStatus standingFor(UUID transferId) {
        return status == EntryStatus.SCHEDULED && transferId.equals(scheduledTransferId) ? statusBeforeScheduling : status;
    }

    private void clearScheduling() {
        scheduledTransferId = null;
        scheduledItemId = null;
        statusBeforeScheduling = null;
    }

    /** He came home: received with the transfer he was scheduled on, or under another term's exchange. */
    public Change released(String why) {
        if (status == EntryStatus.RELEASED || status == EntryStatus.DIED) {
            return null;
        }
        statusBeforeScheduling = null;
        return move(EntryStatus.RELEASED, why);
    }

    /**
     * identification-service's check of the released person against the receiving party's register, applied when
     * newer than the last one applied: a CONFLICT flags the entry until a later check says otherwise (withdrawn, or
     * another outcome). True when the flag changed.
     */
    public boolean identityChecked(long sequence, boolean conflict) {
        if (sequence <= identityCheckSequence) {
            return false;
        }
        identityCheckSequence = sequence;
        boolean changed = identityConflict != conflict;
        identityConflict = conflict;
        return changed;
    }

    /** He died in captivity: his entry leaves the list, whatever it stood at short of his release. */
    public Change died(String why) {
        if (status == EntryStatus.RELEASED || status == EntryStatus.DIED) {
            return null;
        }
        // The transfer that was to carry him keeps the link: it is not dispatched with him on its manifest.
        return move(EntryStatus.DIED, why);
    }

    /** The detaining party's answer to a request it holds no offer for. */
    public Change answered(EntryStatus answer, String why) {
        if (kind != Kind.REQUEST || status != EntryStatus.REQUESTED) {
            throw new InvalidTransition("Only a request still REQUESTED is answered; this " + kind + " is " + status);
        }
        if (!EntryStatus.ANSWERS.contains(answer)) {
            throw new RuleViolation("status", "A request is answered " + EntryStatus.ANSWERS + ", not " + answer);
        }
        return move(answer, why);
    }

    /** The escorting intermediary's verification: identity and free will confirmed, or repatriation declined. */
    public Change verified(boolean consents, String why, String organisation) {
        boolean withdrawsConsent = !consents && status == EntryStatus.ICRC_VERIFIED;
        if (kind != Kind.OFFER || !(status.awaitsVerification() || withdrawsConsent)) {
            throw new InvalidTransition("Only an offered prisoner is verified (and a verified one may still decline);"
                    + " this " + kind + " is " + status);
        }
        verifiedByOrganisation = consents ? organisation : null;
        return move(consents ? EntryStatus.ICRC_VERIFIED : EntryStatus.DECLINES_REPATRIATION, why);
    }

    private Change move(EntryStatus to, String why) {
        Change change = new Change(status, to, why);
        status = to;
        reason = why;
        return change;
    }

    public UUID id() { return id; }
    public UUID listId() { return listId; }
    public Kind kind() { return kind; }
    public int round() { return round; }
    public UUID prisonerId() { return prisonerId; }
    public String surname() { return surname; }
    public String firstNames() { return firstNames; }
    public String patronymic() { return patronymic; }
    public String script() { return script; }
    public String language() { return language; }
    public BirthDate dateOfBirth() { return new BirthDate(birthYear, birthMonth, birthDay); }
    public String serviceNumber() { return serviceNumber; }
    public UUID matchedEntryId() { return matchedEntryId; }
    public EntryStatus status() { return status; }
    public String unmetRule() { return unmetRule; }
    public String reason() { return reason; }
    public String verifiedByOrganisation() { return verifiedByOrganisation; }
    public UUID scheduledTransferId() { return scheduledTransferId; }
    public UUID scheduledItemId() { return scheduledItemId; }
    public EntryStatus statusBeforeScheduling() { return statusBeforeScheduling; }
    public boolean identityConflict() { return identityConflict; }
    public Instant createdAt() { return createdAt; }
}

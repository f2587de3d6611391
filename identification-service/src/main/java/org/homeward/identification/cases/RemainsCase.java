package org.homeward.identification.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One body received: the aggregate root of identification-service. Opened from transfer-service's record
 * of an arrived remains item, it keeps the sender's claims untouched, is worked on by the identifying
 * laboratory it is assigned to, and ends identified and returned, not a national, unidentifiable, or
 * withdrawn. Every change of status returns the history entry that records it; every change announced
 * publicly advances {@link #eventSequence()}.
 */
@Entity
@Table(name = "remains_case")
public class RemainsCase {

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

    @Column(name = "term_id")
    private UUID termId;

    @Column(name = "from_party", nullable = false)
    private String fromParty;

    @Column(name = "to_party", nullable = false)
    private String toParty;

    @Column(nullable = false)
    private String origin;

    @Column(nullable = false)
    private String tag;

    /** 1 for the case the item opened; 2 and up for the individuals split off it (commingled remains). */
    @Column(nullable = false)
    private int individual = 1;

    /** The case these remains were split off, if they were. */
    @Column(name = "split_from")
    private UUID splitFrom;

    /** The case this one was joined into (JOINED): its remains are a fragment of that case's person. */
    @Column(name = "joined_into")
    private UUID joinedInto;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Embedded
    private ClaimedIdentity claims;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "remains_case_organisation", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "organisation_id")
    private Set<String> organisations = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "assigned_organisation")
    private String assignedOrganisation;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "profiled_at")
    private Instant profiledAt;

    @Embedded
    private EstablishedIdentity established;

    @Column(name = "identification_id")
    private UUID identificationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "identification_method")
    private IdentificationMethod identificationMethod;

    @Column(name = "identified_at")
    private Instant identifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "returned_to")
    private ReturnedTo returnedTo;

    @Column(name = "returned_recipient")
    private String returnedRecipient;

    @Column(name = "returned_place")
    private String returnedPlace;

    @Column(name = "returned_at")
    private Instant returnedAt;

    /** A confirmed identification was revoked after the family had been told or given the remains. */
    @Column(name = "family_to_be_told_again", nullable = false)
    private boolean familyToBeToldAgain;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected RemainsCase() {
    }

    /** A new case for an item that arrived, assigned to the receiving party's laboratory if one is known. */
    public static RemainsCase open(RemainsItem item, String laboratory, Instant now) {
        RemainsCase opened = new RemainsCase();
        // One case per item, and the same id whenever the item's record is applied again (a database
        // restored from a backup and its consumer rewound): subscribers already told of this case hear of no other.
        opened.id = UUID.nameUUIDFromBytes(("remains-case|" + item.itemId()).getBytes(StandardCharsets.UTF_8));
        opened.itemId = item.itemId();
        opened.itemSequence = item.sequence();
        opened.transferId = item.transferId();
        opened.agreementId = item.agreementId();
        opened.termId = item.termId();
        opened.fromParty = item.fromParty();
        opened.toParty = item.toParty();
        opened.origin = item.origin();
        opened.tag = item.tag();
        opened.receivedAt = item.receivedAt();
        opened.receivedOn = item.receivedOn();
        opened.claims = item.claims();
        opened.organisations = new HashSet<>(item.scopeOrganisations());
        opened.status = CaseStatus.RECEIVED;
        opened.assignedOrganisation = laboratory;
        opened.openedAt = now;
        opened.eventSequence = 1;
        return opened;
    }

    /**
     * One more individual found among this case's remains (commingled remains): a case of its own for the same item,
     * numbered {@code individual} and sub-tagged with it, carrying the item's claims as the sender made them (copied,
     * never rewritten), worked on by the same laboratory. The same id whenever the same split is applied again.
     */
    public RemainsCase splitOff(int individual, Instant now) {
        if (!status.isOpen()) {
            throw new InvalidTransition("Only remains still being examined can be split; the case is " + status);
        }
        if (individual < 2) {
            throw new IllegalArgumentException("Individual 1 is the item's own case");
        }
        RemainsCase split = new RemainsCase();
        split.id = UUID.nameUUIDFromBytes(("remains-case|" + itemId + "|" + individual).getBytes(StandardCharsets.UTF_8));
        split.itemId = itemId;
        split.itemSequence = itemSequence;
        split.individual = individual;
        split.splitFrom = id;
        split.transferId = transferId;
        split.agreementId = agreementId;
        split.termId = termId;
        split.fromParty = fromParty;
        split.toParty = toParty;
        split.origin = origin;
        split.tag = itemTag() + "/" + individual;
        split.receivedAt = receivedAt;
        split.receivedOn = receivedOn;
        split.claims = claims;
        split.organisations = new HashSet<>(organisations);
        split.status = CaseStatus.RECEIVED;
        split.assignedOrganisation = assignedOrganisation;
        split.openedAt = now;
        split.eventSequence = 1;
        return split;
    }

    /** The tag of the item as the manifest has it; a case split off carries it with its number ({@code RU-0017/2}). */
    public String itemTag() {
        return individual == 1 ? tag : tag.substring(0, tag.length() - ("/" + individual).length());
    }

    /** The entries recording a split of this case: one on it, one opening each case split off. */
    public CaseHistoryEntry splitEntry(int individuals, String reason, Actor by, Instant now) {
        return new CaseHistoryEntry(id, CaseHistoryEntry.SPLIT, null, String.valueOf(individuals),
                "Split into " + individuals + " individuals: " + reason, by, now);
    }

    public CaseHistoryEntry splitOffEntry(String reason, Actor by) {
        return new CaseHistoryEntry(id, CaseHistoryEntry.SPLIT, splitFrom.toString(), status.name(),
                "Individual " + individual + " of item " + itemTag() + ", split from case " + splitFrom
                        + ": " + reason, by, openedAt);
    }

    /**
     * These remains are a fragment of the person of {@code survivor} (the same laboratory's case of the same party):
     * this case closes as JOINED, pointing to it, and answers the entry; the survivor records the join.
     */
    public CaseHistoryEntry joinInto(RemainsCase survivor, String reason, Actor by, Instant now) {
        ensureJoinable(survivor);
        joinedInto = survivor.id;
        return moveTo(CaseStatus.JOINED, "Joined into case " + survivor.id + " (" + survivor.tag + "): " + reason, by, now);
    }

    /** Refused at proposal time what the confirmation could not do. */
    public void ensureJoinable(RemainsCase survivor) {
        if (survivor.id.equals(id)) {
            throw new RuleViolation("fragmentCaseId", "A case is not joined to itself");
        }
        if (!status.isOpen()) {
            throw new InvalidTransition("Only a fragment still being examined can be joined; case " + id + " is " + status
                    + (status == CaseStatus.IDENTIFIED ? ": revoke its identification first" : ""));
        }
        if (!survivor.status.acceptsEvidence()) {
            throw new InvalidTransition("Case " + survivor.id + " is " + survivor.status + ": nothing can be joined to it");
        }
        if (!toParty.equals(survivor.toParty) || !java.util.Objects.equals(assignedOrganisation, survivor.assignedOrganisation)) {
            throw new RuleViolation("fragmentCaseId", "Fragments are joined within one laboratory's cases of one receiving party");
        }
    }

    public CaseHistoryEntry joinedEntry(RemainsCase fragment, String reason, Actor by, Instant now) {
        return new CaseHistoryEntry(id, CaseHistoryEntry.JOIN, fragment.id.toString(), status.name(),
                "Fragment case " + fragment.id + " (" + fragment.tag + ") joined: " + reason, by, now);
    }

    /** The entry that records the opening itself. */
    public CaseHistoryEntry openingEntry() {
        return new CaseHistoryEntry(id, CaseHistoryEntry.STATUS, null, status.name(),
                "Remains item " + tag + " arrived", Actor.TRANSFER_RECORDS, openedAt);
    }

    /** Whether an item record with this sequence is newer than the one this case last applied. */
    public boolean isOlderThan(int recordSequence) {
        return recordSequence > itemSequence;
    }

    /**
     * Applies a newer withdrawal record: the body was announced but never arrived. A case whose remains were already
     * handed back, joined to another person's, or split into several persons keeps its status (the handover, the
     * examiners' findings are facts), and the record is only noted for the examiners to look into.
     */
    public CaseHistoryEntry withdraw(int recordSequence, boolean splitIntoOthers, Instant now) {
        itemSequence = recordSequence;
        if (status == CaseStatus.RETURNED || status == CaseStatus.WITHDRAWN || status == CaseStatus.JOINED
                || splitIntoOthers) {
            return new CaseHistoryEntry(id, CaseHistoryEntry.WITHDRAWAL_NOT_APPLIED, status.name(), status.name(),
                    "The transfer's reconciliation withdrew the item after the case was " + status
                            + (splitIntoOthers ? " and split into several persons" : ""),
                    Actor.TRANSFER_RECORDS, now);
        }
        return moveTo(CaseStatus.WITHDRAWN, "The transfer's reconciliation found the item missing",
                Actor.TRANSFER_RECORDS, now);
    }

    /** Notes a newer record that changes nothing here (an arrival after this case was opened). */
    public void acknowledge(int recordSequence) {
        itemSequence = Math.max(itemSequence, recordSequence);
    }

    public CaseHistoryEntry reassign(String laboratory, String reason, Actor by, Instant now) {
        if (!status.acceptsEvidence()) {
            throw new InvalidTransition("A case that is " + status + " is no longer worked on");
        }
        if (laboratory.equals(assignedOrganisation)) {
            throw new RuleViolation("organisation", "The case is already assigned to " + laboratory);
        }
        CaseHistoryEntry entry = new CaseHistoryEntry(id, CaseHistoryEntry.ASSIGNMENT, assignedOrganisation,
                laboratory, reason, by, now);
        assignedOrganisation = laboratory;
        return entry;
    }

    /** Evidence may be added while the remains are here; the first examination starts the work. */
    public Optional<CaseHistoryEntry> examined(Actor by, Instant now) {
        ensureAcceptsEvidence();
        if (status == CaseStatus.RECEIVED) {
            return Optional.of(moveTo(CaseStatus.UNDER_EXAMINATION, "First examination recorded", by, now));
        }
        return Optional.empty();
    }

    public void ensureAcceptsEvidence() {
        if (!status.acceptsEvidence()) {
            throw new InvalidTransition("The case is " + status + ": no evidence can be added");
        }
    }

    /**
     * A DNA profile of the remains is on file: a case still being examined becomes PROFILED; a later
     * profile (a re-typing) only updates the time.
     */
    public Optional<CaseHistoryEntry> profiled(Actor by, Instant now) {
        ensureAcceptsEvidence();
        if (!status.isOpen()) {
            throw new InvalidTransition("The case is " + status + ": its identity is settled, no profile is matched");
        }
        profiledAt = now;
        if (status == CaseStatus.RECEIVED || status == CaseStatus.UNDER_EXAMINATION) {
            return Optional.of(moveTo(CaseStatus.PROFILED, "DNA profile on file", by, now));
        }
        return Optional.empty();
    }

    /** The kinship matching found an undisputed candidate: the case waits for an examiner's proposal. */
    public Optional<CaseHistoryEntry> strongCandidateFound(Actor by, Instant now) {
        if (status != CaseStatus.PROFILED) {
            return Optional.empty();
        }
        return Optional.of(moveTo(CaseStatus.CANDIDATE_FOUND, "Undisputed DNA kinship candidate", by, now));
    }

    /**
     * The candidate that moved the case no longer stands alone (a donor withdrew, a rival appeared) and no
     * examiner has proposed anything: back to PROFILED.
     */
    public Optional<CaseHistoryEntry> strongCandidateLost(Actor by, Instant now) {
        if (status != CaseStatus.CANDIDATE_FOUND || profiledAt == null) {
            return Optional.empty();
        }
        return Optional.of(moveTo(CaseStatus.PROFILED, "No undisputed DNA kinship candidate any more", by, now));
    }

    /** An examiner proposes an identity: only after examination, and while nothing is settled. */
    public Optional<CaseHistoryEntry> candidateProposed(Actor by, Instant now) {
        if (status != CaseStatus.UNDER_EXAMINATION && status != CaseStatus.PROFILED
                && status != CaseStatus.CANDIDATE_FOUND) {
            throw new InvalidTransition("An identification can be proposed for a case under examination; it is "
                    + status);
        }
        if (status == CaseStatus.CANDIDATE_FOUND) {
            return Optional.empty();
        }
        return Optional.of(moveTo(CaseStatus.CANDIDATE_FOUND, "Identification proposed", by, now));
    }

    /** A second examiner confirmed the proposal: the established identity is set beside the claims. */
    public CaseHistoryEntry identified(IdentificationProposal proposal, Actor by, Instant now) {
        if (status != CaseStatus.CANDIDATE_FOUND) {
            throw new InvalidTransition("Only a case with a proposed identification can be identified; it is " + status);
        }
        established = proposal.establishedIdentity();
        identificationId = proposal.id();
        identificationMethod = proposal.method();
        identifiedAt = now;
        return moveTo(CaseStatus.IDENTIFIED, "Identification confirmed (" + proposal.method() + ")", by, now);
    }

    /** The last pending proposal was rejected: back to where the examination stood. */
    public CaseHistoryEntry candidatesExhausted(Actor by, Instant now) {
        if (status != CaseStatus.CANDIDATE_FOUND) {
            throw new InvalidTransition("The case has no proposed identification; it is " + status);
        }
        return moveTo(profiledAt == null ? CaseStatus.UNDER_EXAMINATION : CaseStatus.PROFILED,
                "Proposed identification rejected", by, now);
    }

    /**
     * Not a national of the receiving party (the established identity or nationality contradicts the
     * claim): from any open state, or after an identification that established another nationality.
     */
    public CaseHistoryEntry notANational(String reason, boolean proposalsPending, Actor by, Instant now) {
        if (!status.isOpen() && status != CaseStatus.IDENTIFIED) {
            throw new InvalidTransition("A case that is " + status + " cannot be found not a national");
        }
        ensureNothingPending(proposalsPending);
        return moveTo(CaseStatus.NOT_A_NATIONAL, reason, by, now);
    }

    public CaseHistoryEntry unidentifiable(String reason, boolean proposalsPending, Actor by, Instant now) {
        if (!status.isOpen()) {
            throw new InvalidTransition("Only an open case can be closed as unidentifiable; it is " + status);
        }
        ensureNothingPending(proposalsPending);
        return moveTo(CaseStatus.UNIDENTIFIABLE, reason, by, now);
    }

    /** A family may be told once the identification is confirmed. */
    public void ensureFamilyMayBeTold() {
        if (status != CaseStatus.IDENTIFIED && !(status == CaseStatus.RETURNED && returnedTo == ReturnedTo.FAMILY)) {
            throw new InvalidTransition("A family is told of a confirmed identification; the case is " + status);
        }
    }

    /** Identified remains go to the family; remains not of a national go back to the sending party. */
    public CaseHistoryEntry returned(ReturnedTo to, String recipient, String place, Instant at, Actor by, Instant now) {
        boolean allowed = (status == CaseStatus.IDENTIFIED && to == ReturnedTo.FAMILY)
                || (status == CaseStatus.NOT_A_NATIONAL && to == ReturnedTo.SENDING_PARTY);
        if (!allowed) {
            throw new InvalidTransition("A case that is " + status + " cannot be returned to "
                    + (to == ReturnedTo.FAMILY ? "a family" : "the sending party")
                    + ": identified remains go to the family, those not of a national to the sending party");
        }
        if (at.isAfter(now)) {
            throw new RuleViolation("returnedAt", "The handover cannot be in the future");
        }
        if (at.isBefore(receivedAt)) {
            throw new RuleViolation("returnedAt", "The remains cannot be handed over before they were received");
        }
        returnedTo = to;
        returnedRecipient = recipient;
        returnedPlace = place;
        returnedAt = at;
        return moveTo(CaseStatus.RETURNED, "Handed over to " + to, by, now);
    }

    /**
     * A confirmed identification undone by a confirmed revocation (two examiners): the case is worked on again,
     * the identity it named is no longer established (the proposal keeps it), and when the family had already
     * been told or had received the remains, they must be told again.
     */
    public CaseHistoryEntry identificationRevoked(String reason, boolean familyWasTold, Actor by, Instant now) {
        boolean returnedToFamily = status == CaseStatus.RETURNED && returnedTo == ReturnedTo.FAMILY;
        if (status != CaseStatus.IDENTIFIED && !returnedToFamily) {
            throw new InvalidTransition("Only a confirmed identification can be revoked; the case is " + status);
        }
        familyToBeToldAgain = familyWasTold || returnedToFamily;
        established = null;
        identificationId = null;
        identificationMethod = null;
        identifiedAt = null;
        return moveTo(profiledAt == null ? CaseStatus.UNDER_EXAMINATION : CaseStatus.PROFILED,
                "Identification revoked: " + reason, by, now);
    }

    /** The family of a revoked identification must be told of the revocation; only then is that discharged. */
    public void ensureFamilyIsOwedARevocation() {
        if (!familyToBeToldAgain) {
            throw new InvalidTransition("No revoked identification of this case remains to be told to a family");
        }
    }

    /** The family of the revoked identification was told of the revocation. */
    public void familyToldOfRevocation() {
        familyToBeToldAgain = false;
    }

    private void ensureNothingPending(boolean proposalsPending) {
        if (proposalsPending) {
            throw new InvalidTransition("An identification proposal awaits its decision: decide it first");
        }
    }

    private CaseHistoryEntry moveTo(CaseStatus next, String reason, Actor by, Instant now) {
        CaseHistoryEntry entry = new CaseHistoryEntry(id, CaseHistoryEntry.STATUS, status.name(), next.name(), reason,
                by, now);
        status = next;
        eventSequence++;
        return entry;
    }

    /** The two parties, the transfer's mediators and escort, and the laboratory. */
    public AccessScope accessScope() {
        Set<String> organisations = new HashSet<>(this.organisations);
        if (assignedOrganisation != null) {
            organisations.add(assignedOrganisation);
        }
        return new AccessScope(Set.of(fromParty, toParty), organisations);
    }

    public UUID id() { return id; }
    public UUID itemId() { return itemId; }
    public UUID transferId() { return transferId; }
    public UUID agreementId() { return agreementId; }
    public UUID termId() { return termId; }
    public String fromParty() { return fromParty; }
    public String toParty() { return toParty; }
    public String origin() { return origin; }
    public String tag() { return tag; }
    public int individual() { return individual; }
    public UUID splitFrom() { return splitFrom; }
    public UUID joinedInto() { return joinedInto; }
    public Instant receivedAt() { return receivedAt; }
    public LocalDate receivedOn() { return receivedOn; }
    public ClaimedIdentity claims() { return claims; }
    public Set<String> organisations() { return Set.copyOf(organisations); }
    public CaseStatus status() { return status; }
    public String assignedOrganisation() { return assignedOrganisation; }
    public Instant openedAt() { return openedAt; }
    public EstablishedIdentity established() { return established; }
    public UUID identificationId() { return identificationId; }
    public IdentificationMethod identificationMethod() { return identificationMethod; }
    public Instant identifiedAt() { return identifiedAt; }
    public ReturnedTo returnedTo() { return returnedTo; }
    public String returnedRecipient() { return returnedRecipient; }
    public String returnedPlace() { return returnedPlace; }
    public Instant returnedAt() { return returnedAt; }
    public long eventSequence() { return eventSequence; }
    public boolean familyToBeToldAgain() { return familyToBeToldAgain; }
    public long version() { return version; }
}

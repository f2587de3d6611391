package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BestMatch;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.RecordComparison;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.persistence.TransactionLock;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.security.Caller;
import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.application.AgreementSnapshot;
import org.homeward.transfer.exchange.Eligibility;
import org.homeward.transfer.exchange.EntryChange;
import org.homeward.transfer.exchange.EntryStatus;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.exchange.MatchReview;
import org.homeward.transfer.exchange.RequestedPerson;
import org.homeward.transfer.prisoners.HeldPrisoner;
import org.homeward.transfer.prisoners.PrisonerChanged;
import org.homeward.transfer.prisoners.PrisonersRecorded;
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.AgreementViews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The exchange lists of prisoner-exchange terms, round by round (DESIGN.md 10): the detaining party offers
 * prisoners it holds (each judged eligible or not under the term, on its reference date), the receiving party
 * requests persons as it knows them, and requests are matched to offers with the register's linkage: a sure
 * match at once, a probable or conflicting one to the detaining party's review; a request that names a prisoner
 * already released or dead is answered so from the records. The detaining party answers what it cannot offer,
 * the escorting intermediary verifies identity and free will. Every change of status is kept with its reason,
 * its author and its round; every read of persons is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class ExchangeLists {

    /** The most requests one call may carry. */
    public static final int MAX_REQUESTS = 5_000;

    private final EntityManager entityManager;
    private final ExchangeAccess access;
    private final AgreementViews agreements;
    private final Caller caller;
    private final AuditLog audit;
    private final ListProgress progress;
    private final EntryHistory history;
    private final Clock clock;

    public ExchangeLists(EntityManager entityManager, ExchangeAccess access, AgreementViews agreements, Caller caller,
                         AuditLog audit, ListProgress progress, EntryHistory history, Clock clock) {
        this.progress = progress;
        this.history = history;
        this.entityManager = entityManager;
        this.access = access;
        this.agreements = agreements;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** A list, and whether this call opened it (or found it open already). */
    public record Opened(ExchangeList list, boolean created) {
    }

    /** Opens the list of a prisoner-exchange term (either party's coordinators), or answers the one it has. */
    public Opened open(UUID agreementId, UUID termId) {
        AgreementView view = agreements.find(agreementId, caller.party().orElse(null), caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("Agreement " + agreementId));
        AgreementSnapshot agreement = AgreementSnapshot.of(view);
        AgreedTerm term = agreement.termsOrEmpty().stream().filter(t -> t.id().equals(termId)).findFirst()
                .orElseThrow(() -> new RuleViolation("termId", "Not a term of this agreement"));
        if (!"POW_EXCHANGE".equals(term.kind())) {
            throw new RuleViolation("termId", "Exchange lists are for prisoner-exchange terms; this one is " + term.kind());
        }
        if ("CIVILIANS".equals(term.category())) {
            // The prisoners held are prisoners of war: none of them could qualify, and civilians are not recorded here.
            throw new RuleViolation("termId", "Exchange lists are of prisoners of war; a CIVILIANS term has none");
        }
        String party = caller.party().orElse("");
        if (!party.equals(term.fromParty()) && !party.equals(term.toParty())) {
            throw new ProblemException(org.homeward.platform.problem.ProblemType.FORBIDDEN,
                    "A coordinator of one of the term's parties opens its list");
        }
        // Both parties opening the same term's list at once: the second waits here, then finds the first's.
        TransactionLock.hold(entityManager, "exchange-list|" + termId);
        Optional<ExchangeList> existing = entityManager.createQuery("select l from ExchangeList l where l.termId = :term",
                ExchangeList.class).setParameter("term", termId).getResultStream().findFirst();
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        if (!"ACTIVE".equals(agreement.status())) {
            throw new org.homeward.platform.domain.InvalidTransition("Lists are opened under an ACTIVE agreement; this"
                    + " one is " + agreement.status());
        }
        LocalDate reference = term.referenceDateOr(agreement.effectiveDate());
        if (reference == null) {
            throw new RuleViolation("termId", "The term has no reference date and the agreement no effective date");
        }
        ExchangeList list = new ExchangeList(agreementId, termId, term.fromParty(), term.toParty(),
                term.category() == null ? "ALL" : term.category(), term.customCategory(), reference,
                caller.organisation(), Instant.now(clock));
        entityManager.persist(list);
        audit.record("exchange-list.open", "exchange_list", list.id().toString());
        progress.announce(list, agreement);
        return new Opened(list, true);
    }

    /** The lists of an agreement the caller may see. */
    public List<ExchangeList> ofAgreement(UUID agreementId) {
        agreements.find(agreementId, caller.party().orElse(null), caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("Agreement " + agreementId));
        return entityManager.createQuery("select l from ExchangeList l where l.agreementId = :agreement"
                        + " order by l.openedAt, l.id", ExchangeList.class)
                .setParameter("agreement", agreementId).getResultList();
    }

    /** The list and where it stands, in counts (for anyone who may see the agreement). */
    public ListWithProgress read(UUID listId) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.NONE);
        return new ListWithProgress(visible.list(), progress.of(visible.list()));
    }

    public record ListWithProgress(ExchangeList list, ExchangeProgress progress) {
    }

    /** The persons on the list (its parties and intermediaries; audited). */
    public List<ExchangeEntry> entries(UUID listId, ExchangeEntry.Kind kind, EntryStatus status, PageRequest page) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.NONE);
        access.requireEntryReader(visible);
        StringBuilder jpql = new StringBuilder("select e from ExchangeEntry e where e.listId = :list");
        if (kind != null) {
            jpql.append(" and e.kind = :kind");
        }
        if (status != null) {
            jpql.append(" and e.status = :status");
        }
        var query = entityManager.createQuery(jpql.append(" order by e.createdAt, e.id").toString(), ExchangeEntry.class)
                .setParameter("list", listId);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        List<ExchangeEntry> found = query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
        audit.record("exchange-list.entries", "exchange_list", listId.toString());
        return found;
    }

    /** The prisoners behind the offers among {@code entries}, by id, for the view (already audited with them). */
    public Map<UUID, HeldPrisoner> prisonersOf(List<ExchangeEntry> entries) {
        List<UUID> ids = entries.stream().map(ExchangeEntry::prisonerId).filter(java.util.Objects::nonNull).toList();
        Map<UUID, HeldPrisoner> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            entityManager.createQuery("select p from HeldPrisoner p where p.id in :ids", HeldPrisoner.class)
                    .setParameter("ids", ids).getResultList().forEach(p -> byId.put(p.id(), p));
        }
        return byId;
    }

    /**
     * Offers prisoners the detaining party holds from the receiving party. Each is judged under the term on its
     * reference date: one who does not qualify is offered NOT_ELIGIBLE with the rule, so it shows before the list
     * goes out. Each offer is matched against the requests still open.
     */
    public List<ExchangeEntry> offer(UUID listId, List<UUID> prisonerIds) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        ExchangeList list = visible.list();
        access.requireDetainingCoordinator(visible, "offers its prisoners");
        access.requireActive(visible);
        Instant now = Instant.now(clock);
        // Loaded together: one query each for the prisoners, the offers already made and the findings.
        Map<UUID, HeldPrisoner> prisoners = new HashMap<>();
        entityManager.createQuery("select p from HeldPrisoner p where p.id in :ids", HeldPrisoner.class)
                .setParameter("ids", prisonerIds).getResultList().forEach(p -> prisoners.put(p.id(), p));
        Set<UUID> offeredAlready = new HashSet<>(entityManager.createQuery("select e.prisonerId from ExchangeEntry e"
                        + " where e.listId = :list and e.prisonerId in :ids", UUID.class)
                .setParameter("list", list.id()).setParameter("ids", prisonerIds).getResultList());
        Map<UUID, Boolean> findings = progress.findingsOnReferenceDate(list, prisonerIds);
        List<ExchangeEntry> offers = new ArrayList<>();
        for (int i = 0; i < prisonerIds.size(); i++) {
            UUID id = prisonerIds.get(i);
            HeldPrisoner prisoner = prisoners.get(id);
            if (prisoner == null || !prisoner.detainingParty().equals(list.detainingParty())) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Not a prisoner " + list.detainingParty() + " holds");
            }
            if (!prisoner.partyOfOrigin().equals(list.receivingParty()) || prisoner.status() != PrisonerStatus.HELD) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Only prisoners held from " + list.receivingParty()
                        + " are offered to it");
            }
            if (!offeredAlready.add(id)) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Offered on this list already");
            }
            String unmet = Eligibility.unmet(list.category(), list.referenceDate(), prisoner.dateOfBirth(),
                    prisoner.capturedOn(), findings.get(id)).orElse(null);
            ExchangeEntry offer = ExchangeEntry.offer(list, prisoner, unmet, caller.organisation(), now);
            entityManager.persist(offer);
            history.record(list, offer, new ExchangeEntry.Change(null, offer.status(), unmet), now);
            offers.add(offer);
        }
        List<ExchangeEntry> open = openEntries(list, ExchangeEntry.Kind.REQUEST);
        for (ExchangeEntry offer : offers) {
            matchAgainst(list, offer, open, now);
        }
        audit.record("exchange-list.offer", "exchange_list", listId + ":" + offers.size());
        progress.announce(list, visible.agreement());
        return offers;
    }

    /**
     * Requests persons the receiving party asks for, each matched to the offers not yet matched; one matching a
     * prisoner already released or dead in the records is answered so at once.
     */
    public List<ExchangeEntry> request(UUID listId, List<RequestedPerson> persons) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        ExchangeList list = visible.list();
        access.requireReceivingCoordinator(visible, "requests persons");
        access.requireActive(visible);
        if (persons.isEmpty() || persons.size() > MAX_REQUESTS) {
            throw new RuleViolation("requests", "From 1 to " + MAX_REQUESTS + " requests at a time");
        }
        Instant now = Instant.now(clock);
        List<ExchangeEntry> offers = openEntries(list, ExchangeEntry.Kind.OFFER);
        List<ExchangeEntry> requests = new ArrayList<>();
        for (RequestedPerson person : persons) {
            ExchangeEntry request = ExchangeEntry.request(list, person, caller.organisation(), now);
            entityManager.persist(request);
            history.record(list, request, new ExchangeEntry.Change(null, EntryStatus.REQUESTED, null), now);
            if (!matchAgainst(list, request, offers, now)) {
                answerFromRecords(list, request, now);
            }
            requests.add(request);
        }
        audit.record("exchange-list.request", "exchange_list", listId + ":" + requests.size());
        progress.announce(list, visible.agreement());
        return requests;
    }

    /** Closes the round: later entries and changes belong to the next version of the list. */
    public ExchangeList nextRound(UUID listId) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        if (!visible.list().isParty(caller.party().orElse(""))
                || !caller.hasRole(org.homeward.platform.security.Roles.COORDINATOR)) {
            throw new ProblemException(org.homeward.platform.problem.ProblemType.FORBIDDEN,
                    "A coordinator of one of the list's parties closes a round");
        }
        access.requireActive(visible);
        visible.list().nextRound();
        audit.record("exchange-list.round", "exchange_list", listId + ":" + visible.list().round());
        progress.announce(visible.list(), visible.agreement());
        return visible.list();
    }

    /** The detaining party's answer to a request it holds no offer for, with its reason. */
    public ExchangeEntry answer(UUID listId, UUID entryId, EntryStatus answer, String reason) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireDetainingCoordinator(visible, "answers requests");
        access.requireActive(visible);
        ExchangeEntry entry = entryOf(visible.list(), entryId);
        Instant now = Instant.now(clock);
        history.record(visible.list(), entry, entry.answered(answer, reason), now);
        supersedeReviewsOf(entry, now);
        audit.record("exchange-list.answer", "exchange_entry", entryId.toString());
        progress.announce(visible.list(), visible.agreement());
        return entry;
    }

    /** The escorting intermediary's verification of an offered prisoner: identity and free will, or he declines. */
    public ExchangeEntry verify(UUID listId, UUID entryId, boolean consents, String reason) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireEscort(visible);
        access.requireActive(visible);
        ExchangeEntry entry = entryOf(visible.list(), entryId);
        history.record(visible.list(), entry, entry.verified(consents, reason, caller.organisation()), Instant.now(clock));
        audit.record("exchange-list.verify", "exchange_entry", entryId.toString());
        progress.announce(visible.list(), visible.agreement());
        return entry;
    }

    /** The matches waiting for the detaining party (the list's parties read them). */
    public List<MatchReview> reviews(UUID listId, MatchReview.Status status) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.NONE);
        access.requireEntryReader(visible);
        audit.record("exchange-list.match-reviews", "exchange_list", listId.toString());
        return entityManager.createQuery("select r from MatchReview r where r.listId = :list and r.status = :status"
                        + " order by r.openedAt, r.id", MatchReview.class)
                .setParameter("list", listId).setParameter("status", status).getResultList();
    }

    /** The detaining party confirms a probable match (both entries MATCHED) or rejects it (the request stays open). */
    public MatchReview decide(UUID listId, UUID reviewId, boolean confirm) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireDetainingCoordinator(visible, "decides matches");
        access.requireActive(visible);
        MatchReview review = entityManager.find(MatchReview.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null || !review.listId().equals(listId)) {
            throw ProblemException.notFound("Match review " + reviewId);
        }
        review.decided(confirm, caller.subject(), Instant.now(clock));
        if (confirm) {
            ExchangeEntry request = entryOf(visible.list(), review.requestId());
            ExchangeEntry offer = entryOf(visible.list(), review.offerId());
            link(visible.list(), request, offer, "confirmed by the detaining party (" + review.outcome() + ")",
                    Instant.now(clock));
        }
        audit.record("exchange-list.match-" + (confirm ? "confirm" : "reject"), "exchange_match_review",
                reviewId.toString());
        progress.announce(visible.list(), visible.agreement());
        return review;
    }

    /** An entry's history, oldest first (its parties and intermediaries; audited). */
    public List<EntryChange> history(UUID listId, UUID entryId) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.NONE);
        access.requireEntryReader(visible);
        entryOf(visible.list(), entryId);
        audit.record("exchange-list.history", "exchange_entry", entryId.toString());
        return entityManager.createQuery("select c from EntryChange c where c.entryId = :entry order by c.id",
                EntryChange.class).setParameter("entry", entryId).getResultList();
    }

    /**
     * A prisoner's record changed (a commission decided, he died): his offers on every list follow. A death
     * takes him off each list; a decision re-judges the offers not yet verified.
     */
    void prisonerChanged(@Observes PrisonerChanged changed) {
        HeldPrisoner prisoner = entityManager.find(HeldPrisoner.class, changed.prisonerId());
        Instant now = Instant.now(clock);
        // The lists first, as every write to a list takes them (then its entries): one lock order, no deadlock.
        List<ExchangeList> lists = entityManager.createQuery("select l from ExchangeList l where l.detainingParty = :d"
                        + " and l.receivingParty = :o order by l.id", ExchangeList.class)
                .setParameter("d", prisoner.detainingParty()).setParameter("o", prisoner.partyOfOrigin())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<UUID, ExchangeList> byId = new HashMap<>();
        lists.forEach(list -> byId.put(list.id(), list));
        for (ExchangeEntry offer : entityManager.createQuery("select e from ExchangeEntry e where e.prisonerId = :p",
                ExchangeEntry.class).setParameter("p", prisoner.id()).getResultList()) {
            ExchangeList list = byId.get(offer.listId());
            ExchangeEntry.Change change = prisoner.status() == PrisonerStatus.DIED
                    ? offer.died("died in captivity on " + prisoner.diedOn())
                    : offer.rejudged(Eligibility.unmet(list.category(), list.referenceDate(), prisoner.dateOfBirth(),
                    prisoner.capturedOn(), progress.findingsOnReferenceDate(list, List.of(prisoner.id())).get(prisoner.id()))
                    .orElse(null));
            if (change != null) {
                history.record(list, offer, change, now);
            }
            if (offer.status() == EntryStatus.DIED) {
                supersedeReviewsOf(offer, now);
            }
            if (offer.matchedEntryId() != null) {
                ExchangeEntry request = entityManager.find(ExchangeEntry.class, offer.matchedEntryId());
                ExchangeEntry.Change followed = request.followed(offer);
                if (followed != null) {
                    history.record(list, request, followed, now);
                }
            }
        }
        progress.announceLists(lists);
    }

    /**
     * Prisoners were recorded: the lists of their detainers and people count them (held on the reference date,
     * eligible) from now on, and say so.
     */
    void prisonersRecorded(@Observes PrisonersRecorded recorded) {
        progress.announceLists(entityManager.createQuery("select l from ExchangeList l where l.detainingParty = :d"
                        + " and l.receivingParty in :origins order by l.id", ExchangeList.class)
                .setParameter("d", recorded.detainingParty()).setParameter("origins", recorded.partiesOfOrigin())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /**
     * Matches {@code entry} against {@code candidates} of the other kind not yet matched: a sure match links both,
     * a probable or conflicting one opens a review for the detaining party. True when it was linked or sent to
     * review, so that nothing else answers it meanwhile.
     */
    private boolean matchAgainst(ExchangeList list, ExchangeEntry entry, List<ExchangeEntry> candidates, Instant now) {
        BestMatch<ExchangeEntry> best = BestMatch.among(entry.particulars(),
                candidates.stream().filter(candidate -> candidate.matchedEntryId() == null).toList(),
                ExchangeEntry::particulars);
        if (best == null || best.result().outcome() == LinkageOutcome.NO_MATCH) {
            return false;
        }
        ExchangeEntry request = entry.kind() == ExchangeEntry.Kind.REQUEST ? entry : best.candidate();
        ExchangeEntry offer = entry.kind() == ExchangeEntry.Kind.OFFER ? entry : best.candidate();
        if (best.result().outcome() == LinkageOutcome.MATCHED) {
            link(list, request, offer, "matched: " + String.join("; ", best.result().agreed()), now);
            return true;
        }
        entityManager.persist(new MatchReview(list.id(), request.id(), offer.id(), best.result().outcome(),
                best.result().agreed(), now));
        return true;
    }

    /**
     * A request naming a prisoner the records show released or dead (the other side's lists often do) is
     * answered so at once: ALREADY_EXCHANGED or DIED, with the date.
     */
    private void answerFromRecords(ExchangeList list, ExchangeEntry request, Instant now) {
        if (request.status() != EntryStatus.REQUESTED) {
            return;
        }
        List<HeldPrisoner> gone = entityManager.createQuery("select p from HeldPrisoner p where p.detainingParty = :d"
                        + " and p.partyOfOrigin = :o and p.status <> :held and (p.surnameKey = :surname"
                        + " or p.serviceNumberKey = :number)", HeldPrisoner.class)
                .setParameter("d", list.detainingParty()).setParameter("o", list.receivingParty())
                .setParameter("held", PrisonerStatus.HELD).setParameter("surname", request.particulars().surnameKey())
                .setParameter("number", request.particulars().serviceNumber() == null ? ""
                        : request.particulars().serviceNumber()).getResultList();
        for (HeldPrisoner prisoner : gone) {
            if (RecordComparison.compare(request.particulars(), prisoner.particulars()).outcome() == LinkageOutcome.MATCHED) {
                ExchangeEntry.Change change = prisoner.status() == PrisonerStatus.DIED
                        ? request.answered(EntryStatus.DIED, "died in captivity on " + prisoner.diedOn())
                        : request.answered(EntryStatus.ALREADY_EXCHANGED, "released on " + prisoner.releasedOn());
                history.record(list, request, change, now);
                return;
            }
        }
    }

    private void link(ExchangeList list, ExchangeEntry request, ExchangeEntry offer, String reason, Instant now) {
        history.record(list, request, request.matchedWith(offer, reason), now);
        history.record(list, offer, offer.matchedWith(request, reason), now);
        supersedeReviewsOf(request, now);
        supersedeReviewsOf(offer, now);
    }

    /** The reviews still open about an entry that is matched or answered now: nothing is left to decide in them. */
    private void supersedeReviewsOf(ExchangeEntry entry, Instant now) {
        entityManager.createQuery("select r from MatchReview r where r.listId = :list and r.status = :open"
                        + " and (r.requestId = :entry or r.offerId = :entry)", MatchReview.class)
                .setParameter("list", entry.listId()).setParameter("open", MatchReview.Status.OPEN)
                .setParameter("entry", entry.id()).getResultList()
                .forEach(review -> review.superseded(now));
    }

    /** The entries of a kind a new entry may still be matched to, oldest first (a stable order for ties). */
    private List<ExchangeEntry> openEntries(ExchangeList list, ExchangeEntry.Kind kind) {
        List<EntryStatus> open = kind == ExchangeEntry.Kind.REQUEST ? List.of(EntryStatus.REQUESTED)
                : Arrays.stream(EntryStatus.values()).filter(EntryStatus::mayBeMatched).toList();
        return entityManager.createQuery("select e from ExchangeEntry e where e.listId = :list and e.kind = :kind"
                        + " and e.matchedEntryId is null and e.status in :open order by e.createdAt, e.id",
                        ExchangeEntry.class)
                .setParameter("list", list.id()).setParameter("kind", kind).setParameter("open", open)
                .getResultList();
    }

    private ExchangeEntry entryOf(ExchangeList list, UUID entryId) {
        ExchangeEntry entry = entityManager.find(ExchangeEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || !entry.listId().equals(list.id())) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return entry;
    }
}

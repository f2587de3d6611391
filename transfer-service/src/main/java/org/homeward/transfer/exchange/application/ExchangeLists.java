package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.RecordComparison;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
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
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.AgreementViews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Clock clock;

    public ExchangeLists(EntityManager entityManager, ExchangeAccess access, AgreementViews agreements, Caller caller,
                         AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.agreements = agreements;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the list of a prisoner-exchange term (either party's coordinators), or answers the one it has. */
    public ExchangeList open(UUID agreementId, UUID termId) {
        AgreementView view = agreements.find(agreementId, caller.party().orElse(null), caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("Agreement " + agreementId));
        AgreementSnapshot agreement = AgreementSnapshot.of(view);
        AgreedTerm term = agreement.termsOrEmpty().stream().filter(t -> t.id().equals(termId)).findFirst()
                .orElseThrow(() -> new RuleViolation("termId", "Not a term of this agreement"));
        if (!"POW_EXCHANGE".equals(term.kind())) {
            throw new RuleViolation("termId", "Exchange lists are for prisoner-exchange terms; this one is " + term.kind());
        }
        if (!"ACTIVE".equals(agreement.status())) {
            throw new RuleViolation("agreementId", "Lists are negotiated under an ACTIVE agreement; this one is "
                    + agreement.status());
        }
        String party = caller.party().orElse("");
        if (!party.equals(term.fromParty()) && !party.equals(term.toParty())) {
            throw new ProblemException(org.homeward.platform.problem.ProblemType.FORBIDDEN,
                    "A coordinator of one of the term's parties opens its list");
        }
        Optional<ExchangeList> existing = entityManager.createQuery("select l from ExchangeList l where l.termId = :term",
                ExchangeList.class).setParameter("term", termId).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
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
        return list;
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
        return new ListWithProgress(visible.list(), progress(visible.list()));
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
        Instant now = Instant.now(clock);
        List<ExchangeEntry> offers = new ArrayList<>();
        for (int i = 0; i < prisonerIds.size(); i++) {
            UUID id = prisonerIds.get(i);
            HeldPrisoner prisoner = entityManager.find(HeldPrisoner.class, id);
            if (prisoner == null || !prisoner.detainingParty().equals(list.detainingParty())) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Not a prisoner " + list.detainingParty() + " holds");
            }
            if (!prisoner.partyOfOrigin().equals(list.receivingParty()) || prisoner.status() != PrisonerStatus.HELD) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Only prisoners held from " + list.receivingParty()
                        + " are offered to it");
            }
            if (alreadyOffered(list, id)) {
                throw new RuleViolation("prisonerIds[" + i + "]", "Offered on this list already");
            }
            String unmet = Eligibility.unmet(list.category(), list.referenceDate(), prisoner.dateOfBirth(),
                    prisoner.capturedOn(), findingOnReferenceDate(prisoner.id(), list.referenceDate())).orElse(null);
            ExchangeEntry offer = ExchangeEntry.offer(list, prisoner, unmet, caller.organisation(), now);
            entityManager.persist(offer);
            record(list, offer, new ExchangeEntry.Change(null, offer.status(), unmet), now);
            offers.add(offer);
        }
        List<ExchangeEntry> open = openEntries(list, ExchangeEntry.Kind.REQUEST);
        for (ExchangeEntry offer : offers) {
            matchAgainst(list, offer, open, now);
        }
        audit.record("exchange-list.offer", "exchange_list", listId + ":" + offers.size());
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
        if (persons.isEmpty() || persons.size() > MAX_REQUESTS) {
            throw new RuleViolation("requests", "From 1 to " + MAX_REQUESTS + " requests at a time");
        }
        Instant now = Instant.now(clock);
        List<ExchangeEntry> offers = openEntries(list, ExchangeEntry.Kind.OFFER);
        List<ExchangeEntry> requests = new ArrayList<>();
        for (RequestedPerson person : persons) {
            ExchangeEntry request = ExchangeEntry.request(list, person, caller.organisation(), now);
            entityManager.persist(request);
            record(list, request, new ExchangeEntry.Change(null, EntryStatus.REQUESTED, null), now);
            if (!matchAgainst(list, request, offers, now)) {
                answerFromRecords(list, request, now);
            }
            requests.add(request);
        }
        audit.record("exchange-list.request", "exchange_list", listId + ":" + requests.size());
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
        visible.list().nextRound();
        audit.record("exchange-list.round", "exchange_list", listId + ":" + visible.list().round());
        return visible.list();
    }

    /** The detaining party's answer to a request it holds no offer for, with its reason. */
    public ExchangeEntry answer(UUID listId, UUID entryId, EntryStatus answer, String reason) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireDetainingCoordinator(visible, "answers requests");
        ExchangeEntry entry = entryOf(visible.list(), entryId);
        record(visible.list(), entry, entry.answered(answer, reason), Instant.now(clock));
        audit.record("exchange-list.answer", "exchange_entry", entryId.toString());
        return entry;
    }

    /** The escorting intermediary's verification of an offered prisoner: identity and free will, or he declines. */
    public ExchangeEntry verify(UUID listId, UUID entryId, boolean consents, String reason) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireEscort(visible);
        ExchangeEntry entry = entryOf(visible.list(), entryId);
        record(visible.list(), entry, entry.verified(consents, reason), Instant.now(clock));
        audit.record("exchange-list.verify", "exchange_entry", entryId.toString());
        return entry;
    }

    /** The matches waiting for the detaining party (the list's parties read them). */
    public List<MatchReview> reviews(UUID listId, MatchReview.Status status) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.NONE);
        access.requireEntryReader(visible);
        return entityManager.createQuery("select r from MatchReview r where r.listId = :list and r.status = :status"
                        + " order by r.openedAt, r.id", MatchReview.class)
                .setParameter("list", listId).setParameter("status", status).getResultList();
    }

    /** The detaining party confirms a probable match (both entries MATCHED) or rejects it (the request stays open). */
    public MatchReview decide(UUID listId, UUID reviewId, boolean confirm) {
        ExchangeAccess.Visible visible = access.visible(listId, LockModeType.PESSIMISTIC_WRITE);
        access.requireDetainingCoordinator(visible, "decides matches");
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
     * Where the term stands, counted from the records: the prisoners held from the receiving party on the
     * reference date who qualify, and of them the released, the declined and the dead; what is offered and
     * verified; what remains. An all-for-all term is complete when nothing remains.
     */
    ExchangeProgress progress(ExchangeList list) {
        List<HeldPrisoner> held = entityManager.createQuery("select p from HeldPrisoner p where p.detainingParty = :d"
                        + " and p.partyOfOrigin = :o and p.capturedOn <= :ref", HeldPrisoner.class)
                .setParameter("d", list.detainingParty()).setParameter("o", list.receivingParty())
                .setParameter("ref", list.referenceDate()).getResultList();
        Map<UUID, EntryStatus> offerStatus = new HashMap<>();
        long offered = 0;
        long verified = 0;
        for (ExchangeEntry offer : entityManager.createQuery("select e from ExchangeEntry e where e.listId = :list"
                + " and e.kind = :offer", ExchangeEntry.class).setParameter("list", list.id())
                .setParameter("offer", ExchangeEntry.Kind.OFFER).getResultList()) {
            offerStatus.put(offer.prisonerId(), offer.status());
            offered += offer.status() == EntryStatus.NOT_ELIGIBLE ? 0 : 1;
            verified += switch (offer.status()) {
                case ICRC_VERIFIED, SCHEDULED, RELEASED -> 1;
                default -> 0;
            };
        }
        long eligible = 0;
        long released = 0;
        long declined = 0;
        long died = 0;
        for (HeldPrisoner prisoner : held) {
            boolean heldOnReferenceDate = (prisoner.diedOn() == null || prisoner.diedOn().isAfter(list.referenceDate()))
                    && (prisoner.releasedOn() == null || prisoner.releasedOn().isAfter(list.referenceDate()));
            if (!heldOnReferenceDate || Eligibility.unmet(list.category(), list.referenceDate(), prisoner.dateOfBirth(),
                    prisoner.capturedOn(), findingOnReferenceDate(prisoner.id(), list.referenceDate())).isPresent()) {
                continue;
            }
            eligible++;
            if (prisoner.status() == PrisonerStatus.RELEASED) {
                released++;
            } else if (prisoner.status() == PrisonerStatus.DIED) {
                died++;
            } else if (offerStatus.get(prisoner.id()) == EntryStatus.DECLINES_REPATRIATION) {
                declined++;
            }
        }
        long remaining = eligible - released - declined - died;
        return new ExchangeProgress(list.round(), eligible, offered, verified, released, declined, died, remaining,
                remaining == 0);
    }

    /** The commission's latest decision made on or before the reference date, or null (a later one does not count). */
    private Boolean findingOnReferenceDate(UUID prisonerId, LocalDate referenceDate) {
        return entityManager.createQuery("select f.seriouslyWoundedOrSick from MedicalFinding f where f.prisonerId = :id"
                        + " and f.decidedOn <= :ref order by f.decidedOn desc, f.recordedAt desc", Boolean.class)
                .setParameter("id", prisonerId).setParameter("ref", referenceDate).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Matches {@code entry} against {@code candidates} of the other kind not yet matched: a sure match links both,
     * a probable or conflicting one opens a review for the detaining party. True when it was linked or sent to
     * review, so that nothing else answers it meanwhile.
     */
    private boolean matchAgainst(ExchangeList list, ExchangeEntry entry, List<ExchangeEntry> candidates, Instant now) {
        ExchangeEntry best = null;
        RecordComparison.Result bestResult = null;
        for (ExchangeEntry candidate : candidates) {
            if (candidate.matchedEntryId() != null) {
                continue;
            }
            RecordComparison.Result result = RecordComparison.compare(entry.particulars(), candidate.particulars());
            if (bestResult == null || result.outcome().isStrongerThan(bestResult.outcome())) {
                best = candidate;
                bestResult = result;
            }
        }
        if (best == null || bestResult.outcome() == LinkageOutcome.NO_MATCH) {
            return false;
        }
        ExchangeEntry request = entry.kind() == ExchangeEntry.Kind.REQUEST ? entry : best;
        ExchangeEntry offer = entry.kind() == ExchangeEntry.Kind.OFFER ? entry : best;
        if (bestResult.outcome() == LinkageOutcome.MATCHED) {
            link(list, request, offer, "matched: " + String.join("; ", bestResult.agreed()), now);
            return true;
        }
        entityManager.persist(new MatchReview(list.id(), request.id(), offer.id(), bestResult.outcome(),
                bestResult.agreed(), now));
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
                record(list, request, change, now);
                return;
            }
        }
    }

    private void link(ExchangeList list, ExchangeEntry request, ExchangeEntry offer, String reason, Instant now) {
        record(list, request, request.matchedWith(offer, reason), now);
        record(list, offer, offer.matchedWith(request, reason), now);
    }

    private void record(ExchangeList list, ExchangeEntry entry, ExchangeEntry.Change change, Instant now) {
        entityManager.persist(new EntryChange(entry.id(), list.round(), change.from(), change.to(), change.reason(),
                caller.subject(), caller.organisation(), now));
    }

    private List<ExchangeEntry> openEntries(ExchangeList list, ExchangeEntry.Kind kind) {
        return entityManager.createQuery("select e from ExchangeEntry e where e.listId = :list and e.kind = :kind"
                        + " and e.matchedEntryId is null and e.status in :open", ExchangeEntry.class)
                .setParameter("list", list.id()).setParameter("kind", kind)
                .setParameter("open", kind == ExchangeEntry.Kind.REQUEST ? List.of(EntryStatus.REQUESTED)
                        : List.of(EntryStatus.OFFERED, EntryStatus.NOT_ELIGIBLE))
                .getResultList();
    }

    private boolean alreadyOffered(ExchangeList list, UUID prisonerId) {
        return !entityManager.createQuery("select e.id from ExchangeEntry e where e.listId = :list and e.prisonerId = :p",
                UUID.class).setParameter("list", list.id()).setParameter("p", prisonerId).getResultList().isEmpty();
    }

    private ExchangeEntry entryOf(ExchangeList list, UUID entryId) {
        ExchangeEntry entry = entityManager.find(ExchangeEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || !entry.listId().equals(list.id())) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        return entry;
    }
}

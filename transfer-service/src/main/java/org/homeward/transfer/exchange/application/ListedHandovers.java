package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.Particulars;
import org.homeward.platform.linkage.RecordComparison;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.application.AgreementSnapshot;
import org.homeward.transfer.application.HandoverLists;
import org.homeward.transfer.application.StoredItem;
import org.homeward.transfer.exchange.EntryStatus;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.RowError;
import org.homeward.transfer.prisoners.HeldPrisoner;
import org.homeward.transfer.prisoners.application.PrisonerCounts;
import org.homeward.transfer.prisoners.messaging.PrisonersHeldEvents;
import org.homeward.transfer.readmodel.AgreementView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The exchange lists as a prisoners' handover meets them (DESIGN.md 10). A person goes on the manifest of a listed
 * term only as a prisoner offered on its list, found by his service number and compared with the record (a
 * manifest that names someone else under that number is refused), who qualifies under the term and, where the
 * agreement names intermediaries, was verified by one. The stored manifest schedules each on the transfer; the
 * reconciliation that finds him received releases him (the entry, every other offer of him, the request it is
 * matched to, and the detaining party's record), and one who does not arrive returns to where he stood.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ListedHandovers implements HandoverLists {

    private final EntityManager entityManager;
    private final EntryHistory history;
    private final ListProgress progress;
    private final PrisonerCounts counts;
    private final Clock clock;

    public ListedHandovers(EntityManager entityManager, EntryHistory history, ListProgress progress,
                           PrisonerCounts counts, Clock clock) {
        this.entityManager = entityManager;
        this.history = history;
        this.progress = progress;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public List<RowError> refusals(Transfer transfer, List<ManifestItem> manifest) {
        // Locked from the check to the scheduling: no verification or answer changes an entry in between.
        Map<UUID, ExchangeList> lists = listsOf(transfer, LockModeType.PESSIMISTIC_WRITE);
        if (lists.isEmpty()) {
            return List.of();
        }
        boolean verificationRequired = !agreementOf(transfer).intermediariesOrEmpty().isEmpty();
        Offers offers = offersFor(lists, manifest);
        Set<UUID> scheduledElsewhere = scheduledElsewhere(transfer, offers.prisonerIds());
        List<RowError> refusals = new ArrayList<>();
        Map<UUID, Integer> firstItemOf = new HashMap<>();
        for (int i = 0; i < manifest.size(); i++) {
            ManifestItem item = manifest.get(i);
            ExchangeList list = lists.get(item.termId());
            if (list == null) {
                continue;
            }
            int number = i + 1;
            List<ExchangeEntry> found = offers.of(list, serviceNumberKey(item));
            String refusal;
            if (found.isEmpty()) {
                refusal = "Not on the agreed exchange list of its term: no prisoner offered on it has this service number";
            } else if (found.size() > 1) {
                refusal = "More than one prisoner offered on the list has this service number: the detaining party's"
                        + " records must tell them apart first";
            } else {
                ExchangeEntry offer = found.get(0);
                Integer first = firstItemOf.putIfAbsent(offer.prisonerId(), number);
                refusal = first != null ? "The same prisoner as item " + first
                        : refusal(transfer, item, offer, offers.prisoner(offer), verificationRequired,
                        scheduledElsewhere.contains(offer.prisonerId()));
            }
            if (refusal != null) {
                refusals.add(new RowError("rows[" + number + "].serviceNumber", refusal + " (item " + number + ")"));
            }
        }
        return refusals;
    }

    private static String refusal(Transfer transfer, ManifestItem item, ExchangeEntry offer, HeldPrisoner prisoner,
                                  boolean verificationRequired, boolean scheduledElsewhere) {
        LinkageOutcome outcome = RecordComparison.compare(particulars(item), prisoner.particulars()).outcome();
        if (outcome != LinkageOutcome.MATCHED) {
            return "Does not match the record of the prisoner offered under this service number (" + outcome + ")";
        }
        if (offer.unmetRule() != null) {
            return "Does not qualify under the term: " + offer.unmetRule();
        }
        if (scheduledElsewhere) {
            return "Scheduled on another transfer already";
        }
        EntryStatus standing = offer.standingFor(transfer.id());
        return switch (standing) {
            case ICRC_VERIFIED -> null;
            case OFFERED, MATCHED -> verificationRequired
                    ? "Not yet verified by the escorting intermediary (identity and consent to repatriation)" : null;
            case DECLINES_REPATRIATION -> "Declines repatriation (GC III Art. 109)";
            case SCHEDULED -> "Scheduled on another transfer already";
            case RELEASED -> "Released already";
            case DIED -> "Died in captivity";
            default -> "Not eligible under the term";
        };
    }

    @Override
    public Map<String, String> schedule(Transfer transfer, List<StoredItem> items) {
        Map<UUID, ExchangeList> lists = listsOf(transfer, LockModeType.PESSIMISTIC_WRITE);
        Map<String, String> verifiedBy = new LinkedHashMap<>();
        if (lists.isEmpty()) {
            return verifiedBy;
        }
        Instant now = Instant.now(clock);
        Map<UUID, ExchangeEntry> before = new HashMap<>();
        scheduledOn(transfer).forEach(entry -> before.put(entry.id(), entry));
        List<StoredItem> listed = items.stream()
                .filter(item -> item.declared() && lists.containsKey(item.item().termId())).toList();
        Offers offers = offersFor(lists, listed.stream().map(StoredItem::item).toList());
        for (StoredItem item : listed) {
            ExchangeList list = lists.get(item.item().termId());
            ExchangeEntry offer = offers.of(list, serviceNumberKey(item.item())).get(0);
            if (before.remove(offer.id()) != null) {
                // On the manifest before and still: the replaced manifest's item is this one now.
                offer.carriedBy(item.itemId());
            } else {
                history.record(list, offer, offer.scheduled(transfer.id(), item.itemId(), "on the manifest of transfer "
                        + transfer.id()), now);
            }
            // Consent on the manifest is the escort's to confirm: its own verification on the list stands for it.
            if (offer.verifiedByOrganisation() != null && offer.verifiedByOrganisation().equals(transfer.escortOrganisation())) {
                verifiedBy.put(item.item().tag(), offer.verifiedByOrganisation());
            }
        }
        returnToLists(before.values(), "taken off the manifest of transfer " + transfer.id(), now);
        return verifiedBy;
    }

    @Override
    public void released(Transfer transfer, List<StoredItem> received, LocalDate on) {
        List<UUID> itemIds = received.stream().map(StoredItem::itemId).toList();
        if (itemIds.isEmpty()) {
            return;
        }
        // Ids only first: the locks come in the order every writer takes them (the prisoners, sorted, then the lists,
        // then the counts' lock), and the entries are read once they are held.
        List<UUID> prisonerIds = entityManager.createQuery("select e.prisonerId from ExchangeEntry e where"
                        + " e.scheduledTransferId = :t and e.scheduledItemId in :items order by e.prisonerId", UUID.class)
                .setParameter("t", transfer.id()).setParameter("items", itemIds).getResultList();
        if (prisonerIds.isEmpty()) {
            return;
        }
        Map<UUID, HeldPrisoner> prisoners = new HashMap<>();
        entityManager.createQuery("select p from HeldPrisoner p where p.id in :ids order by p.id", HeldPrisoner.class)
                .setParameter("ids", prisonerIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .forEach(p -> prisoners.put(p.id(), p));
        // Every list between the two parties: a released man's other offers, on the lists of other terms, follow too.
        List<ExchangeList> lists = entityManager.createQuery("select l from ExchangeList l where l.detainingParty = :d"
                        + " and l.receivingParty = :r order by l.id", ExchangeList.class)
                .setParameter("d", transfer.fromParty()).setParameter("r", transfer.toParty())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Set<UUID> itemSet = new HashSet<>(itemIds);
        List<ExchangeEntry> carried = scheduledOn(transfer).stream()
                .filter(entry -> itemSet.contains(entry.scheduledItemId())).toList();
        Instant now = Instant.now(clock);
        String why = "received with transfer " + transfer.id() + " on " + on;
        for (ExchangeEntry offer : carried) {
            record(offer, offer.released(why), now);
            prisoners.get(offer.prisonerId()).released(on);
        }
        for (ExchangeEntry other : entityManager.createQuery("select e from ExchangeEntry e where e.prisonerId in :ids",
                ExchangeEntry.class).setParameter("ids", prisonerIds).getResultList()) {
            record(other, other.released(why + " (under another term)"), now);
        }
        followMatchedRequests(prisonerIds, now);
        counts.publish(PrisonersHeldEvents.RELEASED, transfer.fromParty(), Set.of(transfer.toParty()));
        progress.announceLists(lists);
    }

    @Override
    public void notCarried(Transfer transfer, List<StoredItem> items, String why) {
        Set<UUID> itemIds = new HashSet<>();
        items.forEach(item -> itemIds.add(item.itemId()));
        if (itemIds.isEmpty() || listsOf(transfer, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
            return;
        }
        returnToLists(scheduledOn(transfer).stream().filter(offer -> itemIds.contains(offer.scheduledItemId())).toList(),
                why, Instant.now(clock));
    }

    @Override
    public int diedOnManifest(Transfer transfer) {
        // Item ids are new with each manifest: an entry of a replaced one joins nothing.
        return ((Number) entityManager.createNativeQuery("select count(*) from exchange_entry e join manifest_item m"
                        + " on m.item_id = e.scheduled_item_id where e.scheduled_transfer_id = ?1 and e.status = 'DIED'")
                .setParameter(1, transfer.id()).getSingleResult()).intValue();
    }

    /**
     * Offers that will not go with the transfer return to where the records put them, and the requests matched to
     * them follow; an identity check of a person who did not arrive flags neither.
     */
    private void returnToLists(Collection<ExchangeEntry> offers, String why, Instant now) {
        for (ExchangeEntry offer : offers) {
            ExchangeEntry.Change change = offer.unscheduled(why);
            if (change == null) {
                continue;
            }
            record(offer, change, now);
            if (offer.matchedEntryId() != null) {
                ExchangeEntry request = entityManager.find(ExchangeEntry.class, offer.matchedEntryId());
                request.identityCheckVoid();
                record(request, request.followed(offer), now);
            }
        }
    }

    @Override
    public void consentChanged(Transfer transfer, List<StoredItem> items, boolean consents, String organisation) {
        Set<UUID> itemIds = new HashSet<>();
        items.forEach(item -> itemIds.add(item.itemId()));
        if (itemIds.isEmpty() || listsOf(transfer, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        String why = (consents ? "consent to repatriation confirmed" : "consent to repatriation withdrawn")
                + " on the manifest of transfer " + transfer.id();
        for (ExchangeEntry offer : scheduledOn(transfer)) {
            if (itemIds.contains(offer.scheduledItemId())) {
                record(offer, offer.consentOnManifest(consents, organisation, why), now);
            }
        }
    }

    /**
     * identification-service checked the released person carried by {@code itemId} against the receiving party's
     * register: his offer (and the request matched to it) is flagged while the check stands at CONFLICT. Called by a
     * consumer, so the history names the checking service, not a caller. Items of transfers without lists have no
     * entry: nothing to do.
     */
    public void identityChecked(UUID itemId, UUID checkId, long sequence, boolean conflict) {
        List<ExchangeEntry> offers = entityManager.createQuery("select e from ExchangeEntry e where e.scheduledItemId"
                + " = :item", ExchangeEntry.class).setParameter("item", itemId).getResultList();
        if (offers.isEmpty()) {
            return;
        }
        ExchangeEntry offer = offers.get(0);
        ExchangeList list = entityManager.find(ExchangeList.class, offer.listId(), LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        if (!offer.identityChecked(sequence, conflict)) {
            return;
        }
        String why = conflict ? "identity check " + checkId + " came out CONFLICT with the receiving party's register"
                : "identity check " + checkId + " no longer in conflict";
        Instant now = Instant.now(clock);
        ExchangeEntry.Change flagged = new ExchangeEntry.Change(offer.status(), offer.status(), why);
        history.recordBy(list, offer, flagged, PrisonerCheckActor.SUBJECT, PrisonerCheckActor.ORGANISATION, now);
        if (offer.matchedEntryId() != null) {
            ExchangeEntry request = entityManager.find(ExchangeEntry.class, offer.matchedEntryId(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (request.identityChecked(sequence, conflict)) {
                history.recordBy(list, request, new ExchangeEntry.Change(request.status(), request.status(), why),
                        PrisonerCheckActor.SUBJECT, PrisonerCheckActor.ORGANISATION, now);
            }
        }
    }

    /** Who the history names for what identification-service's checks change. */
    private static final class PrisonerCheckActor {
        static final String SUBJECT = "identification-service";
        static final String ORGANISATION = "homeward";
    }

    /** The requests matched to a released man's offers say he came home too. */
    private void followMatchedRequests(Collection<UUID> prisonerIds, Instant now) {
        for (Object[] pair : entityManager.createQuery("select r, o from ExchangeEntry r, ExchangeEntry o"
                + " where r.matchedEntryId = o.id and o.prisonerId in :ids", Object[].class)
                .setParameter("ids", prisonerIds).getResultList()) {
            ExchangeEntry request = (ExchangeEntry) pair[0];
            record(request, request.followed((ExchangeEntry) pair[1]), now);
        }
    }

    private void record(ExchangeEntry entry, ExchangeEntry.Change change, Instant now) {
        if (change != null) {
            history.record(entityManager.find(ExchangeList.class, entry.listId()), entry, change, now);
        }
    }

    /** The lists of the transfer's terms, by term. */
    private Map<UUID, ExchangeList> listsOf(Transfer transfer, LockModeType lock) {
        Map<UUID, ExchangeList> byTerm = new HashMap<>();
        entityManager.createQuery("select l from ExchangeList l where l.termId in :terms order by l.id",
                        ExchangeList.class)
                .setParameter("terms", transfer.termIds()).setLockMode(lock).getResultList()
                .forEach(list -> byTerm.put(list.termId(), list));
        return byTerm;
    }

    private List<ExchangeEntry> scheduledOn(Transfer transfer) {
        return entityManager.createQuery("select e from ExchangeEntry e where e.scheduledTransferId = :t",
                ExchangeEntry.class).setParameter("t", transfer.id()).getResultList();
    }

    /** Prisoners among {@code prisonerIds} scheduled, on any list, on a transfer other than this one. */
    private Set<UUID> scheduledElsewhere(Transfer transfer, Set<UUID> prisonerIds) {
        if (prisonerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("select e.prisonerId from ExchangeEntry e where e.prisonerId in"
                        + " :ids and e.status = :scheduled and e.scheduledTransferId <> :t", UUID.class)
                .setParameter("ids", prisonerIds).setParameter("scheduled", EntryStatus.SCHEDULED)
                .setParameter("t", transfer.id()).getResultList());
    }

    private AgreementSnapshot agreementOf(Transfer transfer) {
        AgreementView view = entityManager.find(AgreementView.class, transfer.agreementId());
        return AgreementSnapshot.of(view);
    }

    /** The offers on the lists under the service numbers of the items, with their prisoners, in two queries. */
    private Offers offersFor(Map<UUID, ExchangeList> lists, List<ManifestItem> items) {
        Set<String> numbers = new HashSet<>();
        items.forEach(item -> {
            String key = serviceNumberKey(item);
            if (key != null) {
                numbers.add(key);
            }
        });
        Offers offers = new Offers();
        if (numbers.isEmpty()) {
            return offers;
        }
        List<UUID> listIds = lists.values().stream().map(ExchangeList::id).toList();
        for (ExchangeEntry offer : entityManager.createQuery("select e from ExchangeEntry e where e.listId in :lists"
                        + " and e.kind = :offer and e.serviceNumberKey in :numbers", ExchangeEntry.class)
                .setParameter("lists", listIds).setParameter("offer", ExchangeEntry.Kind.OFFER)
                .setParameter("numbers", numbers).getResultList()) {
            offers.byListAndNumber.computeIfAbsent(offer.listId() + "|" + offer.particulars().serviceNumber(),
                    key -> new ArrayList<>()).add(offer);
        }
        Set<UUID> prisonerIds = offers.prisonerIds();
        if (!prisonerIds.isEmpty()) {
            entityManager.createQuery("select p from HeldPrisoner p where p.id in :ids", HeldPrisoner.class)
                    .setParameter("ids", prisonerIds).getResultList().forEach(p -> offers.prisoners.put(p.id(), p));
        }
        return offers;
    }

    private static final class Offers {
        private final Map<String, List<ExchangeEntry>> byListAndNumber = new HashMap<>();
        private final Map<UUID, HeldPrisoner> prisoners = new HashMap<>();

        List<ExchangeEntry> of(ExchangeList list, String serviceNumberKey) {
            return serviceNumberKey == null ? List.of()
                    : byListAndNumber.getOrDefault(list.id() + "|" + serviceNumberKey, List.of());
        }

        HeldPrisoner prisoner(ExchangeEntry offer) {
            return prisoners.get(offer.prisonerId());
        }

        Set<UUID> prisonerIds() {
            Set<UUID> ids = new HashSet<>();
            byListAndNumber.values().forEach(offers -> offers.forEach(offer -> ids.add(offer.prisonerId())));
            return ids;
        }
    }

    private static String serviceNumberKey(ManifestItem item) {
        return item.serviceNumber() == null ? null : Particulars.serviceNumberKey(item.serviceNumber());
    }

    private static Particulars particulars(ManifestItem item) {
        LocalDate born = item.dateOfBirth();
        BirthDate birthDate = born == null ? BirthDate.UNKNOWN
                : new BirthDate(born.getYear(), born.getMonthValue(), born.getDayOfMonth());
        return Particulars.of(item.surname(), item.firstNames(), null, birthDate, item.serviceNumber());
    }
}

package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.transfer.TermCount;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ExtraItem;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.Reconciliation;
import org.homeward.transfer.manifest.ReconciliationOutcome;
import org.homeward.transfer.messaging.ItemRecords;
import org.homeward.transfer.messaging.TransferEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The handover itself: the sending side confirms dispatch with a count, the receiving side records the
 * count that arrived and then accounts for every item. Items established as arrived are announced to
 * identification-service on the restricted topic in the same transaction, each exactly once; an item
 * announced at a full receipt that the reconciliation finds missing is withdrawn the same way.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class HandoverService {

    private final TransferAccess access;
    private final TransferTerms terms;
    private final ManifestItems items;
    private final TransferEvents events;
    private final ItemRecords itemRecords;
    private final AuditLog audit;
    private final HandoverLists lists;
    private final Clock clock;

    public HandoverService(TransferAccess access, TransferTerms terms, ManifestItems items, TransferEvents events,
                           ItemRecords itemRecords, AuditLog audit, HandoverLists lists, Clock clock) {
        this.access = access;
        this.terms = terms;
        this.items = items;
        this.events = events;
        this.itemRecords = itemRecords;
        this.audit = audit;
        this.lists = lists;
        this.clock = clock;
    }

    /**
     * @param dispatchedAt when the handover left; now when omitted
     */
    public Transfer dispatch(UUID id, int count, Instant dispatchedAt) {
        Transfer transfer = access.visible(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireCoordinatorOf(transfer.fromParty(), "(the sending party) confirms dispatch");
        int dead = transfer.kind() == TransferKind.PRISONERS ? lists.diedOnManifest(transfer) : 0;
        if (dead > 0) {
            throw new RuleViolation("manifest", dead + " person(s) on the manifest died in captivity since it was"
                    + " submitted: replace the manifest without them");
        }
        Instant now = Instant.now(clock);
        transfer.dispatch(count, dispatchedAt == null ? now : dispatchedAt, now);
        events.publish(TransferEvents.DISPATCHED, transfer);
        audit.record("transfer.dispatch", "transfer", id.toString());
        return transfer;
    }

    /**
     * @param perTerm the count per term; may be omitted when the transfer fulfils a single term
     */
    public Transfer recordReceipt(UUID id, int count, Map<UUID, Integer> perTerm, Instant receivedAt) {
        Transfer transfer = access.visible(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireCoordinatorOf(transfer.toParty(), "(the receiving party) records receipt");
        Map<UUID, Integer> counts = perTerm;
        if (counts == null || counts.isEmpty()) {
            if (transfer.termIds().size() != 1) {
                throw new RuleViolation("terms", "The transfer fulfils several terms: give the count received per term");
            }
            counts = Map.of(transfer.termIds().get(0), count);
        } else if (counts.values().stream().mapToInt(Integer::intValue).sum() != count) {
            throw new RuleViolation("terms", "The counts per term do not add up to the count received");
        }
        Instant now = Instant.now(clock);
        boolean allArrived = transfer.recordReceipt(counts, receivedAt == null ? now : receivedAt, now);
        events.publish(TransferEvents.RECEIVED, transfer);
        if (allArrived) {
            announceArrivals(transfer, StoredItem::declared);
        }
        audit.record("transfer.receipt", "transfer", id.toString());
        return transfer;
    }

    public Transfer reconcile(UUID id, List<String> received, List<String> missing, List<ExtraItem> extras) {
        Transfer transfer = access.visible(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireCoordinatorOf(transfer.toParty(), "(the receiving party) reconciles the receipt");
        transfer.ensureReconcilable();
        List<StoredItem> stored = items.list(id);
        List<ManifestItem> manifest = stored.stream().filter(StoredItem::declared)
                .map(StoredItem::item).toList();
        ReconciliationOutcome outcome;
        try {
            outcome = new Reconciliation(manifest, terms.selectionFor(transfer))
                    .reconcile(received, missing, extras, transfer.countedAtReceipt(), transfer.allArrivedAtReceipt());
        } catch (ItemsRejected rejected) {
            throw ItemProblems.of("The reconciliation was rejected; nothing was stored", rejected);
        }
        items.recordReceipt(id, outcome.received(), StoredItem.RECEIVED);
        items.recordReceipt(id, outcome.missing(), StoredItem.MISSING);
        items.addExtras(id, outcome.extras(), stored.size());
        transfer.reconcile(outcome.receivedPerTerm(), outcome.state(), Instant.now(clock));
        events.publish(TransferEvents.RECONCILED, transfer);
        announceArrivals(transfer, StoredItem::reconciledAsArrived);
        announceWithdrawals(transfer);
        List<StoredItem> accounted = items.list(id);
        lists.released(transfer, accounted.stream().filter(item -> StoredItem.RECEIVED.equals(item.receipt())).toList(),
                transfer.receivedAt().atZone(ZoneId.of(transfer.handoverPoint().timeZone())).toLocalDate());
        lists.notCarried(transfer, accounted.stream().filter(item -> StoredItem.MISSING.equals(item.receipt())).toList(),
                "missing at the receipt of transfer " + id);
        audit.record("transfer.reconcile", "transfer", id.toString());
        return transfer;
    }

    /** The discrepancy report of a reconciled transfer, for the two parties and the escort; audited. */
    public ReconciliationReport report(UUID id) {
        Transfer transfer = access.withItems(id, LockModeType.NONE);
        if (transfer.reconciledAt() == null) {
            throw ProblemException.notFound("The reconciliation of transfer " + id);
        }
        List<StoredItem> stored = items.list(id);
        List<String> missing = tags(stored, item -> StoredItem.MISSING.equals(item.receipt()));
        List<String> extra = tags(stored, item -> !item.declared());
        int received = tags(stored, item -> StoredItem.RECEIVED.equals(item.receipt())).size();
        audit.record("transfer.reconciliation.read", "transfer", id.toString());
        return new ReconciliationReport(id, transfer.state().name(),
                transfer.termCounts().stream().mapToInt(TermCount::declared).sum(),
                transfer.termCounts().stream().mapToInt(TermCount::dispatched).sum(), transfer.countedAtReceipt(),
                received, missing.size(), extra.size(), missing, extra, transfer.termCounts(), transfer.receivedAt(),
                transfer.reconciledAt());
    }

    private void announceArrivals(Transfer transfer, Predicate<StoredItem> arrived) {
        List<StoredItem> due = items.list(transfer.id()).stream()
                .filter(item -> !item.arrivalPublished() && arrived.test(item)).toList();
        due.forEach(item -> itemRecords.arrived(transfer, item.itemId(), item.origin(), item.item(),
                item.itemSequence() + 1));
        items.markArrivalPublished(transfer.id(), due.stream().map(StoredItem::itemId).toList(), Instant.now(clock));
    }

    private void announceWithdrawals(Transfer transfer) {
        List<StoredItem> due = items.list(transfer.id()).stream().filter(StoredItem::announcedButMissing).toList();
        due.forEach(item -> itemRecords.withdrawn(transfer, item.itemId(), item.origin(), item.item(),
                item.itemSequence() + 1));
        items.markWithdrawalPublished(transfer.id(), due.stream().map(StoredItem::itemId).toList(), Instant.now(clock));
    }

    private static List<String> tags(List<StoredItem> stored, Predicate<StoredItem> which) {
        return stored.stream().filter(which).map(item -> item.item().tag()).toList();
    }
}

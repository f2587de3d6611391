package org.homeward.agreement.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.fulfilment.Fulfilment;
import org.homeward.agreement.fulfilment.FulfilmentCalculator;
import org.homeward.agreement.fulfilment.Grouping;
import org.homeward.agreement.messaging.AgreementEvents;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The fulfilment ledger, fed by transfer events. Each event carries a transfer's full state with absolute
 * counts per term; the ledger keeps the latest state per transfer, so duplicates, reordering and
 * corrections never double-count. After each change it announces terms that became fulfilled or fell
 * back, and reciprocal balances that left or re-entered their tolerance, and completes an agreement whose
 * every committed number was received.
 */
@ApplicationScoped
public class Ledger implements EventHandler {

    public static final String CONSUMER = "agreement-service.fulfilment-ledger";
    public static final String TOPIC = "homeward.transfer.events";
    private static final String TYPE_PREFIX = "transfer.transfer.";
    private static final String EXCHANGE_LIST_PROGRESSED = "transfer.exchange-list.progressed";

    private static final ObjectMapper READER = StrictJson.tolerantReader();

    private final EntityManager entityManager;
    private final LedgerRepository ledger;
    private final AgreementEvents events;
    private final Clock clock;

    public Ledger(EntityManager entityManager, LedgerRepository ledger, AgreementEvents events, Clock clock) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EXCHANGE_LIST_PROGRESSED.equals(event.type())) {
            applyExchangeList(event);
            return;
        }
        if (!event.type().startsWith(TYPE_PREFIX)) {
            return;
        }
        TransferStateMessage transfer = read(event);
        // Serialises ledger updates of one agreement across partitions and replicas.
        Agreement agreement = entityManager.find(Agreement.class, transfer.agreementId(), LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null) {
            throw new PoisonMessage("The transfer names an agreement this service does not know");
        }
        Set<UUID> knownTerms = new HashSet<>();
        agreement.versions().forEach(v -> v.terms().forEach(t -> knownTerms.add(t.id())));
        if (!transfer.terms().stream().allMatch(t -> knownTerms.contains(t.termId()))) {
            throw new PoisonMessage("The transfer names a term the agreement never had");
        }
        LocalDate receiptDate = transfer.receivedAt() == null ? null
                : transfer.receivedAt().atZone(zone(transfer)).toLocalDate();
        boolean stored = ledger.replaceIfNewer(transfer, receiptDate, event.data().toString(),
                "CANCELLED".equals(transfer.state()));
        if (stored) {
            reevaluate(agreement);
        }
    }

    /**
     * Where a prisoner term's exchange list stands (transfer-service counts it from its records): kept per list, the
     * latest sequence wins, so a duplicate or a late event changes nothing. Counts move no committed number: an
     * all-for-all term commits everyone, and whether it is complete is the list's to say.
     */
    private void applyExchangeList(CloudEvent event) {
        ExchangeListMessage list;
        try {
            list = READER.treeToValue(event.data(), ExchangeListMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessage("Exchange-list event data does not match its schema: " + e.getClass().getSimpleName());
        }
        if (!list.isComplete()) {
            throw new PoisonMessage("Exchange-list event data lacks a required field or has a negative count");
        }
        Agreement agreement = entityManager.find(Agreement.class, list.agreementId(), LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null) {
            throw new PoisonMessage("The exchange list names an agreement this service does not know");
        }
        boolean known = agreement.versions().stream()
                .anyMatch(v -> v.terms().stream().anyMatch(t -> t.id().equals(list.termId())));
        if (!known) {
            throw new PoisonMessage("The exchange list names a term the agreement never had");
        }
        ledger.replaceExchangeListIfNewer(list);
    }

    /** The fulfilment of an agreement's current terms, over all time and within a period. */
    public Fulfilment fulfilment(Agreement agreement, LocalDate from, LocalDate to, Grouping groupBy) {
        return FulfilmentCalculator.compute(agreement.currentVersion().terms(), ledger.lines(agreement.id()),
                ledger.exchangeLists(agreement.id()), from, to, groupBy, LocalDate.now(clock));
    }

    /**
     * Compares the agreement's fulfilment with what was last announced and announces each change once: a
     * term fulfilled or reopened, a balance leaving or re-entering its tolerance, the agreement completed
     * or (completed by the ledger) reopened. Called when a transfer event is applied and whenever the
     * agreement itself changes in a way that moves the numbers: activation, resumption, an adopted
     * amendment. The caller holds the agreement's row lock.
     */
    public void reevaluate(Agreement agreement) {
        Fulfilment fulfilment = fulfilment(agreement, null, null, Grouping.DAY);
        for (Fulfilment.TermProgress term : fulfilment.terms()) {
            if (term.committed() == null) {
                continue;
            }
            boolean announced = ledger.hasFlag(agreement.id(), term.termId(), LedgerRepository.FULFILLED);
            if (term.fulfilled() != announced) {
                ledger.setFlag(agreement.id(), term.termId(), LedgerRepository.FULFILLED, term.fulfilled());
                agreement.recordFulfilmentChange();
                events.termChanged(term.fulfilled() ? AgreementEvents.TERM_FULFILLED : AgreementEvents.TERM_REOPENED,
                        agreement, term.termId(), term.committed(), term.received());
            }
        }
        for (Fulfilment.ReciprocalBalance balance : fulfilment.balances()) {
            boolean announced = ledger.hasFlag(agreement.id(), balance.termId(), LedgerRepository.OUT_OF_TOLERANCE);
            if (balance.outOfTolerance() != announced) {
                ledger.setFlag(agreement.id(), balance.termId(), LedgerRepository.OUT_OF_TOLERANCE, balance.outOfTolerance());
                agreement.recordFulfilmentChange();
                events.balanceChanged(balance.outOfTolerance() ? AgreementEvents.BALANCE_OUT_OF_TOLERANCE
                                : AgreementEvents.BALANCE_WITHIN_TOLERANCE, agreement, balance.termId(),
                        balance.reciprocalTermId(), balance.balance(), balance.tolerance());
            }
        }
        Set<UUID> fulfilled = FulfilmentCalculator.fulfilledTerms(fulfilment);
        if (agreement.completeIfEveryQuantityFulfilled(fulfilled)) {
            events.publish(AgreementEvents.COMPLETED, agreement);
        } else if (agreement.reopenIfAQuantityIsNoLongerFulfilled(fulfilled)) {
            events.publish(AgreementEvents.REOPENED, agreement);
        }
    }

    private static ZoneId zone(TransferStateMessage transfer) {
        try {
            return ZoneId.of(transfer.handoverPoint().timeZone());
        } catch (DateTimeException e) {
            throw new PoisonMessage("The handover point's time zone is not an IANA zone id");
        }
    }

    private static TransferStateMessage read(CloudEvent event) {
        TransferStateMessage transfer;
        try {
            transfer = READER.treeToValue(event.data(), TransferStateMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessage("Transfer event data does not match its schema: " + e.getClass().getSimpleName());
        }
        if (!transfer.isComplete()) {
            throw new PoisonMessage("Transfer event data lacks a required field or has a negative count");
        }
        return transfer;
    }
}

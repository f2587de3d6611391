package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.PeriodGrouping;
import org.homeward.transfer.ReceiptPeriods;
import org.homeward.transfer.TermCount;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.TransferState;
import org.homeward.transfer.messaging.TransferEvents;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.AgreementViews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Use cases on transfers. Each write commits the change, its outbox event and its audit line together.
 * A plan is checked against transfer-service's read model of agreements (the agreement as last published).
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class TransferService {

    /** A summary spans at most a year: what a ministry reports, not an export. */
    static final int MAX_SUMMARY_DAYS = 366;
    /** The caller's scope: transfers it sends, receives or escorts, or mediates through the agreement. */
    private static final String VISIBLE_TO_CALLER = "(t.fromParty = :party or t.toParty = :party"
            + " or :organisation member of t.organisations)";

    private final EntityManager entityManager;
    private final AgreementViews agreements;
    private final TransferEvents events;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;
    private final TransferAccess access;
    private final ManifestItems items;
    private final HandoverLists lists;

    public TransferService(EntityManager entityManager, AgreementViews agreements, TransferEvents events,
                           AuditLog audit, Caller caller, Clock clock, TransferAccess access,
                           ManifestItems items, HandoverLists lists) {
        this.entityManager = entityManager;
        this.agreements = agreements;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.access = access;
        this.items = items;
        this.lists = lists;
    }

    /** A coordinator of either party plans a handover under an agreement it can see. */
    public Transfer plan(PlanTransfer command) {
        String party = caller.party().orElse(null);
        if (!caller.hasRole(Roles.COORDINATOR) || party == null
                || (!party.equals(command.fromParty()) && !party.equals(command.toParty()))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A coordinator of the sending or receiving party plans a handover");
        }
        AgreementView view = agreements.find(command.agreementId(), party, caller.organisation())
                .orElseThrow(() -> new RuleViolation("agreementId", "No such agreement is known here"));
        AgreementSnapshot agreement = AgreementSnapshot.of(view);
        agreement.ensureMayEscort(command.escortOrganisation());
        Transfer transfer = Transfer.plan(command.agreementId(), agreement.status(), agreement.mediatorsOrEmpty(),
                agreement.termsOrEmpty(),
                command.termIds(), command.kind(), command.fromParty(), command.toParty(),
                command.escortOrganisation(), command.handoverPoint(), command.scheduledAt(), caller.organisation(),
                Instant.now(clock));
        entityManager.persist(transfer);
        events.publish(TransferEvents.PLANNED, transfer);
        audit.record("transfer.plan", "transfer", transfer.id().toString());
        return transfer;
    }

    public Transfer cancel(UUID id, String reason) {
        Transfer transfer = access.visible(id, LockModeType.PESSIMISTIC_WRITE);
        if (!caller.hasRole(Roles.COORDINATOR) || !transfer.involvesParty(caller.party().orElse(""))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A coordinator of the sending or receiving party cancels");
        }
        transfer.cancel(reason);
        // The persons scheduled on it from exchange lists are free to go with another.
        lists.notCarried(transfer, items.list(id), "transfer " + id + " cancelled");
        events.publish(TransferEvents.CANCELLED, transfer);
        audit.record("transfer.cancel", "transfer", id.toString());
        return transfer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Transfer get(UUID id) {
        return access.visible(id, LockModeType.NONE);
    }

    /**
     * What arrived per period and direction among the transfers the caller may see, by receipt date in
     * each handover point's time zone (the basis of agreement-service's ledger).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReceiptPeriods.PeriodTotal> summary(LocalDate from, LocalDate to, PeriodGrouping grouping,
                                                    UUID agreementId) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_SUMMARY_DAYS) {
            throw new RuleViolation("to", "On or after 'from', and at most " + MAX_SUMMARY_DAYS + " days later");
        }
        // Time zones run from UTC-12 to UTC+14: a day's receipts lie within a day either side of UTC.
        Instant earliest = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant latest = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        var query = entityManager.createQuery("select t from Transfer t where " + VISIBLE_TO_CALLER
                        + " and t.receivedAt >= :earliest and t.receivedAt < :latest"
                        + (agreementId == null ? "" : " and t.agreementId = :agreementId"), Transfer.class)
                .setParameter("party", caller.party().orElse(""))
                .setParameter("organisation", caller.organisation())
                .setParameter("earliest", earliest)
                .setParameter("latest", latest);
        if (agreementId != null) {
            query.setParameter("agreementId", agreementId);
        }
        List<ReceiptPeriods.Receipt> receipts = query.getResultList().stream()
                .map(t -> new ReceiptPeriods.Receipt(t.fromParty(), t.toParty(), t.kind(), t.receivedAt(),
                        t.handoverPoint().timeZone(), t.manifestItems(),
                        t.termCounts().stream().mapToInt(TermCount::received).sum()))
                .toList();
        return ReceiptPeriods.summarise(receipts, grouping, from, to);
    }

    /** Transfers the caller sends, receives or escorts, or mediates through the agreement; newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Transfer> list(UUID agreementId, String partyFilter, TransferState state, Instant from, Instant to,
                               PageRequest page) {
        StringBuilder jpql = new StringBuilder("select t from Transfer t where " + VISIBLE_TO_CALLER);
        if (agreementId != null) {
            jpql.append(" and t.agreementId = :agreementId");
        }
        if (partyFilter != null) {
            jpql.append(" and (t.fromParty = :partyFilter or t.toParty = :partyFilter)");
        }
        if (state != null) {
            jpql.append(" and t.state = :state");
        }
        if (from != null) {
            jpql.append(" and t.scheduledAt >= :from");
        }
        if (to != null) {
            jpql.append(" and t.scheduledAt < :to");
        }
        jpql.append(" order by t.scheduledAt desc, t.id");
        var query = entityManager.createQuery(jpql.toString(), Transfer.class)
                .setParameter("party", caller.party().orElse(""))
                .setParameter("organisation", caller.organisation());
        if (agreementId != null) {
            query.setParameter("agreementId", agreementId);
        }
        if (partyFilter != null) {
            query.setParameter("partyFilter", partyFilter);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }
}

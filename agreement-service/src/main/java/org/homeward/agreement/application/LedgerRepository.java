package org.homeward.agreement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.agreement.fulfilment.ExchangeCounts;
import org.homeward.agreement.fulfilment.LedgerLine;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ledger tables: one row per transfer (latest sequence wins) and its counts per term. */
@ApplicationScoped
public class LedgerRepository {

    public static final String FULFILLED = "FULFILLED";
    public static final String OUT_OF_TOLERANCE = "OUT_OF_TOLERANCE";

    private final EntityManager entityManager;

    public LedgerRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the transfer's state if it is newer than what the ledger holds; returns whether it was.
     * The conditional upsert makes redelivered and out-of-order events no-ops.
     */
    public boolean replaceIfNewer(TransferStateMessage transfer, LocalDate receiptDate, String rawState,
                                  boolean countsVoid) {
        int changed = entityManager.createNativeQuery("""
                        insert into ledger_transfer (transfer_id, agreement_id, sequence, state, from_party, to_party,
                            time_zone, dispatched_at, received_at, receipt_date, last_event, updated_at)
                        values (:id, :agreement, :sequence, :state, :from, :to, :zone, :dispatched, :received,
                            :receiptDate, cast(:event as jsonb), :now)
                        on conflict (transfer_id) do update set agreement_id = excluded.agreement_id,
                            sequence = excluded.sequence, state = excluded.state, from_party = excluded.from_party,
                            to_party = excluded.to_party, time_zone = excluded.time_zone,
                            dispatched_at = excluded.dispatched_at, received_at = excluded.received_at,
                            receipt_date = excluded.receipt_date, last_event = excluded.last_event,
                            updated_at = excluded.updated_at
                        where ledger_transfer.sequence < excluded.sequence""")
                .setParameter("id", transfer.transferId())
                .setParameter("agreement", transfer.agreementId())
                .setParameter("sequence", transfer.sequence())
                .setParameter("state", transfer.state())
                .setParameter("from", transfer.fromParty())
                .setParameter("to", transfer.toParty())
                .setParameter("zone", transfer.handoverPoint().timeZone())
                .setParameter("dispatched", transfer.dispatchedAt())
                .setParameter("received", transfer.receivedAt())
                .setParameter("receiptDate", receiptDate)
                .setParameter("event", rawState)
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        entityManager.createNativeQuery("delete from ledger_entry where transfer_id = :id")
                .setParameter("id", transfer.transferId()).executeUpdate();
        for (TransferStateMessage.TermCount count : transfer.terms()) {
            entityManager.createNativeQuery("insert into ledger_entry (transfer_id, term_id, declared, dispatched, received)"
                            + " values (:id, :term, :declared, :dispatched, :received)")
                    .setParameter("id", transfer.transferId())
                    .setParameter("term", count.termId())
                    .setParameter("declared", countsVoid ? 0 : count.declared())
                    .setParameter("dispatched", countsVoid ? 0 : count.dispatched())
                    .setParameter("received", countsVoid ? 0 : count.received())
                    .executeUpdate();
        }
        return true;
    }

    /** Stores a list's counts if newer than what the ledger holds (a conditional upsert: redeliveries are no-ops). */
    public void replaceExchangeListIfNewer(ExchangeListMessage list) {
        entityManager.createNativeQuery("""
                        insert into ledger_exchange_list (list_id, agreement_id, term_id, sequence, round, eligible_held,
                            offered, verified, released, declined, died, remaining, complete, updated_at)
                        values (:list, :agreement, :term, :sequence, :round, :eligible, :offered, :verified, :released,
                            :declined, :died, :remaining, :complete, :now)
                        on conflict (list_id) do update set sequence = excluded.sequence, round = excluded.round,
                            eligible_held = excluded.eligible_held, offered = excluded.offered,
                            verified = excluded.verified, released = excluded.released, declined = excluded.declined,
                            died = excluded.died, remaining = excluded.remaining, complete = excluded.complete,
                            updated_at = excluded.updated_at
                        where ledger_exchange_list.sequence < excluded.sequence""")
                .setParameter("list", list.listId()).setParameter("agreement", list.agreementId())
                .setParameter("term", list.termId()).setParameter("sequence", list.sequence())
                .setParameter("round", list.round()).setParameter("eligible", list.eligibleHeld())
                .setParameter("offered", list.offered()).setParameter("verified", list.verified())
                .setParameter("released", list.released()).setParameter("declined", list.declined())
                .setParameter("died", list.died()).setParameter("remaining", list.remaining())
                .setParameter("complete", list.complete()).setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** The exchange lists' latest counts, by term (a term has one list). */
    public Map<UUID, ExchangeCounts> exchangeLists(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select term_id, round, eligible_held, offered, verified, released, declined, died, remaining,
                               complete
                        from ledger_exchange_list where agreement_id = :agreement""")
                .setParameter("agreement", agreementId).getResultList();
        Map<UUID, ExchangeCounts> byTerm = new HashMap<>();
        for (Object[] r : rows) {
            byTerm.put((UUID) r[0], new ExchangeCounts(((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), ((Number) r[8]).longValue(),
                    (Boolean) r[9]));
        }
        return byTerm;
    }

    public List<LedgerLine> lines(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select lt.transfer_id, le.term_id, lt.from_party, lt.to_party, lt.receipt_date,
                               le.declared, le.dispatched, le.received
                        from ledger_entry le join ledger_transfer lt on lt.transfer_id = le.transfer_id
                        where lt.agreement_id = :agreement""")
                .setParameter("agreement", agreementId).getResultList();
        return rows.stream().map(r -> new LedgerLine((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                toLocalDate(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue())).toList();
    }

    public boolean hasFlag(UUID agreementId, UUID termId, String kind) {
        return !entityManager.createNativeQuery(
                        "select 1 from ledger_flag where agreement_id = :a and term_id = :t and kind = :k")
                .setParameter("a", agreementId).setParameter("t", termId).setParameter("k", kind)
                .getResultList().isEmpty();
    }

    public void setFlag(UUID agreementId, UUID termId, String kind, boolean set) {
        String sql = set
                ? "insert into ledger_flag (agreement_id, term_id, kind) values (:a, :t, :k) on conflict do nothing"
                : "delete from ledger_flag where agreement_id = :a and term_id = :t and kind = :k";
        entityManager.createNativeQuery(sql)
                .setParameter("a", agreementId).setParameter("t", termId).setParameter("k", kind).executeUpdate();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}

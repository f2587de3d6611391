package org.homeward.agreement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.agreement.fulfilment.LedgerLine;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

package org.homeward.agreement.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.agreement.Agreement;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares the fulfilment ledger with what transfer-service reports from its own tables
 * ({@code transfer.agreement-totals.reported}). A transfer whose latest sequence the ledger has applied must
 * have the same counts per term in both; one the ledger has not caught up with yet is only counted as
 * behind. Differences are kept per agreement as of its last report, exposed as a metric and to operators.
 */
@ApplicationScoped
public class LedgerCrossCheck implements EventHandler {

    public static final String REPORTED = "transfer.agreement-totals.reported";
    public static final String CONSUMER = "agreement-service.ledger-cross-check";
    public static final String TOPIC = "homeward.transfer.agreement-totals";
    private static final ObjectMapper READER = StrictJson.tolerantReader();

    /** One difference: what the ledger holds against what transfer-service reported (null: absent there). */
    public record Discrepancy(UUID agreementId, UUID transferId, UUID termId, Integer ledgerDeclared,
                              Integer ledgerDispatched, Integer ledgerReceived, Integer reportedDeclared,
                              Integer reportedDispatched, Integer reportedReceived, long transferSequence,
                              Instant reportedAt) {
    }

    private record Counts(int declared, int dispatched, int received) {
    }

    private final EntityManager entityManager;
    private volatile long discrepancies;
    private volatile long receivedTotal;

    public LedgerCrossCheck(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("homeward.ledger.discrepancies", this, check -> check.discrepancies)
                .description("Ledger counts that differ from transfer-service's own report of the same transfers")
                .register(registry);
        Gauge.builder("homeward.ledger.received.total", this, check -> check.receivedTotal)
                .description("Bodies and persons received, as the ledger counts them").register(registry);
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
        if (REPORTED.equals(event.type())) {
            compare(event.data());
        }
    }

    /** Applies a report inside the inbox transaction: the differences of its agreement are replaced. */
    public void compare(JsonNode data) {
        TotalsReportMessage report = read(data);
        // The ledger consumer holds this lock while it applies a transfer event, so the comparison never
        // sees one transfer's counts half applied.
        if (entityManager.find(Agreement.class, report.agreementId(), LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new PoisonMessage("The report names an agreement this service does not know");
        }
        int newer = entityManager.createNativeQuery("insert into ledger_cross_check (agreement_id, report_sequence,"
                        + " reported_at, transfers_behind) values (:a, :s, :at, 0) on conflict (agreement_id) do update"
                        + " set report_sequence = excluded.report_sequence, reported_at = excluded.reported_at"
                        + " where ledger_cross_check.report_sequence < excluded.report_sequence")
                .setParameter("a", report.agreementId()).setParameter("s", report.sequence())
                .setParameter("at", report.asOf()).executeUpdate();
        if (newer == 0) {
            return; // an older report than one already applied
        }
        entityManager.createNativeQuery("delete from ledger_discrepancy where agreement_id = :a")
                .setParameter("a", report.agreementId()).executeUpdate();
        Map<UUID, Long> ledgerSequences = ledgerSequences(report.agreementId());
        int behind = 0;
        Set<UUID> reported = new HashSet<>();
        for (TotalsReportMessage.Transfer transfer : report.transfers()) {
            reported.add(transfer.transferId());
            Long applied = ledgerSequences.get(transfer.transferId());
            if (applied == null || applied < transfer.sequence()) {
                behind++; // the ledger has not consumed this transfer's latest event yet: not a difference
                continue;
            }
            if (applied > transfer.sequence()) {
                continue; // the report predates a state the ledger already holds
            }
            Map<UUID, Counts> ledger = ledgerCounts(transfer.transferId());
            Map<UUID, Counts> theirs = new HashMap<>();
            // The ledger counts a cancelled transfer as nothing, whatever its manifest declared.
            boolean cancelled = "CANCELLED".equals(transfer.state());
            transfer.terms().forEach(c -> theirs.put(c.termId(), cancelled ? new Counts(0, 0, 0)
                    : new Counts(c.declared(), c.dispatched(), c.received())));
            Set<UUID> terms = new HashSet<>(ledger.keySet());
            terms.addAll(theirs.keySet());
            for (UUID term : terms) {
                Counts mine = ledger.get(term);
                Counts other = theirs.get(term);
                if (mine == null || !mine.equals(other)) {
                    record(report, transfer.transferId(), term, mine, other, transfer.sequence());
                }
            }
        }
        Set<UUID> appliedAfterTheReport = appliedAfter(report.agreementId(), report.asOf());
        for (Map.Entry<UUID, Long> onlyInLedger : ledgerSequences.entrySet()) {
            // A transfer planned after the report was taken is not missing from it.
            if (!reported.contains(onlyInLedger.getKey()) && !appliedAfterTheReport.contains(onlyInLedger.getKey())) {
                ledgerCounts(onlyInLedger.getKey()).forEach((term, counts) ->
                        record(report, onlyInLedger.getKey(), term, counts, null, onlyInLedger.getValue()));
            }
        }
        entityManager.createNativeQuery("update ledger_cross_check set transfers_behind = :b where agreement_id = :a")
                .setParameter("b", behind).setParameter("a", report.agreementId()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Discrepancy> discrepancies() {
        List<Object[]> rows = entityManager.createNativeQuery("select agreement_id, transfer_id, term_id, ledger_declared,"
                + " ledger_dispatched, ledger_received, reported_declared, reported_dispatched, reported_received,"
                + " transfer_sequence, reported_at from ledger_discrepancy order by reported_at desc, agreement_id,"
                + " transfer_id, term_id").setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new Discrepancy((UUID) r[0], (UUID) r[1], (UUID) r[2], integer(r[3]), integer(r[4]),
                integer(r[5]), integer(r[6]), integer(r[7]), integer(r[8]), ((Number) r[9]).longValue(),
                instant(r[10]))).toList();
    }

    @Scheduled(every = "${homeward.ledger.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select (select count(*) from ledger_discrepancy), (select coalesce(sum(received), 0) from ledger_entry)")
                .getSingleResult());
        discrepancies = ((Number) row[0]).longValue();
        receivedTotal = ((Number) row[1]).longValue();
    }

    public long discrepancyCount() {
        return discrepancies;
    }

    private void record(TotalsReportMessage report, UUID transfer, UUID term, Counts ledger, Counts reported,
                        long sequence) {
        entityManager.createNativeQuery("insert into ledger_discrepancy (agreement_id, transfer_id, term_id,"
                        + " ledger_declared, ledger_dispatched, ledger_received, reported_declared, reported_dispatched,"
                        + " reported_received, transfer_sequence, reported_at) values (:a, :t, :term, :ld, :lp, :lr,"
                        + " :rd, :rp, :rr, :s, :at)")
                .setParameter("a", report.agreementId()).setParameter("t", transfer).setParameter("term", term)
                .setParameter("ld", ledger == null ? null : ledger.declared())
                .setParameter("lp", ledger == null ? null : ledger.dispatched())
                .setParameter("lr", ledger == null ? null : ledger.received())
                .setParameter("rd", reported == null ? null : reported.declared())
                .setParameter("rp", reported == null ? null : reported.dispatched())
                .setParameter("rr", reported == null ? null : reported.received())
                .setParameter("s", sequence).setParameter("at", report.asOf())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Long> ledgerSequences(UUID agreementId) {
        Map<UUID, Long> sequences = new HashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery(
                        "select transfer_id, sequence from ledger_transfer where agreement_id = :a")
                .setParameter("a", agreementId).getResultList())
                .forEach(r -> sequences.put((UUID) r[0], ((Number) r[1]).longValue()));
        return sequences;
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> appliedAfter(UUID agreementId, Instant asOf) {
        return new HashSet<>((List<UUID>) entityManager.createNativeQuery(
                        "select transfer_id from ledger_transfer where agreement_id = :a and updated_at > :asOf")
                .setParameter("a", agreementId).setParameter("asOf", asOf).getResultList());
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Counts> ledgerCounts(UUID transferId) {
        Map<UUID, Counts> counts = new HashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery(
                        "select term_id, declared, dispatched, received from ledger_entry where transfer_id = :t")
                .setParameter("t", transferId).getResultList())
                .forEach(r -> counts.put((UUID) r[0], new Counts(((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue())));
        return counts;
    }

    private static TotalsReportMessage read(JsonNode data) {
        TotalsReportMessage report;
        try {
            report = READER.treeToValue(data, TotalsReportMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessage("Totals report data does not match its schema: " + e.getClass().getSimpleName());
        }
        if (!report.isComplete()) {
            throw new PoisonMessage("Totals report data lacks a required field");
        }
        return report;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}

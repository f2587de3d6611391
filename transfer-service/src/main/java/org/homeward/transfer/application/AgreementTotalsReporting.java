package org.homeward.transfer.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.domain.AccessScope;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.messaging.AgreementTotals;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.ScopeEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reports each active, suspended or completed agreement's transfer totals, from this service's tables, on a
 * schedule. An agreement is reported by one replica at a time (advisory lock); each report commits with its
 * outbox row.
 */
@ApplicationScoped
public class AgreementTotalsReporting {

    private static final String REPORT_LOCK = "homeward-agreement-totals";

    private final EntityManager entityManager;
    private final AgreementTotals totals;
    private final Clock clock;

    public AgreementTotalsReporting(EntityManager entityManager, AgreementTotals totals, Clock clock) {
        this.entityManager = entityManager;
        this.totals = totals;
        this.clock = clock;
    }

    @Scheduled(every = "${homeward.totals.report-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reportOnSchedule() {
        reportAll();
    }

    /**
     * Reports every agreement that can receive transfers or was completed by them (a correction may still
     * arrive); returns how many were reported. Every replica may report: reports are applied latest-wins by
     * their sequence, so a second one costs a comparison, never a wrong result.
     */
    public int reportAll() {
        List<UUID> agreements = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select v.agreementId from AgreementView v where v.status in ('ACTIVE', 'SUSPENDED', 'COMPLETED')", UUID.class)
                .getResultList());
        int reported = 0;
        for (UUID agreement : agreements) {
            if (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> report(agreement)))) {
                reported++;
            }
        }
        return reported;
    }

    private boolean report(UUID agreementId) {
        Object turn = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:lock))")
                .setParameter("lock", REPORT_LOCK + "|" + agreementId).getSingleResult();
        AgreementView view = entityManager.find(AgreementView.class, agreementId);
        if (!Boolean.TRUE.equals(turn) || view == null) {
            return false;
        }
        List<Transfer> transfers = entityManager.createQuery(
                        "select t from Transfer t where t.agreementId = :agreement order by t.createdAt, t.id", Transfer.class)
                .setParameter("agreement", agreementId).getResultList();
        totals.report(agreementId, transfers, scopeOf(view), Instant.now(clock));
        return true;
    }

    private static AccessScope scopeOf(AgreementView view) {
        Set<String> parties = view.scope.stream().filter(e -> ScopeEntry.PARTY.equals(e.kind())).map(ScopeEntry::value)
                .collect(Collectors.toSet());
        Set<String> organisations = view.scope.stream().filter(e -> ScopeEntry.ORGANISATION.equals(e.kind()))
                .map(ScopeEntry::value).collect(Collectors.toSet());
        return new AccessScope(parties, organisations);
    }
}

package org.homeward.agreement.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Periodically compares the ledger's received total with the total in the transfer events it received
 * (kept raw beside each ledger row) and exposes the difference as {@code homeward_ledger_received_difference}:
 * anything but zero means the projection lost or doubled counts.
 */
@ApplicationScoped
public class LedgerConsistencyCheck {

    private final LedgerRepository ledger;
    private final AtomicLong difference = new AtomicLong();
    private final AtomicLong ledgerTotal = new AtomicLong();

    public LedgerConsistencyCheck(LedgerRepository ledger, MeterRegistry registry) {
        this.ledger = ledger;
        Gauge.builder("homeward.ledger.received.difference", difference, AtomicLong::get)
                .description("Ledger received total minus the received total of the transfer events it holds")
                .register(registry);
        Gauge.builder("homeward.ledger.received.total", ledgerTotal, AtomicLong::get)
                .description("Bodies and persons received, as the ledger counts them").register(registry);
    }

    @Scheduled(every = "${homeward.ledger.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        long[] totals = QuarkusTransaction.requiringNew().call(ledger::receivedTotals);
        ledgerTotal.set(totals[0]);
        difference.set(totals[0] - totals[1]);
    }

    public long difference() {
        return difference.get();
    }
}

package org.homeward.agreement.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.messaging.AgreementEvents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Activates signed agreements whose effective date has come. Each in its own transaction under a row
 * lock, so replicas running this job at once activate each agreement once.
 */
@ApplicationScoped
public class AgreementActivation {

    private final AgreementRepository agreements;
    private final EntityManager entityManager;
    private final AgreementEvents events;
    private final Clock clock;
    private final Ledger ledger;

    public AgreementActivation(AgreementRepository agreements, EntityManager entityManager, AgreementEvents events,
                               Clock clock, Ledger ledger) {
        this.agreements = agreements;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Scheduled(every = "${homeward.activation.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void activateDue() {
        LocalDate today = LocalDate.now(clock);
        for (UUID id : QuarkusTransaction.requiringNew().call(agreements::signed)) {
            QuarkusTransaction.requiringNew().run(() -> {
                Agreement agreement = entityManager.find(Agreement.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (agreement.activateIfDueAndAdvance(today)) {
                    events.publish(AgreementEvents.ACTIVATED, agreement);
                    ledger.reevaluate(agreement);
                }
            });
        }
    }
}

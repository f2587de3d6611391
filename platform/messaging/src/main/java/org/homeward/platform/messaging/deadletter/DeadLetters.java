package org.homeward.platform.messaging.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.homeward.platform.messaging.inbox.InboxConfig;
import org.homeward.platform.messaging.inbox.InboxProcessor;
import org.homeward.platform.messaging.inbox.PoisonMessage;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operator use cases on dead letters: list them, and re-drive one through its consumer once fixed. */
@ApplicationScoped
@RerunsLostRaces
public class DeadLetters {

    private final EntityManager entityManager;
    private final Instance<EventHandler> handlers;
    private final InboxProcessor inbox;
    private final AuditLog audit;
    private final InboxConfig config;

    public DeadLetters(EntityManager entityManager, @Any Instance<EventHandler> handlers, InboxProcessor inbox,
                       AuditLog audit, InboxConfig config) {
        this.entityManager = entityManager;
        this.handlers = handlers;
        this.inbox = inbox;
        this.audit = audit;
        this.config = config;
    }

    /** Re-driven and discarded dead letters are kept for the retention window, then deleted with their payloads. */
    @Scheduled(every = "${homeward.inbox.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeRedriven() {
        entityManager.createQuery("delete from DeadLetter d where d.status in :closed and d.redrivenAt < :cutoff")
                .setParameter("closed", List.of(DeadLetter.Status.REDRIVEN, DeadLetter.Status.DISCARDED))
                .setParameter("cutoff", Instant.now().minus(config.deadLetterRetention()))
                .executeUpdate();
    }

    @Transactional
    public List<DeadLetter> list(DeadLetter.Status status, PageRequest page) {
        audit.record("dead-letter.list", "dead_letter", null);
        var query = status == null
                ? entityManager.createQuery("select d from DeadLetter d order by d.receivedAt desc, d.id", DeadLetter.class)
                : entityManager.createQuery("select d from DeadLetter d where d.status = :status"
                        + " order by d.receivedAt desc, d.id", DeadLetter.class).setParameter("status", status);
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    /**
     * Applies the dead letter's event once through the handler of its source topic (idempotently: an
     * event that was meanwhile applied is not applied twice). Still poison: 422 with the reason.
     */
    @Transactional(Transactional.TxType.NEVER)
    public DeadLetter redrive(UUID id) {
        DeadLetter letter = entityManager.find(DeadLetter.class, id);
        if (letter == null) {
            throw ProblemException.notFound("Dead letter " + id);
        }
        if (letter.status != DeadLetter.Status.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "This dead letter was already " + (letter.status
                    == DeadLetter.Status.REDRIVEN ? "re-driven" : "discarded"));
        }
        if (letter.payload == null) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "This dead letter was stored without its payload"
                    + " (see its reason) and cannot be re-driven: recover the event from its source, then discard it");
        }
        EventHandler handler = handlers.stream().filter(h -> h.topic().equals(letter.sourceTopic)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.RULE_VIOLATION,
                        "No consumer of this service reads topic " + letter.sourceTopic));
        try {
            inbox.applyOnce(InboxProcessor.parse(letter.payload), handler);
        } catch (PoisonMessage stillPoison) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "Still cannot be applied: " + stillPoison.getMessage());
        } catch (RuntimeException failure) {
            if (FailureKind.of(failure) == FailureKind.TRANSIENT) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "The database is not reachable now; try again later");
            }
            String state = FailureKind.sqlState(failure);
            throw new ProblemException(ProblemType.RULE_VIOLATION, "Still cannot be applied ("
                    + failure.getClass().getSimpleName() + (state == null ? "" : ", SQLState " + state) + ")");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter redriven = entityManager.find(DeadLetter.class, id);
            redriven.status = DeadLetter.Status.REDRIVEN;
            redriven.redrivenAt = Instant.now();
            audit.record("dead-letter.redrive", "dead_letter", id.toString());
            return redriven;
        });
    }

    /**
     * Closes a dead letter that was stored without its payload, once an operator has recovered the event
     * elsewhere: it leaves the pending list, keeping who and why. A letter with its payload is re-driven, never
     * discarded: it is an event a family may be waiting for.
     */
    @Transactional
    public DeadLetter discard(UUID id, String reason, String operator) {
        DeadLetter letter = entityManager.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            throw ProblemException.notFound("Dead letter " + id);
        }
        if (letter.status != DeadLetter.Status.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "This dead letter is already " + letter.status);
        }
        if (letter.payload != null) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "This dead letter holds its event: re-drive it"
                    + " (only a letter stored without its payload may be discarded)");
        }
        letter.status = DeadLetter.Status.DISCARDED;
        letter.redrivenAt = Instant.now();
        letter.discardedBy = operator;
        letter.discardReason = reason;
        audit.record("dead-letter.discard", "dead_letter", id.toString());
        return letter;
    }
}

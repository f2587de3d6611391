package org.homeward.identification.retention.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.retention.ErasureRequest;
import org.homeward.identification.retention.ErasureSubject;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.audit.Purpose;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.DatabaseClock;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.persistence.TransactionLock;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Erasure of what is past its retention, by two operators: one asks (with a reason), a second confirms, and
 * only then does the database erase the subject with everything recorded about it (functions of the schema's
 * owner, V22: the application role cannot delete a case's history itself). What is due is the database's
 * answer (the view erasure_due: the owner's retention periods, from times the database set), checked here for a
 * clear refusal and again by the functions. Both steps are audited under the declared purpose
 * {@value #PURPOSE}. Subjects and their due dates are listed by id only.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class Erasures {

    public static final String PURPOSE = "erasure";
    private static final Logger LOG = Logger.getLogger(Erasures.class);

    /** A subject past its retention: its id and since when it may be erased. */
    public record Due(ErasureSubject subject, UUID id, Instant dueSince) {
    }

    private final EntityManager entityManager;
    private final Caller caller;
    private final Purpose purpose;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<ErasureSubject, AtomicLong> due = new EnumMap<>(ErasureSubject.class);

    public Erasures(EntityManager entityManager, Caller caller, Purpose purpose, AuditLog audit, Clock clock,
                    MeterRegistry registry) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.purpose = purpose;
        this.audit = audit;
        this.clock = clock;
        for (ErasureSubject subject : ErasureSubject.values()) {
            AtomicLong count = new AtomicLong();
            due.put(subject, count);
            Gauge.builder("homeward.retention.erasures.due", count, AtomicLong::get).tag("subject", subject.name())
                    .description("Subjects past their retention, waiting for two operators to erase them")
                    .register(registry);
        }
    }

    /** The subjects of one kind past their retention, longest due first. */
    @SuppressWarnings("unchecked")
    public List<Due> due(ErasureSubject subject, PageRequest page) {
        List<Object[]> rows = entityManager.createNativeQuery("select id, due_since from erasure_due where subject = ?1"
                        + " order by due_since, id").setParameter(1, subject.name())
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
        audit.record("retention.due.list", "erasure_request", subject.name());
        return rows.stream().map(row -> new Due(subject, (UUID) row[0], DatabaseClock.instantOf(row[1]))).toList();
    }

    /** The first operator's request: the subject must be past its retention; nothing is erased yet. */
    public ErasureRequest request(ErasureSubject subject, UUID subjectId, String reason) {
        requireErasurePurpose();
        requireDue(subject, subjectId);
        // Two operators asking at once: the second waits here and then finds the first one's request.
        TransactionLock.hold(entityManager, "erasure|" + subject + "|" + subjectId);
        boolean open = !entityManager.createQuery("select r.id from ErasureRequest r where r.subject = :subject"
                        + " and r.subjectId = :id and r.status = :requested", UUID.class)
                .setParameter("subject", subject).setParameter("id", subjectId)
                .setParameter("requested", ErasureRequest.Status.REQUESTED).getResultList().isEmpty();
        if (open) {
            throw new InvalidTransition("An erasure of this " + subject + " is already requested: confirm that one");
        }
        ErasureRequest request = new ErasureRequest(subject, subjectId, reason, caller.subject(), Instant.now(clock));
        entityManager.persist(request);
        audit.record("retention.erasure.request", "erasure_request", request.id().toString());
        return request;
    }

    /** The second operator's confirmation: the subject, still past its retention, is erased now. */
    public ErasureRequest confirm(UUID requestId) {
        requireErasurePurpose();
        ErasureRequest request = find(requestId);
        request.confirmedBy(caller.subject(), Instant.now(clock));
        requireDue(request.subject(), request.subjectId());
        String function = request.subject() == ErasureSubject.CASE
                ? "select erase_returned_case(?1)" : "select erase_closed_register_entry(?1)";
        int erased = ((Number) entityManager.createNativeQuery(function).setParameter(1, request.subjectId())
                .getSingleResult()).intValue();
        if (erased < 0) {
            throw new InvalidTransition("Work still waits on this register entry (an open linkage review, or an"
                    + " undecided prisoner check, of it or of an entry merged into it): settle it, then confirm again");
        }
        if (erased == 0) {
            throw new InvalidTransition("The " + request.subject() + " is no longer past its retention; nothing was"
                    + " erased");
        }
        audit.record("retention.erasure.confirm", "erasure_request", requestId.toString());
        audit.record("retention.erased", request.subject() == ErasureSubject.CASE ? "remains_case" : "missing_person",
                request.subjectId().toString());
        return request;
    }

    /** Either operator takes a request back before it is confirmed. */
    public ErasureRequest withdraw(UUID requestId) {
        ErasureRequest request = find(requestId);
        request.withdrawnBy(caller.subject(), Instant.now(clock));
        audit.record("retention.erasure.withdraw", "erasure_request", requestId.toString());
        return request;
    }

    public List<ErasureRequest> list(ErasureRequest.Status status, PageRequest page) {
        return entityManager.createQuery("select r from ErasureRequest r where r.status = :status"
                        + " order by r.requestedAt, r.id", ErasureRequest.class)
                .setParameter("status", status).setFirstResult(page.offset()).setMaxResults(page.fetchSize())
                .getResultList();
    }

    /** Counts what is due for the gauge homeward_retention_erasures_due{subject}: operators alert on it. */
    @Scheduled(every = "${homeward.retention.measure-every:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional(Transactional.TxType.NEVER)
    void measure() {
        for (ErasureSubject subject : ErasureSubject.values()) {
            try {
                due.get(subject).set(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from erasure_due where subject = ?1")
                        .setParameter(1, subject.name()).getSingleResult()).longValue()));
            } catch (RuntimeException e) {
                LOG.debugf("Could not count the %s due for erasure (%s)", subject, e.getClass().getSimpleName());
            }
        }
    }

    private void requireErasurePurpose() {
        if (!PURPOSE.equals(purpose.declared())) {
            throw new RuleViolation(Purpose.HEADER, "Erasure is its own purpose: send " + Purpose.HEADER + ": " + PURPOSE);
        }
    }

    private void requireDue(ErasureSubject subject, UUID subjectId) {
        if (entityManager.createNativeQuery("select id from erasure_due where subject = ?1 and id = ?2")
                .setParameter(1, subject.name()).setParameter(2, subjectId).getResultList().isEmpty()) {
            throw new RuleViolation("subjectId", "No " + subject + " past its retention with this id (a case is kept"
                    + " for its period after its return, a register entry after he was released, identified or found"
                    + " alive; GET /api/v1/ops/erasures/due lists what is due)");
        }
    }

    private ErasureRequest find(UUID id) {
        ErasureRequest request = entityManager.find(ErasureRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("Erasure request " + id);
        }
        return request;
    }
}

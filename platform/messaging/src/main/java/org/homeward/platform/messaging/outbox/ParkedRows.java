package org.homeward.platform.messaging.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Operator use cases on outbox rows the broker refused: list them, and publish one again once fixed. */
@ApplicationScoped
@RerunsLostRaces
public class ParkedRows {

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Event<OutboxAppended> wakeRelay;

    public ParkedRows(EntityManager entityManager, AuditLog audit, Event<OutboxAppended> wakeRelay) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.wakeRelay = wakeRelay;
    }

    @Transactional
    public List<OutboxEvent> list(PageRequest page) {
        audit.record("outbox.parked.list", "outbox_event", null);
        return entityManager.createQuery("select e from OutboxEvent e where e.parkedAt is not null"
                        + " and e.publishedAt is null order by e.position", OutboxEvent.class)
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    /** Clears the row's parking so the relay tries it again (after the operator fixed the topic or its ACLs). */
    @Transactional
    public OutboxEvent republish(UUID id) {
        OutboxEvent row = entityManager.find(OutboxEvent.class, id);
        if (row == null || row.parkedAt == null || row.publishedAt != null) {
            throw ProblemException.notFound("Parked outbox row " + id);
        }
        row.parkedAt = null;
        row.parkReason = null;
        audit.record("outbox.parked.republish", "outbox_event", id.toString());
        wakeRelay.fire(new OutboxAppended(id));
        return row;
    }
}

package org.homeward.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Reads the audit log for auditors, newest first, with keyset pagination on the entry id. */
@ApplicationScoped
public class AuditQuery {

    private final EntityManager entityManager;
    private final AuditLog auditLog;

    public AuditQuery(EntityManager entityManager, AuditLog auditLog) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
    }

    /** Reading the audit log is itself audited. */
    @Transactional
    public List<AuditEntry> find(Instant from, Instant to, String organisation, Long before, int limit) {
        auditLog.record("audit.read", "audit_log", null);
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        if (from != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        if (organisation != null) {
            jpql.append(" and e.actorOrganisation = :organisation");
        }
        if (before != null) {
            jpql.append(" and e.id < :before");
        }
        jpql.append(" order by e.id desc");
        TypedQuery<AuditEntry> query = entityManager.createQuery(jpql.toString(), AuditEntry.class);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (organisation != null) {
            query.setParameter("organisation", organisation);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.setMaxResults(limit).getResultList();
    }
}

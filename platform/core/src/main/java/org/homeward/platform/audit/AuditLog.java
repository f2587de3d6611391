package org.homeward.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.security.Caller;

import java.time.Instant;

/**
 * Writes audit entries in the caller's transaction, so an action and its audit line commit or roll back
 * together. Identifiers only: never the personal data itself.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entityManager;
    private final Caller caller;
    private final Purpose purpose;

    public AuditLog(EntityManager entityManager, Caller caller, Purpose purpose) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.purpose = purpose;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, String resourceId) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actorSubject = caller.subject();
        entry.actorOrganisation = caller.organisation();
        entry.actorParty = caller.party().orElse(null);
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.purpose = purpose.declared();
        entityManager.persist(entry);
    }
}

package org.homeward.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Refuses to start a service whose database role could rewrite history: append-only must not depend on how
 * the migrations happened to be run. The role may read and add audit entries and seals, nothing more.
 */
@ApplicationScoped
public class AuditLogGuard {

    void verifyAtStart(@Observes StartupEvent start, EntityManager entityManager) {
        Object mayRewrite = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select bool_or(has_table_privilege(current_user, t, p)) from unnest(array['audit_log', 'audit_seal']) t,"
                        + " unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) p").getSingleResult());
        if (Boolean.TRUE.equals(mayRewrite)) {
            throw new IllegalStateException("The service's database role may UPDATE, DELETE or TRUNCATE audit_log or"
                    + " audit_seal. Run the service as a role granted only SELECT and INSERT on them (migrations run"
                    + " as the owner role); refusing to start");
        }
    }
}

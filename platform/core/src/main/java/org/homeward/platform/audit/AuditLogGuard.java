package org.homeward.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service whose database role could rewrite history: append-only must not depend on how
 * the migrations happened to be run. The role may read and add audit entries and seals, nothing more.
 */
@ApplicationScoped
public class AuditLogGuard {

    /**
     * True when the current role may change or remove audit rows: by privilege, by owning the tables (an
     * owner may grant itself back what was revoked), or as a superuser.
     */
    public static final String MAY_REWRITE_AUDIT_LOG = "select coalesce(bool_or(has_table_privilege(current_user, t, p)), false)"
            + " or exists (select 1 from pg_class c where c.relname in ('audit_log', 'audit_seal')"
            + " and c.relkind = 'r' and pg_has_role(current_user, c.relowner, 'MEMBER'))"
            + " or (select rolsuper from pg_roles where rolname = current_user)"
            + " from unnest(array['audit_log', 'audit_seal']) t, unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) p";

    void verifyAtStart(@Observes StartupEvent start, EntityManager entityManager, Config config) {
        if (config.getOptionalValue("quarkus.init-and-exit", Boolean.class).orElse(false)) {
            return; // a migration run as the owner (Kubernetes init container), not the service
        }
        Object mayRewrite = QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery(MAY_REWRITE_AUDIT_LOG).getSingleResult());
        if (Boolean.TRUE.equals(mayRewrite)) {
            throw new IllegalStateException("The service's database role may change audit_log or audit_seal (it has"
                    + " UPDATE, DELETE or TRUNCATE, owns them, or is a superuser). Run the service as a role granted only"
                    + " SELECT and INSERT on them, and migrations as the owner role; refusing to start");
        }
    }
}

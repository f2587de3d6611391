package org.homeward.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * A named PostgreSQL advisory lock held until the current transaction ends, to serialise work that no row
 * lock covers (a party's matching, a transfer's counts) across replicas. Re-entrant within a transaction.
 */
public final class TransactionLock {

    private TransactionLock() {
    }

    public static void hold(EntityManager entityManager, String name) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, name)
                .getSingleResult();
    }
}

package org.homeward.identification.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Serialises the work on one transfer item across replicas for the rest of the transaction. Records of an
 * item share a partition, but a rebalance can hand one to a second replica while the first still works on
 * it: without this, one arrival could open two cases or two checks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ItemLock {

    private final EntityManager entityManager;

    public ItemLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void lock(UUID itemId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:item as text), 0))")
                .setParameter("item", itemId.toString()).getSingleResult();
    }
}

package org.homeward.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application service that stores a thing and then loses a race as often as asked: PostgreSQL itself
 * raises the deadlock (40P01) or serialization failure (40001), so the failure travels the real driver,
 * Hibernate and Narayana before the rerun sees it.
 */
@ApplicationScoped
@RerunsLostRaces
public class ThingRaces {

    private final EntityManager entityManager;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public ThingRaces(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public UUID storeLosing(String name, int losses, String sqlState) {
        int attempt = attempts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = name;
        entityManager.persist(thing);
        entityManager.flush();
        if (attempt <= losses && "rule".equals(sqlState)) {
            throw new RuleViolation("name", "A thing may not be named so");
        }
        if (attempt <= losses) {
            entityManager.createNativeQuery("DO $$ BEGIN RAISE EXCEPTION 'chosen as the loser' USING ERRCODE = '"
                    + sqlState + "'; END $$").executeUpdate();
        }
        return thing.id;
    }

    public int attemptsFor(String name) {
        AtomicInteger count = attempts.get(name);
        return count == null ? 0 : count.get();
    }
}

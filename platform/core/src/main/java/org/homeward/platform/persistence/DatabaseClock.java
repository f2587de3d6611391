package org.homeward.platform.persistence;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The database's clock, for times that are compared with {@code now()} in SQL (due times, leases): written by
 * one replica and checked by another, they must come from one clock, or a replica whose clock is off acts early
 * or holds work back.
 */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    /** The start of the current statement, on the database's clock. */
    public static Instant now(EntityManager entityManager) {
        return ((OffsetDateTime) entityManager.createNativeQuery("select statement_timestamp()", OffsetDateTime.class)
                .getSingleResult()).toInstant();
    }
}

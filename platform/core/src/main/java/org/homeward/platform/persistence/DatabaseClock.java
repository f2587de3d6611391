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
        // Untyped: a native query given a result class gets a new plan-cache key on every execution in
        // Hibernate 7.2 (see DeliveryClaims.ids), which this, run per webhook attempt, cannot afford.
        return instantOf(entityManager.createNativeQuery("select statement_timestamp()").getSingleResult());
    }

    /** A timestamptz column of an untyped native query's row, whichever type the driver and ORM gave it. */
    public static Instant instantOf(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp stamp) {
            return stamp.toInstant();
        }
        return (Instant) value;
    }
}

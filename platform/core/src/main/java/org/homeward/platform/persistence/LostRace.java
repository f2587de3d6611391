package org.homeward.platform.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a request failed only because another transaction held what it needed, or the connection went: a
 * deadlock victim or serialization failure (SQLState class 40), a lost connection (08), a lock not had in time
 * (55P03) or a statement cancelled by its timeout (57014). Nothing was committed, and the same request may pass
 * in a moment.
 */
public final class LostRace {

    private static final Set<String> STATES = Set.of("55P03", "57014");

    /**
     * The two races PostgreSQL resolves by rolling one transaction back on purpose (serialization failure,
     * deadlock victim): the database chose a loser, and running the same transaction again is what it expects.
     * A lost connection is not one of them (the commit may have happened), nor a lock timeout (the holder is
     * slow, and asking again at once would wait as long).
     */
    private static final Set<String> ROLLED_BACK_BY_CHOICE = Set.of("40001", "40P01");

    private LostRace() {
    }

    /** Any of the races: the request may be sent again by its client. */
    public static boolean of(Throwable failure) {
        String state = sqlState(failure);
        if (state != null) {
            return state.startsWith("40") || state.startsWith("08") || STATES.contains(state);
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A deadlock victim or serialization failure: the same transaction may be run again in-process. */
    public static boolean rerunnable(Throwable failure) {
        String state = sqlState(failure);
        return state != null && ROLLED_BACK_BY_CHOICE.contains(state);
    }

    /**
     * The SQLState of the failure, if a database refused it; never the data, which may be personal. Looked for
     * among the causes and, since a failure at commit reaches the caller as the transaction manager's
     * RollbackException with the database's refusal attached as suppressed, among their suppressed ones too.
     */
    public static String sqlState(Throwable failure) {
        return sqlState(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String sqlState(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                String state = sqlState(suppressed, seen);
                if (state != null) {
                    return state;
                }
            }
        }
        return null;
    }
}

package org.homeward.platform.problem;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a request failed only because another transaction held what it needed, or the connection went: a
 * deadlock victim or serialization failure (SQLState class 40), a lost connection (08), a lock not had in time
 * (55P03) or a statement cancelled by its timeout (57014). Nothing was committed, and the same request may pass
 * in a moment.
 */
final class LostRace {

    private static final Set<String> STATES = Set.of("55P03", "57014");

    private LostRace() {
    }

    static boolean of(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("40") || state.startsWith("08") || STATES.contains(state);
            }
        }
        return false;
    }
}

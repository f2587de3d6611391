package org.homeward.platform.messaging.inbox;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.homeward.platform.persistence.LostRace;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a consumer's failure means (DESIGN.md 5). TRANSIENT: the database or broker cannot be reached or the
 * transaction lost a race (SQLState classes 08, 40, 53, 57, lock not available 55P03, JPA lock and query
 * timeouts, a connection pool that gives no connection in time), or a systemic failure that every record
 * would meet (a privilege revoked 42501, a column, table or function not there during a rolling deploy
 * 42703/42P01/42883, the database itself gone 3D000, an internal error XX000): retried for as long as it takes,
 * the consumer reported degraded, and never counted against the record, so that a fault of the platform does
 * not dead-letter every record it touches. POISON: the record can never apply (it cannot be parsed, breaks its schema,
 * or violates a database constraint, classes 22 and 23). HANDLER_FAILURE: anything else, which may be a bug
 * for this record only; dead-lettered after a bounded number of attempts while the database answers.
 */
public enum FailureKind {
    TRANSIENT, POISON, HANDLER_FAILURE;

    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> POISON_CLASSES = Set.of("22", "23");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Set<String> SYSTEMIC_STATES = Set.of("42501", "42703", "42P01", "42883", "3D000", "XX000");

    public static FailureKind of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonMessage) {
                return POISON;
            }
        }
        // The database's refusal may sit among the causes, or be attached as suppressed to the transaction
        // manager's RollbackException when it came at commit (a deferred check, a deadlock found then).
        String state = LostRace.sqlState(failure);
        if (state != null && state.length() >= 2) {
            String sqlClass = state.substring(0, 2);
            if (TRANSIENT_CLASSES.contains(sqlClass) || LOCK_NOT_AVAILABLE.equals(state) || SYSTEMIC_STATES.contains(state)) {
                return TRANSIENT;
            }
            if (POISON_CLASSES.contains(sqlClass)) {
                return POISON;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof ConnectException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof QueryTimeoutException || cause instanceof OptimisticLockException
                    || isPoolTimeout(cause)) {
                return TRANSIENT;
            }
        }
        return HANDLER_FAILURE;
    }

    /** Agroal's answer when no connection could be had in time carries no SQLState. */
    private static boolean isPoolTimeout(Throwable cause) {
        return cause instanceof SQLException && cause.getMessage() != null
                && cause.getMessage().startsWith("Acquisition timeout");
    }

    /** The SQLState of the failure, if a database refused it; never the data, which may be personal. */
    public static String sqlState(Throwable failure) {
        return LostRace.sqlState(failure);
    }
}

package org.homeward.platform.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a transaction again when PostgreSQL chose it as the loser of a deadlock or a serialization conflict
 * (40P01, 40001), up to {@code homeward.persistence.lost-race-attempts} times in all, with a short randomised
 * pause so two losers do not meet again in step. It sits outside {@code @Transactional} (a lower priority
 * runs first), so every attempt is a whole new transaction and persistence context; the attempt that failed
 * committed nothing. If the last attempt loses as well, the failure goes on to the problem mapper, which
 * answers 503 with Retry-After.
 */
@RerunsLostRaces
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LostRaceRerun {

    private static final Logger LOG = Logger.getLogger(LostRaceRerun.class);

    private final TransactionManager transactions;
    private final int attempts;
    private final Counter reruns;

    public LostRaceRerun(TransactionManager transactions, MeterRegistry registry,
                         @ConfigProperty(name = "homeward.persistence.lost-race-attempts", defaultValue = "3")
                         int attempts) {
        this.transactions = transactions;
        this.attempts = Math.max(1, attempts);
        this.reruns = Counter.builder("homeward_lost_race_reruns")
                .description("Transactions run again after PostgreSQL rolled them back as a deadlock victim or"
                        + " serialization failure")
                .register(registry);
    }

    @AroundInvoke
    public Object rerun(InvocationContext invocation) throws Exception {
        if (insideATransaction()) {
            // The outer transaction is already lost; only whoever started it can run it again.
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt >= attempts || !LostRace.rerunnable(e)) {
                    throw e;
                }
                reruns.increment();
                LOG.debugf("%s.%s lost a race (attempt %d of %d); running it again",
                        invocation.getMethod().getDeclaringClass().getSimpleName(), invocation.getMethod().getName(),
                        attempt, attempts);
                pauseBefore(attempt);
            }
        }
    }

    private boolean insideATransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static void pauseBefore(int attempt) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    }
}

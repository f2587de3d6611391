package org.homeward.platform.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One pass of a key rotation over one table: the rows holding a value not sealed with the current key (a
 * retired key, or sealed before values were bound to their place) are sealed again, a batch per transaction,
 * in id order. Rows another transaction holds are skipped (the next pass takes them), and a row whose value
 * does not open (a damaged or moved value, a key no longer configured) is counted and passed over, so one bad
 * row never stops the others from moving.
 */
public final class Resealing {

    private static final Logger LOG = Logger.getLogger(Resealing.class);
    private static final int BATCH = 200;
    private static final UUID FIRST = new UUID(0, 0);

    /**
     * A table to move: its name and a SQL condition true for a row whose sealed values are not all current,
     * with the parameters {@code :prefix} (what current values start with) and {@code :length} (its length),
     * and what seals one row again (loaded by id, in the pass's transaction).
     */
    public record Rows(String table, String notCurrent, Consumer<UUID> resealOne) {
    }

    /** What a pass did: rows sealed again, rows that would not open, rows still not current at its end. */
    public record Outcome(int resealed, int unopenable, long notCurrent) {
    }

    private Resealing() {
    }

    public static Outcome pass(EntityManager entityManager, String currentPrefix, Rows rows) {
        int resealed = 0;
        int unopenable = 0;
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            int[] counts = new int[2];
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                // Untyped, cast: a typed native query is a new plan-cache key per execution in Hibernate 7.2.
                List<UUID> ids = ((List<?>) entityManager.createNativeQuery("select id from " + rows.table()
                                + " where id > :after and (" + rows.notCurrent() + ") order by id limit " + BATCH
                                + " for update skip locked")
                        .setParameter("after", from).setParameter("prefix", currentPrefix)
                        .setParameter("length", currentPrefix.length()).getResultList()).stream()
                        .map(UUID.class::cast).toList();
                for (UUID id : ids) {
                    try {
                        rows.resealOne().accept(id);
                        counts[0]++;
                    } catch (IllegalStateException unopened) {
                        counts[1]++;
                        LOG.warnf("%s row %s holds a sealed value that does not open: %s", rows.table(), id,
                                unopened.getMessage());
                    }
                }
                return ids;
            });
            resealed += counts[0];
            unopenable += counts[1];
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1);
        }
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from " + rows.table() + " where " + rows.notCurrent())
                .setParameter("prefix", currentPrefix).setParameter("length", currentPrefix.length())
                .getSingleResult()).longValue());
        return new Outcome(resealed, unopenable, left);
    }
}

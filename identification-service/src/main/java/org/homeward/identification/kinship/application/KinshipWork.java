package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.persistence.TransactionLock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bookkeeping of the background matching, written in the caller's transaction (never beside it): a job
 * for a new post-mortem profile or a family whose references changed, and the generation counter that
 * tells every replica its in-memory index of a party is stale.
 *
 * <p>The lock order, the same everywhere so that no two transactions wait on each other: the job rows first
 * (a running job holds its own; {@link #enqueue} takes the row it upserts), then the party's matching lock
 * ({@link #lockParty}), then the case row, then the party's generation row ({@link #bumpGeneration}). Whoever
 * writes what a job reads enqueues before it locks anything else; {@link #enqueueIfAbsent} is the one
 * exception, safe after the party lock because it never waits for a job's row. The register's statements
 * about families take their own advisory lock ("family-statements:" and the party) before queueing: no job
 * takes it, so it cannot close a cycle; an import's chunk announces its families once, so that it queues
 * every job before it touches the generation row.
 */
@ApplicationScoped
public class KinshipWork {

    public enum Kind { CASE, PERSON }

    private final EntityManager entityManager;

    public KinshipWork(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One job per subject: a second change before the first is matched only moves it back in the queue. */
    public void enqueue(Kind kind, UUID subject, String party, Instant now) {
        entityManager.createNativeQuery("insert into kinship_job (id, kind, subject_id, party, enqueued_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (kind, subject_id)"
                        + " do update set enqueued_at = excluded.enqueued_at, attempts = 0, last_error = null")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind.name()).setParameter(3, subject)
                .setParameter(4, party).setParameter(5, now).executeUpdate();
    }

    /**
     * A job for the subject unless one is queued already: never waits on a queued job's row (a running job
     * may hold it while it waits for the party lock the caller holds), so it may follow the party lock.
     */
    public void enqueueIfAbsent(Kind kind, UUID subject, String party, Instant now) {
        entityManager.createNativeQuery("insert into kinship_job (id, kind, subject_id, party, enqueued_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (kind, subject_id) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind.name()).setParameter(3, subject)
                .setParameter(4, party).setParameter(5, now).executeUpdate();
    }

    /**
     * The party's matching lock, held to the end of the transaction: the jobs of one party are applied one
     * after another (ranks and the undisputed rule read what other jobs write), and a consent withdrawal
     * holds it so that no job in flight writes a candidate from the withdrawn donor after it.
     */
    public void lockParty(String party) {
        TransactionLock.hold(entityManager, "kinship:" + party);
    }

    public void bumpGeneration(String party, String subjectKind) {
        entityManager.createNativeQuery("insert into kinship_generation (party, subject_kind, generation)"
                        + " values (?1, ?2, 1) on conflict (party, subject_kind)"
                        + " do update set generation = kinship_generation.generation + 1")
                .setParameter(1, party).setParameter(2, subjectKind).executeUpdate();
    }

    public long generation(String party, String subjectKind) {
        List<?> rows = entityManager.createNativeQuery("select generation from kinship_generation where party = ?1"
                        + " and subject_kind = ?2").setParameter(1, party).setParameter(2, subjectKind).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}

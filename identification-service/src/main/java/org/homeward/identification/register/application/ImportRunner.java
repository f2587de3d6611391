package org.homeward.identification.register.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.identification.register.RegisterImport;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Links waiting imports chunk by chunk, each chunk in its own transaction that locks the job row (SKIP
 * LOCKED: replicas share the work, never the same chunk) and commits the chunk's reports with the job's
 * progress. A restart loses at most the chunk in flight, which then runs again from the committed row.
 */
@ApplicationScoped
public class ImportRunner {

    static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final EntityManager entityManager;
    private final RegisterLinkage linkage;
    private final SiblingGroups siblings;
    private final Clock clock;
    /** Parsed rows of the jobs this replica works on, so a chunk does not parse the whole upload again. */
    private final Map<UUID, List<ReportedPerson>> parsed = new ConcurrentHashMap<>();
    /** At most this many chunks are linked at once on this replica: linkage is CPU-bound, the API must answer. */
    private final int workers;
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private final AtomicInteger chunksInFlight = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean stopping;

    private final AtomicLong failedImports = new AtomicLong();
    /** The waiting jobs one look takes in (more than there are parties importing at once). */
    private static final int WAITING_LOOKED_AT = 100;
    /** Each party's last turn on this replica, counted in turns: the party served longest ago goes next. */
    private final Map<String, Long> lastTurnOf = new HashMap<>();
    private long turns;
    private final Duration failedUploadRetention;

    public ImportRunner(EntityManager entityManager, RegisterLinkage linkage, SiblingGroups siblings, Clock clock,
                        MeterRegistry registry,
                        @ConfigProperty(name = "homeward.register.failed-upload-retention", defaultValue = "P30D")
                        Duration failedUploadRetention,
                        @ConfigProperty(name = "homeward.register.import-workers", defaultValue = "2") int workers) {
        this.failedUploadRetention = failedUploadRetention;
        this.workers = Math.max(1, workers);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.workers, task -> {
            Thread thread = new Thread(task, "register-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("homeward.register.import.chunks.linking", chunksInFlight, AtomicInteger::get)
                .description("Chunks of register imports being linked on this replica now (at most"
                        + " homeward.register.import-workers)").register(registry);
        Gauge.builder("homeward.register.imports.failed", failedImports, AtomicLong::get)
                .description("Register imports stopped by a failure, waiting to be resumed").register(registry);
        this.siblings = siblings;
        this.entityManager = entityManager;
        this.linkage = linkage;
        this.clock = clock;
    }

    /**
     * Starts workers up to homeward.register.import-workers (2); each links chunks until nothing waits that no
     * other worker or replica holds. Two workers never link the same job at once (its row is locked for the
     * chunk, and the next job is taken SKIP LOCKED), and two chunks touching the same blocks of the register
     * wait for each other (RegisterLinkage locks the blocks).
     */
    @Scheduled(every = "${homeward.register.import-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void startWorkers() {
        for (int busy = busyWorkers.get(); busy < workers && !stopping; busy = busyWorkers.get()) {
            if (busyWorkers.compareAndSet(busy, busy + 1)) {
                pool.execute(() -> {
                    try {
                        runWaitingImports();
                    } catch (RuntimeException e) {
                        LOG.warnf("A register import worker stopped early (%s); the next round goes on",
                                e.getClass().getSimpleName());
                    } finally {
                        busyWorkers.decrementAndGet();
                    }
                });
            }
        }
    }

    /** Stops taking chunks; a chunk in flight is rolled back with the shutdown and linked again later. */
    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdownNow();
    }

    /** Links chunks of waiting imports, one job after another, until none is left for this worker. */
    public void runWaitingImports() {
        Optional<UUID> job;
        while (!stopping && (job = QuarkusTransaction.requiringNew().call(this::nextWaitingJob)).isPresent()) {
            UUID id = job.get();
            forgetFinishedJobs();
            try {
                QuarkusTransaction.requiringNew().run(() -> linkNextChunk(id));
            } catch (RuntimeException e) {
                if (stopping) {
                    // Interrupted by the shutdown: nothing of the chunk was committed, and it is linked later.
                    return;
                }
                if (FailureKind.of(e) == FailureKind.TRANSIENT) {
                    // A lost race, the database away, a fault every chunk would meet: nothing of the chunk was
                    // committed, and the job goes on from the same row in a later round.
                    LOG.warnf("Import %s paused: a chunk could not be linked now (%s, SQLState %s); retried later",
                            id, e.getClass().getSimpleName(), FailureKind.sqlState(e));
                    return;
                }
                // One job that cannot go on must not hold up every import after it: it stops, says why, and
                // waits to be resumed (POST .../resume) once the cause is mended.
                LOG.errorf("Import %s stopped: a chunk could not be linked (%s)", id, e.getClass().getSimpleName());
                parsed.remove(id);
                QuarkusTransaction.requiringNew().run(() -> entityManager.find(RegisterImport.class, id)
                        .failed("A chunk could not be linked (" + e.getClass().getSimpleName() + ")", Instant.now(clock)));
            }
        }
        forgetFinishedJobs();
    }

    /**
     * Drops the parsed rows of every job no longer waiting: one another replica finished, or that failed, is
     * never worked on here again and must not stay in this replica's memory. A job still waiting stays parsed,
     * though another replica may have its next chunk: replicas take turns at chunks, and each would otherwise
     * parse the whole upload again for every one.
     */
    private void forgetFinishedJobs() {
        if (parsed.isEmpty()) {
            return;
        }
        // Only the jobs asked about are forgotten: another worker may parse a new one meanwhile.
        Set<UUID> asked = new HashSet<>(parsed.keySet());
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select j.id from RegisterImport j where j.id in :ids and j.status in :waiting", UUID.class)
                .setParameter("ids", List.copyOf(asked))
                .setParameter("waiting", List.of(RegisterImport.Status.QUEUED, RegisterImport.Status.RUNNING))
                .getResultList());
        waiting.forEach(asked::remove);
        parsed.keySet().removeAll(asked);
    }

    /** The jobs whose parsed rows this replica holds (for tests and diagnosis). */
    public int parsedJobs() {
        return parsed.size();
    }

    /** The chunks being linked now (the gauge homeward_register_import_chunks_linking). */
    public int chunksLinking() {
        return chunksInFlight.get();
    }

    /**
     * A FAILED import's upload is kept for homeward.register.failed-upload-retention (30 days) to be resumed,
     * then emptied: it holds the names of the people reported, and the rows it linked are in the register.
     */
    @Scheduled(every = "${homeward.register.retention-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void discardStaleUploads() {
        discardUploadsFailedBefore(Instant.now(clock).minus(failedUploadRetention));
    }

    public int discardUploadsFailedBefore(Instant cutoff) {
        int discarded = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "update register_import set payload = ''::bytea where status = 'FAILED' and finished_at < :cutoff"
                                + " and octet_length(payload) > 0")
                .setParameter("cutoff", cutoff).executeUpdate());
        if (discarded > 0) {
            LOG.infof("Discarded the uploads of %d register import(s) failed before %s", discarded, cutoff);
        }
        return discarded;
    }

    @Scheduled(every = "${homeward.register.measure-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try {
            failedImports.set(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                    "select count(*) from register_import where status = 'FAILED' and octet_length(payload) > 0")
                    .getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Could not count failed imports (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * The next job to link a chunk of, among those no other replica is working on right now: parties take
     * turns, a chunk each (the party served longest ago here first), and a party's imports go oldest first. So
     * one party's 100,000-row upload does not hold back another's list of twenty for the hours it takes.
     */
    Optional<UUID> nextWaitingJob() {
        List<RegisterImport> waiting = entityManager.createQuery("select j from RegisterImport j where j.status"
                        + " in :waiting order by j.submittedAt", RegisterImport.class)
                .setParameter("waiting", List.of(RegisterImport.Status.QUEUED, RegisterImport.Status.RUNNING))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(WAITING_LOOKED_AT).getResultList();
        Map<String, RegisterImport> oldestOfEachParty = new LinkedHashMap<>();
        waiting.forEach(job -> oldestOfEachParty.putIfAbsent(job.party(), job));
        return nextTurn(oldestOfEachParty.values()).map(RegisterImport::id);
    }

    /** Of each party's oldest job, the one whose party was served longest ago here; workers take turns too. */
    private synchronized Optional<RegisterImport> nextTurn(Collection<RegisterImport> oldestOfEachParty) {
        Optional<RegisterImport> next = oldestOfEachParty.stream()
                .min(Comparator.comparingLong(job -> lastTurnOf.getOrDefault(job.party(), -1L)));
        next.ifPresent(job -> lastTurnOf.put(job.party(), ++turns));
        return next;
    }

    /** Links the next chunk of the job, under the job row's lock: replicas never link the same chunk. */
    public void linkNextChunk(UUID id) {
        Optional<RegisterImport> locked = entityManager.createQuery("select j from RegisterImport j where j.id = :id"
                        + " and j.status in :waiting", RegisterImport.class)
                .setParameter("id", id)
                .setParameter("waiting", List.of(RegisterImport.Status.QUEUED, RegisterImport.Status.RUNNING))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList().stream().findFirst();
        if (locked.isEmpty()) {
            return; // another replica holds it, or it finished meanwhile
        }
        chunksInFlight.incrementAndGet();
        try {
            linkChunkOf(locked.get());
        } finally {
            chunksInFlight.decrementAndGet();
        }
    }

    private void linkChunkOf(RegisterImport job) {
        List<ReportedPerson> rows = parsed.get(job.id());
        if (rows == null) {
            // Parsed outside the map's lock: only this worker holds the job's row, so nobody parses it twice here.
            rows = ReportRows.parse(job.format(), job.payload(), RegisterImports.MAX_ROWS, LocalDate.MAX);
            parsed.put(job.id(), rows);
        }
        List<ReportedPerson> chunk = rows.subList(job.processedRows(), Math.min(rows.size(), job.processedRows() + CHUNK));
        CandidateBlocks blocks = linkage.blocksFor(job.party(), chunk.stream().map(ReportedPerson::particulars).toList());
        int matched = 0;
        int toReview = 0;
        int created = 0;
        Set<String> families = new LinkedHashSet<>();
        for (ReportedPerson row : chunk) {
            RegisterLinkage.Linked linked = linkage.link(row, blocks, job.id(), job.submittedByOrganisation());
            if (linked.outcome() == LinkageOutcome.MATCHED) {
                matched++;
            } else {
                created++;
                toReview += linked.outcome().needsReview() ? 1 : 0;
            }
            if (row.familyGroup() != null) {
                entityManager.createNativeQuery("insert into register_import_family (import_id, label, person_id)"
                                + " values (?1, ?2, ?3) on conflict do nothing").setParameter(1, job.id())
                        .setParameter(2, row.familyGroup()).setParameter(3, linked.personId()).executeUpdate();
                families.add(row.familyGroup());
            }
        }
        // A family's rows may lie in several chunks: each chunk joins everyone of its families linked so far.
        if (!families.isEmpty()) {
            List<List<UUID>> members = families.stream().map(family -> (List<UUID>) entityManager.createNativeQuery(
                            "select person_id from register_import_family where import_id = ?1 and label = ?2"
                                    + " order by person_id", UUID.class)
                    .setParameter(1, job.id()).setParameter(2, family).getResultList()).toList();
            int left = siblings.stateFromImport(members, job.submittedByOrganisation(), job.party());
            if (left > 0) {
                LOG.warnf("Import %s: %d family label(s) would join a parent and his child and were not stated",
                        job.id(), left);
            }
        }
        job.chunkLinked(chunk.size(), matched, toReview, created, blocks.comparisons(), Instant.now(clock));
        if (job.status() == RegisterImport.Status.COMPLETED) {
            parsed.remove(job.id());
            LOG.infof("Import %s linked: %d rows, %d matched, %d to review, %d new entries, %.1f comparisons per row",
                    job.id(), job.totalRows(), job.matched(), job.toReview(), job.newEntries(),
                    (double) job.comparisons() / job.totalRows());
        }
    }
}

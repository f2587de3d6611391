package org.homeward.identification.register;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.platform.domain.InvalidTransition;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk import of reports, validated whole when it was submitted and then linked in chunks by whichever
 * replica holds the job: each chunk's reports and the job's progress commit together, so an import a
 * restart interrupts resumes where its last chunk committed, and no row is linked twice.
 */
@Entity
@Table(name = "register_import")
public class RegisterImport {

    /** FAILED: a chunk could not be linked; the reason names the failure, never a row's values. */
    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String party;

    @Column(nullable = false)
    private String format;

    /** The upload as received (UTF-8 bytes), up to 32 MiB: loaded only when a replica parses it, not with every chunk's job row. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(nullable = false)
    private int matched;

    @Column(name = "to_review", nullable = false)
    private int toReview;

    @Column(name = "new_entries", nullable = false)
    private int newEntries;

    @Column(nullable = false)
    private long comparisons;

    @Column(name = "submitted_by_organisation", nullable = false)
    private String submittedByOrganisation;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure")
    private String failure;

    protected RegisterImport() {
    }

    public RegisterImport(String party, String format, byte[] payload, int totalRows, String organisation, Instant now) {
        this.id = UUID.randomUUID();
        this.party = party;
        this.format = format;
        this.payload = payload;
        this.status = Status.QUEUED;
        this.totalRows = totalRows;
        this.submittedByOrganisation = organisation;
        this.submittedAt = now;
    }

    /** Records a linked chunk: how many rows, and where they went. */
    public void chunkLinked(int rows, int chunkMatched, int chunkToReview, int chunkNew, long chunkComparisons,
                            Instant now) {
        status = Status.RUNNING;
        processedRows += rows;
        matched += chunkMatched;
        toReview += chunkToReview;
        newEntries += chunkNew;
        comparisons += chunkComparisons;
        if (processedRows >= totalRows) {
            status = Status.COMPLETED;
            finishedAt = now;
            payload = new byte[0]; // the rows now live in the register; the upload itself is not kept
        }
    }

    /** Stops the job: its committed chunks stand, the rest is not linked until it is resumed. */
    public void failed(String reason, Instant now) {
        status = Status.FAILED;
        failure = reason;
        finishedAt = now;
    }

    /**
     * Queues a failed job again once its cause is mended: it goes on from the first row not yet linked (the
     * committed chunks are never linked twice).
     */
    public void resumed() {
        if (status != Status.FAILED) {
            throw new InvalidTransition("Only a FAILED import can be resumed; this one is " + status);
        }
        if (payload.length == 0) {
            throw new InvalidTransition("This import's upload was discarded after its retention period; the rows"
                    + " not linked must be submitted again");
        }
        status = Status.QUEUED;
        failure = null;
        finishedAt = null;
    }

    public String failure() { return failure; }
    public UUID id() { return id; }
    public String party() { return party; }
    public String format() { return format; }
    public byte[] payload() { return payload; }
    public Status status() { return status; }
    public int totalRows() { return totalRows; }
    public int processedRows() { return processedRows; }
    public int matched() { return matched; }
    public int toReview() { return toReview; }
    public int newEntries() { return newEntries; }
    public long comparisons() { return comparisons; }
    public String submittedByOrganisation() { return submittedByOrganisation; }
    public Instant submittedAt() { return submittedAt; }
    public Instant finishedAt() { return finishedAt; }
}

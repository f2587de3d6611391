package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.identification.shared.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * One link of a chain of custody: from {@link #heldFrom()} the item (the remains, or a sample taken from
 * them) was held by someone somewhere, until the next entry of the same item. Entries are only ever added
 * (the table refuses updates and deletes); {@link CustodyChain} decides whether one may be.
 */
@Entity
@Table(name = "custody_entry")
public class CustodyEntry {

    /** The item name of the remains themselves; samples carry their own identifiers. */
    public static final String REMAINS = "REMAINS";

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String item;

    @Column(name = "sample_type")
    private String sampleType;

    @Column(name = "held_by", nullable = false)
    private String heldBy;

    @Column(nullable = false)
    private String location;

    @Column(name = "held_from", nullable = false)
    private Instant heldFrom;

    @Embedded
    private Recording recorded;

    protected CustodyEntry() {
    }

    CustodyEntry(UUID caseId, int position, String item, String sampleType, String heldBy, String location,
                 Instant heldFrom, Actor recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.position = position;
        this.item = item;
        this.sampleType = sampleType;
        this.heldBy = heldBy;
        this.location = location;
        this.heldFrom = heldFrom;
        this.recorded = Recording.of(recordedBy, now);
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public int position() { return position; }
    public String item() { return item; }
    public String sampleType() { return sampleType; }
    public String heldBy() { return heldBy; }
    public String location() { return location; }
    public Instant heldFrom() { return heldFrom; }
    public Recording recorded() { return recorded; }
}

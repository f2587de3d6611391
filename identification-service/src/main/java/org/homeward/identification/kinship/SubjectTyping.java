package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.homeward.identification.shared.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * What every typing of a subject records beside its sealed values (an STR profile, a Y-STR haplotype, an mtDNA
 * sequence): whose it is (a case's remains or a reference donor), of which party, from which sample, by whom and when.
 */
@MappedSuperclass
public abstract class SubjectTyping {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private DnaProfile.SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;

    @Column(nullable = false)
    private String party;

    @Column(name = "sample_id", nullable = false)
    private String sampleId;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_by_organisation", nullable = false)
    private String recordedByOrganisation;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected SubjectTyping() {
    }

    protected SubjectTyping(DnaProfile.SubjectKind kind, UUID subjectId, String party) {
        this.id = UUID.randomUUID();
        this.subjectKind = kind;
        this.subjectId = subjectId;
        this.party = party;
    }

    /** A typing of the sample, by the actor, now: it replaces the one on file. */
    protected void typed(String sampleId, Actor by, Instant now) {
        this.sampleId = sampleId;
        this.recordedBy = by.subject();
        this.recordedByOrganisation = by.organisation();
        this.recordedAt = now;
    }

    public UUID id() { return id; }
    public DnaProfile.SubjectKind subjectKind() { return subjectKind; }
    public UUID subjectId() { return subjectId; }
    public String party() { return party; }
    public String sampleId() { return sampleId; }
    public String recordedByOrganisation() { return recordedByOrganisation; }
    public Instant recordedAt() { return recordedAt; }
}

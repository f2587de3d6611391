package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;
import org.homeward.identification.shared.Actor;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BinaryOperator;

/**
 * A Y-STR haplotype of a case's remains, or of a male reference donor with his place on the missing man's paternal
 * line. Each locus's call is sealed on its own with the profile key, bound to this row, its subject and the locus,
 * as {@link DnaProfile}'s genotypes are; a new typing of the same subject replaces it.
 */
@Entity
@Table(name = "lineage_profile")
public class LineageProfile {

    /** The lineage method; mtDNA will be the second. */
    public enum Method { Y_STR }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private DnaProfile.SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;

    @Column(nullable = false)
    private String party;

    @Column(name = "sample_id", nullable = false)
    private String sampleId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> markers = new TreeMap<>();

    @Column(name = "marker_count", nullable = false)
    private int markerCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "paternal_line")
    private PaternalLine paternalLine;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_by_organisation", nullable = false)
    private String recordedByOrganisation;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected LineageProfile() {
    }

    /** @param paternalLine the donor's place on the missing man's paternal line; null for remains */
    public LineageProfile(DnaProfile.SubjectKind kind, UUID subjectId, String party, String sampleId,
                          YHaplotype haplotype, PaternalLine paternalLine, BinaryOperator<String> seal, Actor by,
                          Instant now) {
        if ((kind == DnaProfile.SubjectKind.DONOR) != (paternalLine != null)) {
            throw new IllegalArgumentException("A donor's haplotype states his place on the paternal line; remains' do not");
        }
        this.id = UUID.randomUUID();
        this.method = Method.Y_STR;
        this.subjectKind = kind;
        this.subjectId = subjectId;
        this.party = party;
        retype(sampleId, haplotype, paternalLine, seal, by, now);
    }

    /** A new typing of the same subject: it replaces the one on file. */
    public void retype(String sampleId, YHaplotype haplotype, PaternalLine paternalLine, BinaryOperator<String> seal,
                       Actor by, Instant now) {
        this.sampleId = sampleId;
        this.paternalLine = paternalLine;
        Map<String, String> sealed = new TreeMap<>();
        haplotype.loci().forEach((locus, call) -> sealed.put(locus, seal.apply(call.toString(), place(locus))));
        this.markers = sealed;
        this.markerCount = sealed.size();
        this.recordedBy = by.subject();
        this.recordedByOrganisation = by.organisation();
        this.recordedAt = now;
    }

    public YHaplotype open(BinaryOperator<String> unseal) {
        Map<String, YLocusCall> calls = new TreeMap<>();
        markers.forEach((locus, sealed) -> calls.put(locus, YLocusCall.parse(unseal.apply(sealed, place(locus)))));
        return new YHaplotype(calls);
    }

    /** Seals every locus again as it is (a rotated key). */
    public void resealed(BinaryOperator<String> unseal, BinaryOperator<String> seal) {
        Map<String, String> again = new TreeMap<>();
        markers.forEach((locus, sealed) -> again.put(locus, seal.apply(unseal.apply(sealed, place(locus)), place(locus))));
        this.markers = again;
    }

    private String place(String locus) {
        return "lineage_profile.markers|" + id + "|" + method + "|" + subjectKind + ":" + subjectId + "|" + locus;
    }

    public UUID id() { return id; }
    public Method method() { return method; }
    public DnaProfile.SubjectKind subjectKind() { return subjectKind; }
    public UUID subjectId() { return subjectId; }
    public String party() { return party; }
    public String sampleId() { return sampleId; }
    public int markerCount() { return markerCount; }
    public PaternalLine paternalLine() { return paternalLine; }
    public String recordedByOrganisation() { return recordedByOrganisation; }
    public Instant recordedAt() { return recordedAt; }
}

package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MtHaplotype;
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
 * A lineage typing of a case's remains or of a reference donor: a Y-STR haplotype (with the donor's place on the
 * missing person's paternal line) or an mtDNA sequence (with his place on the maternal line). Each value is sealed
 * on its own with the profile key, bound to this row, its subject and its name (a Y locus; an mtDNA sequence's
 * {@code range} and {@code variants}), as {@link DnaProfile}'s genotypes are; a new typing of the same subject by the
 * same method replaces it.
 */
@Entity
@Table(name = "lineage_profile")
public class LineageProfile extends SubjectTyping {

    public enum Method { Y_STR, MT_DNA }

    private static final String RANGE = "range";
    private static final String VARIANTS = "variants";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> markers = new TreeMap<>();

    @Column(name = "marker_count", nullable = false)
    private int markerCount;

    /** A donor's place on the paternal line (a PaternalLine) or the maternal line (a MaternalLine); null for remains. */
    @Column(name = "line_place")
    private String linePlace;

    protected LineageProfile() {
    }

    private LineageProfile(Method method, DnaProfile.SubjectKind kind, UUID subjectId, String party) {
        super(kind, subjectId, party);
        this.method = method;
    }

    /** A Y-STR haplotype; {@code place} is the donor's place on the paternal line, null for remains. */
    public static LineageProfile yStr(DnaProfile.SubjectKind kind, UUID subjectId, String party, String sampleId,
                                      YHaplotype haplotype, PaternalLine place, BinaryOperator<String> seal, Actor by,
                                      Instant now) {
        LineageProfile profile = new LineageProfile(Method.Y_STR, kind, subjectId, party);
        profile.retypeY(sampleId, haplotype, place, seal, by, now);
        return profile;
    }

    /** An mtDNA sequence; {@code place} is the donor's place on the maternal line, null for remains. */
    public static LineageProfile mtDna(DnaProfile.SubjectKind kind, UUID subjectId, String party, String sampleId,
                                       MtHaplotype sequence, MaternalLine place, BinaryOperator<String> seal, Actor by,
                                       Instant now) {
        LineageProfile profile = new LineageProfile(Method.MT_DNA, kind, subjectId, party);
        profile.retypeMt(sampleId, sequence, place, seal, by, now);
        return profile;
    }

    /** A new Y-STR typing of the same subject: it replaces the one on file. */
    public void retypeY(String sampleId, YHaplotype haplotype, PaternalLine place, BinaryOperator<String> seal, Actor by,
                        Instant now) {
        requireMethod(Method.Y_STR);
        Map<String, String> calls = new TreeMap<>();
        haplotype.loci().forEach((locus, call) -> calls.put(locus, call.toString()));
        retype(sampleId, calls, place == null ? null : place.name(), seal, by, now);
    }

    /** A new mtDNA sequencing of the same subject: it replaces the one on file. */
    public void retypeMt(String sampleId, MtHaplotype sequence, MaternalLine place, BinaryOperator<String> seal,
                         Actor by, Instant now) {
        requireMethod(Method.MT_DNA);
        retype(sampleId, Map.of(RANGE, sequence.range().toString(), VARIANTS, sequence.variantsText()),
                place == null ? null : place.name(), seal, by, now);
    }

    private void retype(String sampleId, Map<String, String> plain, String place, BinaryOperator<String> seal, Actor by,
                        Instant now) {
        if ((subjectKind() == DnaProfile.SubjectKind.DONOR) != (place != null)) {
            throw new IllegalArgumentException("A donor's typing states his place on the line; remains' do not");
        }
        typed(sampleId, by, now);
        this.linePlace = place;
        Map<String, String> sealed = new TreeMap<>();
        plain.forEach((name, value) -> sealed.put(name, seal.apply(value, place(name))));
        this.markers = sealed;
        this.markerCount = method == Method.Y_STR ? sealed.size() : plain.get(VARIANTS).isEmpty() ? 0
                : plain.get(VARIANTS).split(" ").length;
    }

    private void requireMethod(Method expected) {
        if (method != expected) {
            throw new IllegalStateException("A " + method + " typing is not a " + expected + " typing");
        }
    }

    /** The Y-STR haplotype, opened. */
    public YHaplotype haplotype(BinaryOperator<String> unseal) {
        requireMethod(Method.Y_STR);
        Map<String, YLocusCall> calls = new TreeMap<>();
        markers.forEach((locus, sealed) -> calls.put(locus, YLocusCall.parse(unseal.apply(sealed, place(locus)))));
        return new YHaplotype(calls);
    }

    /** The mtDNA sequence, opened. */
    public MtHaplotype sequence(BinaryOperator<String> unseal) {
        requireMethod(Method.MT_DNA);
        return MtHaplotype.parse(unseal.apply(markers.get(RANGE), place(RANGE)),
                unseal.apply(markers.get(VARIANTS), place(VARIANTS)));
    }

    /** Seals every value again as it is (a rotated key). */
    public void resealed(BinaryOperator<String> unseal, BinaryOperator<String> seal) {
        Map<String, String> again = new TreeMap<>();
        markers.forEach((name, sealed) -> again.put(name, seal.apply(unseal.apply(sealed, place(name)), place(name))));
        this.markers = again;
    }

    private String place(String name) {
        return "lineage_profile.markers|" + id() + "|" + method + "|" + subjectKind() + ":" + subjectId() + "|" + name;
    }

    public Method method() { return method; }
    /** Y-STR loci typed, or mtDNA variants from the rCRS. */
    public int markerCount() { return markerCount; }
    public String linePlace() { return linePlace; }
}

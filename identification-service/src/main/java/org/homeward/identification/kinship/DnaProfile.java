package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.kinship.engine.DnaSex;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.shared.Actor;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BinaryOperator;

/**
 * The STR profile of a case's remains or of a family reference donor. Each locus's genotype is stored
 * encrypted on its own ("15/16" sealed with the profile key), bound to this row, its subject and the locus
 * (so a value copied to another profile or locus does not open); a new typing of the same subject replaces it.
 * The seal and unseal functions take the value and its place.
 */
@Entity
@Table(name = "dna_profile")
public class DnaProfile extends SubjectTyping {

    public enum SubjectKind { CASE, DONOR }

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> loci = new TreeMap<>();

    @Column(name = "locus_count", nullable = false)
    private int locusCount;

    /** What Amelogenin and the Y markers typed say of the source's sex. */
    @Enumerated(EnumType.STRING)
    @Column(name = "dna_sex", nullable = false)
    private DnaSex dnaSex = DnaSex.NOT_TYPED;

    /** The sample's allele drop-out probability (0: read exactly; above 0: a degraded sample). */
    @Column(nullable = false)
    private double dropout;

    protected DnaProfile() {
    }

    public DnaProfile(SubjectKind kind, UUID subjectId, String party, String sampleId, StrProfile profile, DnaSex sex,
                      BinaryOperator<String> seal, Actor by, Instant now) {
        super(kind, subjectId, party);
        retype(sampleId, profile, sex, seal, by, now);
    }

    /** A new typing of the same subject (another sample, more loci): it replaces the one on file. */
    public void retype(String sampleId, StrProfile profile, DnaSex sex, BinaryOperator<String> seal, Actor by, Instant now) {
        typed(sampleId, by, now);
        this.dnaSex = sex;
        Map<String, String> sealed = new TreeMap<>();
        profile.loci().forEach((locus, genotype) -> sealed.put(locus, seal.apply(genotype.toString(), place(locus))));
        this.loci = sealed;
        this.locusCount = sealed.size();
        this.dropout = profile.dropout();
    }

    public double dropout() {
        return dropout;
    }

    public DnaSex dnaSex() {
        return dnaSex;
    }

    /** Seals every locus again as it is (a rotated key, a value sealed before it was bound to its place). */
    public void resealed(BinaryOperator<String> unseal, BinaryOperator<String> seal) {
        Map<String, String> again = new TreeMap<>();
        loci.forEach((locus, sealed) -> again.put(locus, seal.apply(unseal.apply(sealed, place(locus)), place(locus))));
        this.loci = again;
    }

    private String place(String locus) {
        return "dna_profile.loci|" + id() + "|" + subjectKind() + ":" + subjectId() + "|" + locus;
    }

    public StrProfile open(BinaryOperator<String> unseal) {
        Map<String, Genotype> genotypes = new TreeMap<>();
        loci.forEach((locus, sealed) -> {
            String[] alleles = unseal.apply(sealed, place(locus)).split("/");
            genotypes.put(locus, new Genotype(alleles[0], alleles[1]));
        });
        return new StrProfile(genotypes, dropout);
    }

    public int locusCount() { return locusCount; }
}

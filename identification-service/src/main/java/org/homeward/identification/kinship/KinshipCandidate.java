package org.homeward.identification.kinship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.kinship.engine.LikelihoodRatio;
import org.homeward.identification.kinship.engine.ReferenceCheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BinaryOperator;

/**
 * The remains of a case compared with a missing person's family references, at or above the reporting
 * threshold: the ratio locus by locus, the prior and posterior, its rank among the case's candidates, and
 * whether it is undisputed. Recomputed in place whenever the case's profile or the family's references
 * change (one candidate per case and person, its id kept); erased with the consent of any donor it rests on,
 * or when the person is no longer found.
 */
@Entity
@Table(name = "kinship_candidate")
public class KinshipCandidate {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(nullable = false)
    private String party;

    /** How the family was compared: the relationship of its one reference, or PEDIGREE. */
    @Column(nullable = false)
    private String reference;

    /** Every donor the candidate rests on: its entry's and each lineage reference's (a withdrawal erases it). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "donor_ids", nullable = false)
    private List<UUID> donorIds;

    /** The donors of the autosomal entry its ratio comes from (none for a family typed on lineage markers only). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "entry_donor_ids", nullable = false)
    private List<UUID> entryDonorIds = List.of();

    /** The autosomal ratio times each lineage part in the ratio (one per method) that does not exclude. */
    @Column(nullable = false)
    private double lr;

    @Column(name = "autosomal_lr", nullable = false)
    private double autosomalLr;

    /** The remains' lineage typings compared with each reference of the person's lines (LineagePart). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lineage", nullable = false)
    private List<LineagePart> lineage = List.of();

    @Column(name = "log10_lr", nullable = false)
    private double log10Lr;

    /** The per-locus ratios, sealed with the profile key ("locus=ratio" lines), bound to this row, case and person. */
    @Column(name = "per_locus", nullable = false)
    private String perLocus;

    @Column(name = "loci_compared", nullable = false)
    private int lociCompared;

    @Column(nullable = false)
    private double prior;

    @Column(nullable = false)
    private double posterior;

    @Column(name = "rank_in_case", nullable = false)
    private int rankInCase;

    @Column(nullable = false)
    private boolean undisputed;

    @Column(nullable = false)
    private String method;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    /** What the numbers rest on (null for a candidate computed before this was recorded; recomputing fills it). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "basis")
    private CandidateBasis basis;

    /** Each of the family's references compared on its own with the remains. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reference_checks", nullable = false)
    private List<ReferenceCheck> referenceChecks = List.of();

    /** The remains' DNA sex against the person's reported sex. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sex_comparison", nullable = false)
    private SexComparison sexComparison = SexComparison.NOT_COMPARED;

    /** The clauses of the undisputed rule it failed, in words (empty when undisputed). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "disputed_because", nullable = false)
    private List<String> disputedBecause = List.of();

    protected KinshipCandidate() {
    }

    public KinshipCandidate(UUID caseId, UUID personId, String party, String reference, List<UUID> entryDonorIds,
                            List<UUID> donorIds, double autosomalLr, List<LineagePart> lineage, Map<String, Double> perLocus, String method,
                            double prior, CandidateBasis basis, List<ReferenceCheck> referenceChecks,
                            BinaryOperator<String> seal, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.personId = personId;
        this.party = party;
        recomputed(reference, entryDonorIds, donorIds, autosomalLr, lineage, perLocus, method, prior, basis,
                referenceChecks, seal, now);
    }

    /**
     * The same case and person compared again (new references, a retyped profile): the numbers change, the
     * identity does not, so a proposal resting on this candidate still points at it.
     */
    public void recomputed(String reference, List<UUID> entryDonorIds, List<UUID> donorIds, double autosomalLr,
                           List<LineagePart> lineage,
                           Map<String, Double> perLocus, String method, double prior, CandidateBasis basis,
                           List<ReferenceCheck> referenceChecks, BinaryOperator<String> seal, Instant now) {
        this.basis = basis;
        this.referenceChecks = List.copyOf(referenceChecks);
        this.reference = reference;
        this.donorIds = List.copyOf(donorIds);
        this.entryDonorIds = List.copyOf(entryDonorIds);
        this.autosomalLr = autosomalLr;
        this.lineage = List.copyOf(lineage);
        // The Y chromosome, the mitochondria and the autosomes are inherited independently of each other, so under
        // either hypothesis their parts multiply; a part that excludes is shown and sends the candidate to review
        // instead (UndisputedRule).
        this.lr = combined(autosomalLr, lineage);
        this.log10Lr = Math.log10(lr);
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(perLocus).forEach((locus, ratio) -> lines.append(locus).append('=').append(ratio).append('\n'));
        this.perLocus = seal.apply(lines.toString(), place());
        this.lociCompared = perLocus.size();
        this.method = method;
        this.prior = prior;
        this.posterior = LikelihoodRatio.posterior(lr, prior);
        this.rankInCase = 0;
        this.computedAt = now;
    }

    /** The ratio the candidate is ranked by: the autosomal one times each part in the ratio that does not exclude. */
    public static double combined(double autosomalLr, List<LineagePart> lineage) {
        double lr = autosomalLr;
        for (LineagePart part : lineage) {
            lr *= part.inRatio() && part.weighed() && !part.excludes() ? part.lr() : 1;
        }
        return lr;
    }

    /** A donor withdrew consent: its own comparison with the remains is erased from this candidate. */
    public void forgetReference(String donorId) {
        referenceChecks = referenceChecks.stream().filter(check -> !check.donorId().equals(donorId)).toList();
    }

    /**
     * Where it stands among the candidates of its case: its rank, its posterior among them (so two brothers
     * cannot both show near 1) and whether it is undisputed (UndisputedRule).
     */
    public void ranked(int rank, double posteriorAmongRivals, SexComparison sex, List<String> failedClauses) {
        this.sexComparison = sex;
        this.rankInCase = rank;
        this.posterior = posteriorAmongRivals;
        this.undisputed = failedClauses.isEmpty();
        this.disputedBecause = List.copyOf(failedClauses);
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public UUID personId() { return personId; }
    public String party() { return party; }
    public String reference() { return reference; }
    public List<UUID> donorIds() { return donorIds; }
    public List<UUID> entryDonorIds() { return entryDonorIds; }
    public double lr() { return lr; }
    public double log10Lr() { return log10Lr; }
    public double autosomalLr() { return autosomalLr; }
    public List<LineagePart> lineage() { return lineage; }
    /** The per-locus ratios by locus name, opened with the profile key. */
    public Map<String, Double> perLocus(BinaryOperator<String> unseal) {
        Map<String, Double> ratios = new TreeMap<>();
        for (String line : unseal.apply(perLocus, place()).split("\n")) {
            if (!line.isEmpty()) {
                int at = line.lastIndexOf('=');
                ratios.put(line.substring(0, at), Double.parseDouble(line.substring(at + 1)));
            }
        }
        return ratios;
    }
    /** Seals the ratios again as they are (a rotated key, a value sealed before it was bound to its place). */
    public void resealed(BinaryOperator<String> unseal, BinaryOperator<String> seal) {
        perLocus = seal.apply(unseal.apply(perLocus, place()), place());
    }

    private String place() {
        return "kinship_candidate.per_locus|" + id + "|" + caseId + "|" + personId;
    }

    public int lociCompared() { return lociCompared; }
    public double prior() { return prior; }
    public double posterior() { return posterior; }
    public CandidateBasis basis() { return basis; }
    public List<ReferenceCheck> referenceChecks() { return referenceChecks; }
    public List<String> disputedBecause() { return disputedBecause; }
    public SexComparison sexComparison() { return sexComparison; }
    public int rankInCase() { return rankInCase; }
    public boolean undisputed() { return undisputed; }
    public String method() { return method; }
    public Instant computedAt() { return computedAt; }
}

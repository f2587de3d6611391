package org.homeward.transfer.prisoners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A Mixed Medical Commission's decision on one prisoner (GC III Art. 110 and 112): whether he is seriously
 * wounded or sick, decided on a date, under the commission's reference. Append-only: a later decision stands
 * over an earlier one, both are kept. Eligibility for a SERIOUSLY_WOUNDED_OR_SICK term reads the latest decision
 * made on or before the term's reference date.
 */
@Entity
@Table(name = "medical_finding")
public class MedicalFinding {

    @Id
    private UUID id;
    @Column(name = "prisoner_id", nullable = false)
    private UUID prisonerId;
    @Column(name = "seriously_wounded_or_sick", nullable = false)
    private boolean seriouslyWoundedOrSick;
    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;
    @Column(name = "commission_reference", nullable = false)
    private String commissionReference;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected MedicalFinding() {
    }

    public static MedicalFinding of(HeldPrisoner prisoner, boolean seriouslyWoundedOrSick, LocalDate decidedOn,
                                    String commissionReference, String recordedBy, LocalDate today, Instant now) {
        if (prisoner.status() != PrisonerStatus.HELD) {
            throw new RuleViolation("prisonerId", "A commission decides on prisoners held; this record is "
                    + prisoner.status());
        }
        if (decidedOn.isAfter(today) || decidedOn.isBefore(prisoner.capturedOn())) {
            throw new RuleViolation("decidedOn", "A commission's decision falls between the capture and today");
        }
        MedicalFinding finding = new MedicalFinding();
        finding.id = UUID.randomUUID();
        finding.prisonerId = prisoner.id();
        finding.seriouslyWoundedOrSick = seriouslyWoundedOrSick;
        finding.decidedOn = decidedOn;
        finding.commissionReference = commissionReference;
        finding.recordedBy = recordedBy;
        finding.recordedAt = now;
        return finding;
    }

    public UUID id() { return id; }
    public UUID prisonerId() { return prisonerId; }
    public boolean seriouslyWoundedOrSick() { return seriouslyWoundedOrSick; }
    public LocalDate decidedOn() { return decidedOn; }
    public String commissionReference() { return commissionReference; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}

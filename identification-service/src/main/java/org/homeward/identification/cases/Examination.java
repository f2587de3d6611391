package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One examination of the remains: what the examiner found and how. Never changed; a correction is another. */
@Entity
@Table(name = "examination")
public class Examination {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExaminationKind kind;

    @Column(nullable = false)
    private String examiner;

    @Column(name = "examined_on", nullable = false)
    private LocalDate examinedOn;

    @Column(nullable = false)
    private String method;

    @Column(nullable = false)
    private String findings;

    @Embedded
    private Recording recorded;

    protected Examination() {
    }

    public Examination(UUID caseId, ExaminationKind kind, String examiner, LocalDate examinedOn, String method,
                       String findings, Actor recordedBy, Instant now, LocalDate today) {
        if (examinedOn.isAfter(today)) {
            throw new RuleViolation("examinedOn", "An examination cannot be dated in the future");
        }
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.examiner = examiner;
        this.examinedOn = examinedOn;
        this.method = method;
        this.findings = findings;
        this.recorded = Recording.of(recordedBy, now);
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public ExaminationKind kind() { return kind; }
    public String examiner() { return examiner; }
    public LocalDate examinedOn() { return examinedOn; }
    public String method() { return method; }
    public String findings() { return findings; }
    public Recording recorded() { return recorded; }
}

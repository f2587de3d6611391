package org.homeward.identification.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.homeward.platform.linkage.LinkageOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One report that contributed to the register, kept as its source gave it with its provenance. It belongs
 * to a person: the one it matched or created ({@link #originalPersonId()}), or the one a reviewer merged
 * that person into; undoing the merge gives it back.
 */
@Entity
@Table(name = "person_report")
public class PersonReport {

    @Id
    private UUID id;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(name = "original_person_id", nullable = false)
    private UUID originalPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportSource source;

    @Column(name = "source_address")
    private String sourceAddress;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Column(nullable = false)
    private String surname;

    @Column(name = "first_names")
    private String firstNames;

    private String patronymic;

    @Column(nullable = false)
    private String script;

    private String language;

    @Column(name = "date_of_birth")
    private String dateOfBirth;

    @Column(name = "service_number")
    private String serviceNumber;

    private String unit;

    private String circumstances;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkageOutcome linkage;

    @Column(name = "import_id")
    private UUID importId;

    @Column(name = "reported_by_organisation", nullable = false)
    private String reportedByOrganisation;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected PersonReport() {
    }

    /**
     * @param linkage how the report was linked: MATCHED to an existing person, or NO_MATCH (it created
     *                one), PROBABLE, CONFLICT or UNCOMPARED (it created one and a reviewer is asked)
     */
    public PersonReport(ReportedPerson report, UUID personId, LinkageOutcome linkage, UUID importId,
                        String organisation, Instant now) {
        this.id = UUID.randomUUID();
        this.personId = personId;
        this.originalPersonId = personId;
        this.source = report.source();
        this.sourceAddress = report.sourceAddress();
        this.reportedOn = report.reportedOn();
        this.surname = report.surname();
        this.firstNames = report.firstNames();
        this.patronymic = report.patronymic();
        this.script = report.script();
        this.language = report.language();
        this.dateOfBirth = report.birthDate().toString();
        this.serviceNumber = report.serviceNumber();
        this.unit = report.unit();
        this.circumstances = report.circumstances();
        this.linkage = linkage;
        this.importId = importId;
        this.reportedByOrganisation = organisation;
        this.receivedAt = now;
    }

    public UUID id() { return id; }
    public UUID personId() { return personId; }
    public UUID originalPersonId() { return originalPersonId; }
    public ReportSource source() { return source; }
    public String sourceAddress() { return sourceAddress; }
    public LocalDate reportedOn() { return reportedOn; }
    public String surname() { return surname; }
    public String firstNames() { return firstNames; }
    public String patronymic() { return patronymic; }
    public String script() { return script; }
    public String language() { return language; }
    public String dateOfBirth() { return dateOfBirth; }
    public String serviceNumber() { return serviceNumber; }
    public String unit() { return unit; }
    public String circumstances() { return circumstances; }
    public LinkageOutcome linkage() { return linkage; }
    public UUID importId() { return importId; }
    public String reportedByOrganisation() { return reportedByOrganisation; }
    public Instant receivedAt() { return receivedAt; }
}

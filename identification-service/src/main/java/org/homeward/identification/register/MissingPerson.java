package org.homeward.identification.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.time.Instant;
import java.util.UUID;

/**
 * One person in the register of the missing, as the first report named him; later reports that match
 * attach to him and fill what he lacks (a service number, a full date of birth), never overwrite it.
 */
@Entity
@Table(name = "missing_person")
public class MissingPerson {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PersonStatus status;

    @Column(nullable = false)
    private String party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PersonCategory category;

    @Column(nullable = false)
    private String surname;

    @Column(name = "first_names")
    private String firstNames;

    private String patronymic;

    @Column(name = "name_script", nullable = false)
    private String nameScript;

    @Column(name = "name_language")
    private String nameLanguage;

    @Column(name = "birth_year")
    private Integer birthYear;

    @Column(name = "birth_month")
    private Integer birthMonth;

    @Column(name = "birth_day")
    private Integer birthDay;

    @Column(name = "service_number")
    private String serviceNumber;

    @Column(name = "service_number_key")
    private String serviceNumberKey;

    private String unit;

    /** As first reported; null when unknown, which never excludes a match. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sex")
    private Sex sex;

    private String circumstances;

    @Column(name = "surname_key", nullable = false)
    private String surnameKey;

    @Column(name = "given_name_key", nullable = false)
    private String givenNameKey;

    @Column(name = "blocking_prefix", nullable = false)
    private String blockingPrefix;

    @Column(name = "merged_into")
    private UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected MissingPerson() {
    }

    public static MissingPerson from(ReportedPerson report, Instant now) {
        MissingPerson person = new MissingPerson();
        person.id = UUID.randomUUID();
        person.status = PersonStatus.MISSING;
        person.party = report.party();
        person.category = report.category();
        person.surname = report.surname();
        person.firstNames = report.firstNames();
        person.patronymic = report.patronymic();
        person.nameScript = report.script();
        person.nameLanguage = report.language();
        person.unit = report.unit();
        person.sex = report.sex();
        person.circumstances = report.circumstances();
        person.serviceNumber = report.serviceNumber();
        person.serviceNumberKey = Particulars.serviceNumberKey(report.serviceNumber());
        person.setBirthDate(report.birthDate());
        person.setKeys(report.particulars());
        person.createdAt = now;
        return person;
    }

    /** A matching report fills what the register lacks; what is known stays as first reported. */
    public void complementWith(ReportedPerson report) {
        if (serviceNumber == null && report.serviceNumber() != null) {
            serviceNumber = report.serviceNumber();
            serviceNumberKey = Particulars.serviceNumberKey(serviceNumber);
        }
        BirthDate known = birthDate();
        if (!known.isFull() && report.birthDate().isFull() && (!known.isKnown()
                || known.year().equals(report.birthDate().year()))) {
            setBirthDate(report.birthDate());
        }
        if (unit == null) {
            unit = report.unit();
        }
        if (sex == null) {
            sex = report.sex();
        }
    }

    /**
     * Folds this entry into another one standing for the same person. Only a MISSING entry is merged (a
     * reviewer decides on one that was just reported), so undoing the merge gives back exactly what it was.
     */
    public void mergeInto(MissingPerson survivor) {
        if (status != PersonStatus.MISSING) {
            throw new InvalidTransition("Only a missing entry is merged; this one is " + status);
        }
        if (survivor.id.equals(id) || survivor.status == PersonStatus.MERGED) {
            throw new InvalidTransition("An entry is merged into another entry that stands");
        }
        status = PersonStatus.MERGED;
        mergedInto = survivor.id;
    }

    public void unmerge() {
        if (status != PersonStatus.MERGED) {
            throw new InvalidTransition("This entry is not merged");
        }
        // mergeInto took only MISSING entries
        status = PersonStatus.MISSING;
        mergedInto = null;
    }

    /** A released prisoner recognised in the register. */
    public void released() {
        if (status != PersonStatus.MISSING) {
            throw new InvalidTransition("Only a missing person can be released; this one is " + status);
        }
        status = PersonStatus.RELEASED;
    }

    /** The release was recorded for a person the transfer's reconciliation found never arrived. */
    public void releaseWithdrawn() {
        if (status == PersonStatus.RELEASED) {
            status = PersonStatus.MISSING;
        }
    }

    public Particulars particulars() {
        return new Particulars(surnameKey, givenNameKey, birthDate(), serviceNumberKey);
    }

    public BirthDate birthDate() {
        return new BirthDate(birthYear, birthMonth, birthDay);
    }

    private void setBirthDate(BirthDate date) {
        birthYear = date.year();
        birthMonth = date.month();
        birthDay = date.day();
    }

    private void setKeys(Particulars particulars) {
        surnameKey = particulars.surnameKey();
        givenNameKey = particulars.givenNameKey();
        blockingPrefix = particulars.blockingPrefix();
    }

    public UUID id() { return id; }
    public PersonStatus status() { return status; }
    public String party() { return party; }
    public PersonCategory category() { return category; }
    public String surname() { return surname; }
    public String firstNames() { return firstNames; }
    public String patronymic() { return patronymic; }
    public String nameScript() { return nameScript; }
    public String nameLanguage() { return nameLanguage; }
    public String serviceNumber() { return serviceNumber; }
    public String unit() { return unit; }
    public Sex sex() { return sex; }
    public String circumstances() { return circumstances; }
    public UUID mergedInto() { return mergedInto; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}

package org.homeward.transfer.prisoners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A prisoner of war as the detaining party's National Information Bureau records him (GC III Art. 17, 70, 122):
 * identity in the original script, rank and service number, father's first name and mother's maiden name,
 * where he was born, whom to inform, when and where he was captured, where he is interned and his state of
 * health. The folded Latin keys of his names are kept to match the other party's requests across scripts.
 * A death in captivity (Art. 120) closes the record.
 */
@Entity
@Table(name = "held_prisoner")
public class HeldPrisoner {

    @Id
    private UUID id;
    @Column(name = "detaining_party", nullable = false)
    private String detainingParty;
    @Column(name = "party_of_origin", nullable = false)
    private String partyOfOrigin;
    @Column(nullable = false)
    private String surname;
    @Column(name = "first_names", nullable = false)
    private String firstNames;
    private String patronymic;
    @Column(name = "name_script", nullable = false)
    private String script;
    @Column(name = "name_language")
    private String language;
    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;
    @Column(name = "place_of_birth")
    private String placeOfBirth;
    @Column(nullable = false)
    private String rank;
    @Column(name = "service_number")
    private String serviceNumber;
    @Column(name = "service_number_key")
    private String serviceNumberKey;
    @Column(name = "father_first_name")
    private String fatherFirstName;
    @Column(name = "mother_maiden_name")
    private String motherMaidenName;
    @Column(name = "person_to_inform")
    private String personToInform;
    @Column(name = "captured_on", nullable = false)
    private LocalDate capturedOn;
    @Column(name = "capture_place", nullable = false)
    private String capturePlace;
    @Column(name = "internment_place", nullable = false)
    private String internmentPlace;
    @Column(name = "state_of_health")
    private String stateOfHealth;
    @Column(name = "surname_key", nullable = false)
    private String surnameKey;
    @Column(name = "given_name_key", nullable = false)
    private String givenNameKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PrisonerStatus status;
    @Column(name = "died_on")
    private LocalDate diedOn;
    @Column(name = "death_place")
    private String deathPlace;
    @Column(name = "death_cause")
    private String deathCause;
    @Column(name = "released_on")
    private LocalDate releasedOn;
    @Column(name = "recorded_by_organisation", nullable = false)
    private String recordedByOrganisation;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Version
    private long version;

    protected HeldPrisoner() {
    }

    /** A prisoner recorded by the detaining party, from particulars already checked ({@link PrisonerParticulars}). */
    public static HeldPrisoner record(String detainingParty, PrisonerParticulars p, String organisation, Instant now) {
        if (detainingParty.equals(p.partyOfOrigin())) {
            throw new RuleViolation("partyOfOrigin", "A party does not hold its own people as prisoners of war");
        }
        HeldPrisoner prisoner = new HeldPrisoner();
        prisoner.id = UUID.randomUUID();
        prisoner.detainingParty = detainingParty;
        prisoner.partyOfOrigin = p.partyOfOrigin();
        prisoner.surname = p.surname();
        prisoner.firstNames = p.firstNames();
        prisoner.patronymic = p.patronymic();
        prisoner.script = p.script();
        prisoner.language = p.language();
        prisoner.dateOfBirth = p.dateOfBirth();
        prisoner.placeOfBirth = p.placeOfBirth();
        prisoner.rank = p.rank();
        prisoner.serviceNumber = p.serviceNumber();
        prisoner.fatherFirstName = p.fatherFirstName();
        prisoner.motherMaidenName = p.motherMaidenName();
        prisoner.personToInform = p.personToInform();
        prisoner.capturedOn = p.capturedOn();
        prisoner.capturePlace = p.capturePlace();
        prisoner.internmentPlace = p.internmentPlace();
        prisoner.stateOfHealth = p.stateOfHealth();
        Particulars keys = prisoner.particulars();
        prisoner.surnameKey = keys.surnameKey();
        prisoner.givenNameKey = keys.givenNameKey();
        prisoner.serviceNumberKey = keys.serviceNumber();
        // A prisoner repatriated before Homeward kept the records (an earlier exchange) is recorded as released.
        prisoner.status = p.releasedOn() == null ? PrisonerStatus.HELD : PrisonerStatus.RELEASED;
        prisoner.releasedOn = p.releasedOn();
        prisoner.recordedByOrganisation = organisation;
        prisoner.recordedAt = now;
        return prisoner;
    }

    /** What the exchange lists compare of him with a request, in the register's terms. */
    public Particulars particulars() {
        return Particulars.of(surname, firstNames, language, new BirthDate(dateOfBirth.getYear(),
                dateOfBirth.getMonthValue(), dateOfBirth.getDayOfMonth()), serviceNumber);
    }

    /** Released: received by his own side on {@code on}. A record already closed stays as it is (false). */
    public boolean released(LocalDate on) {
        if (status != PrisonerStatus.HELD) {
            return false;
        }
        status = PrisonerStatus.RELEASED;
        releasedOn = on;
        return true;
    }

    /** A death in captivity (Art. 120): the record closes; it cannot precede his capture or follow today. */
    public void died(LocalDate on, String place, String cause, LocalDate today) {
        if (status != PrisonerStatus.HELD) {
            throw new InvalidTransition("Only a prisoner held can die in captivity; this record is " + status);
        }
        if (on.isAfter(today) || on.isBefore(capturedOn)) {
            throw new RuleViolation("diedOn", "A death in captivity falls between the capture and today");
        }
        status = PrisonerStatus.DIED;
        diedOn = on;
        deathPlace = place;
        deathCause = cause;
    }

    public UUID id() { return id; }
    public String detainingParty() { return detainingParty; }
    public String partyOfOrigin() { return partyOfOrigin; }
    public String surname() { return surname; }
    public String firstNames() { return firstNames; }
    public String patronymic() { return patronymic; }
    public String script() { return script; }
    public String language() { return language; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public String placeOfBirth() { return placeOfBirth; }
    public String rank() { return rank; }
    public String serviceNumber() { return serviceNumber; }
    public String fatherFirstName() { return fatherFirstName; }
    public String motherMaidenName() { return motherMaidenName; }
    public String personToInform() { return personToInform; }
    public LocalDate capturedOn() { return capturedOn; }
    public String capturePlace() { return capturePlace; }
    public String internmentPlace() { return internmentPlace; }
    public String stateOfHealth() { return stateOfHealth; }
    public PrisonerStatus status() { return status; }
    public LocalDate diedOn() { return diedOn; }
    public String deathPlace() { return deathPlace; }
    public String deathCause() { return deathCause; }
    public LocalDate releasedOn() { return releasedOn; }
    public String recordedByOrganisation() { return recordedByOrganisation; }
    public Instant recordedAt() { return recordedAt; }
}

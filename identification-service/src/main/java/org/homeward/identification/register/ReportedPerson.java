package org.homeward.identification.register;

import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.time.LocalDate;

/**
 * One report of a missing person as its source gave it: names in the script given (with that script and
 * the language), date of birth in full or the year only, sex if reported, and where the report came from; in an
 * import, the label of the family the source says he belongs to with other rows (brothers missing together).
 */
public record ReportedPerson(String surname, String firstNames, String patronymic, String script, String language,
                             BirthDate birthDate, String serviceNumber, String unit, String party,
                             PersonCategory category, String circumstances, ReportSource source,
                             String sourceAddress, LocalDate reportedOn, Sex sex, String familyGroup) {

    public ReportedPerson {
        if (source == ReportSource.OPEN_SOURCE && (sourceAddress == null || sourceAddress.isBlank())) {
            throw new RuleViolation("sourceAddress", "An open-source report keeps the address it was published at");
        }
    }

    public Particulars particulars() {
        return Particulars.of(surname, firstNames, language, birthDate, serviceNumber);
    }
}

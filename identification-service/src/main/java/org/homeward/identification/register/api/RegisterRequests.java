package org.homeward.identification.register.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.identification.register.PersonCategory;
import org.homeward.identification.register.ReportSource;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.identification.register.Sex;
import org.homeward.platform.text.SafeText;

import java.time.LocalDate;

/** Bodies of the register's writes. */
public final class RegisterRequests {

    private RegisterRequests() {
    }

    /** One report of a missing person; names in the script given, dateOfBirth YYYY-MM-DD or YYYY. */
    public record Report(@NotBlank @Size(max = 200) @Pattern(regexp = "(?=.*\\p{L})" + SafeText.PATTERN) String surname,
                         @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String firstNames,
                         @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String patronymic,
                         @NotNull @Pattern(regexp = "Cyrl|Latn") String script,
                         @Pattern(regexp = "[a-z]{2}") String language,
                         @Pattern(regexp = "\\d{4}(-\\d{2}-\\d{2})?") String dateOfBirth,
                         @Size(max = 64) @Pattern(regexp = SafeText.PATTERN) String serviceNumber,
                         @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String unit,
                         @NotNull @Pattern(regexp = "[A-Z]{2}") String party, @NotNull PersonCategory category,
                         @Size(max = 2000) @Pattern(regexp = SafeText.PATTERN) String circumstances,
                         @NotNull ReportSource source,
                         @Size(max = 500) @Pattern(regexp = "https?://\\S+") String sourceAddress,
                         @PastOrPresent LocalDate reportedOn, Sex sex) {

        ReportedPerson toDomain() {
            return new ReportedPerson(surname, firstNames, patronymic, script, language, BirthDate.parse(dateOfBirth),
                    serviceNumber, unit, party, category, circumstances, source, sourceAddress, reportedOn, sex, null);
        }
    }
}

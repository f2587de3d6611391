package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.homeward.platform.domain.RuleViolation;

import java.time.LocalDate;

/** The identity forensic examiners established, as proposed by one and confirmed by another. */
@Embeddable
public record EstablishedIdentity(
        @Column(name = "established_surname") String surname,
        @Column(name = "established_first_names") String firstNames,
        @Column(name = "established_patronymic") String patronymic,
        @Column(name = "established_date_of_birth") LocalDate dateOfBirth,
        @Column(name = "established_nationality") String nationality,
        @Column(name = "established_service_number") String serviceNumber) {

    public EstablishedIdentity {
        if (surname == null || surname.isBlank()) {
            throw new RuleViolation("establishedIdentity.surname", "An established identity names the person");
        }
        if (nationality == null || !nationality.matches("[A-Z]{2}")) {
            throw new RuleViolation("establishedIdentity.nationality",
                    "An established identity states the nationality as an ISO 3166-1 alpha-2 code");
        }
    }
}

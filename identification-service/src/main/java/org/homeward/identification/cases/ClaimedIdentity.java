package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/**
 * What the sending side claimed about the remains, kept as it came and never overwritten: the identity
 * examiners establish lives in {@link EstablishedIdentity}, beside it.
 */
@Embeddable
public record ClaimedIdentity(
        @Column(name = "claimed_category") String category,
        @Column(name = "claimed_nationality") String nationality,
        @Column(name = "claimed_surname") String surname,
        @Column(name = "claimed_first_names") String firstNames,
        @Column(name = "claimed_patronymic") String patronymic,
        @Column(name = "claimed_rank") String rank,
        @Column(name = "claimed_date_of_birth") LocalDate dateOfBirth,
        @Column(name = "claimed_service_number") String serviceNumber,
        @Column(name = "claimed_recovery_place") String recoveryPlace,
        @Column(name = "claimed_recovery_date") LocalDate recoveryDate,
        @Column(name = "claimed_personal_effects") String personalEffects) {
}

package org.homeward.identification.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.application.Identifications;
import org.homeward.platform.text.SafeText;

import java.time.LocalDate;

/** Bodies of the two steps of an identification. */
public final class IdentificationRequests {

    private IdentificationRequests() {
    }

    public record Identity(@NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String surname,
                           @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String firstNames,
                           @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String patronymic, LocalDate dateOfBirth,
                           @NotNull @Pattern(regexp = "[A-Z]{2}") String nationality,
                           @Size(max = 64) @Pattern(regexp = SafeText.PATTERN) String serviceNumber) {

        EstablishedIdentity toDomain() {
            return new EstablishedIdentity(surname, firstNames, patronymic, dateOfBirth, nationality, serviceNumber);
        }
    }

    /**
     * {@code kinshipCandidateId}: a DNA candidate of the case; its ratio and posterior are attached.
     * {@code missingPersonId}: for ODONTOLOGY, FINGERPRINTS and COMBINED, the person whose reconciliation with the
     * case carries the method; the reconciliation's reasons are attached.
     */
    public record Proposal(@NotNull IdentificationMethod method, @NotBlank @Size(max = 10000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String evidence,
                           @Valid @NotNull Identity establishedIdentity, java.util.UUID kinshipCandidateId,
                           java.util.UUID missingPersonId) {

        Identifications.Propose toCommand() {
            return new Identifications.Propose(method, evidence, establishedIdentity.toDomain(), kinshipCandidateId,
                    missingPersonId);
        }
    }

    /** CONFIRM or REJECT; a rejection says why. */
    public record Decision(@NotNull Identifications.Decision decision, @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }
}

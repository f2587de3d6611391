package org.homeward.agreement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.PrisonerCategory;
import org.homeward.agreement.TermBasis;
import org.homeward.agreement.TermKind;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Term", description = "One commitment. New terms may carry a 'key' so that a reciprocal N_FOR_N term "
        + "can name them in 'reciprocal'; existing terms are named by 'id' (stable across versions).")
public record TermInput(
        @Schema(description = "Id of an existing term (amendments); omit for a new term") UUID id,
        @Schema(example = "remains-ru-to-ua", description = "A label for this term within the request")
        @Size(max = 64) String key,
        @NotNull TermKind kind,
        @Schema(example = "RU") @NotNull @Pattern(regexp = "[A-Z]{2}") String fromParty,
        @Schema(example = "UA") @NotNull @Pattern(regexp = "[A-Z]{2}") String toParty,
        @NotNull TermBasis basis,
        @Schema(example = "6000") @Min(1) @Max(10_000_000) Integer quantity,
        PrisonerCategory category,
        @Size(max = 100) String customCategory,
        LocalDate dueDate,
        @Schema(example = "remains-ua-to-ru", description = "key or id of the reciprocal N_FOR_N term")
        @Size(max = 64) String reciprocal,
        @Schema(example = "1") @Min(1) @Max(1000) Integer ratio,
        @Schema(example = "1") @Min(1) @Max(1000) Integer reciprocalRatio,
        @Schema(example = "0", description = "How far the reciprocal balance may drift before it is flagged")
        @Min(0) @Max(10_000_000) Integer tolerance,
        @Schema(example = "2025-06-02", description = "POW_EXCHANGE only: the day eligibility is judged on (ages,"
                + " prisoners held); the agreement's effective date when omitted")
        LocalDate referenceDate) {
}

package org.homeward.identification.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.cases.ReturnedTo;
import org.homeward.identification.cases.application.CaseOutcomes;
import org.homeward.platform.text.SafeText;

import java.time.Instant;

/** Bodies of the case actions that are not creations. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** Hand the case to another identifying laboratory of the receiving party. */
    public record Reassign(@NotBlank @Size(max = 100) @Pattern(regexp = SafeText.PATTERN) String organisation, @NotBlank @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    /** Close the case as not a national or unidentifiable, with the reason. */
    public record Close(@NotNull CaseOutcomes.Closure outcome, @NotBlank @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    /** The handover of the remains; returnedAt defaults to now. */
    public record Return(@NotNull ReturnedTo returnedTo, @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String recipient,
                         @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String place, Instant returnedAt) {

        CaseOutcomes.RecordReturn toCommand() {
            return new CaseOutcomes.RecordReturn(returnedTo, recipient, place, returnedAt);
        }
    }
}

package org.homeward.identification.cases.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.cases.application.CommingledRemains;
import org.homeward.platform.text.SafeText;

import java.util.UUID;

/**
 * The bodies of the split and join endpoints. A reason is at most 800 characters: the cases' histories quote it
 * after the case ids and tags, in 1,000.
 */
public final class ComminglingRequests {

    private ComminglingRequests() {
    }

    /** {@code individuals}: the persons the remains hold, the case's own included. */
    public record Split(@NotNull @Min(2) @Max(CommingledRemains.MAX_INDIVIDUALS) Integer individuals,
                        @NotBlank @Size(max = 800) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    /** {@code fragmentCaseId}: the case whose remains join this one; {@code reassociationId}: optional, the DNA's word. */
    public record Join(@NotNull UUID fragmentCaseId, UUID reassociationId,
                       @NotBlank @Size(max = 800) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    public record Decision(@NotNull CommingledRemains.Decision decision,
                           @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }
}

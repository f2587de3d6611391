package org.homeward.identification.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.cases.ClosureKind;
import org.homeward.identification.cases.application.CaseClosures;
import org.homeward.platform.text.SafeText;

/** The bodies of the closure-proposal endpoints. */
public final class ClosureRequests {

    /**
     * Close as NOT_A_NATIONAL or UNIDENTIFIABLE, or REVOCATION of the confirmed identification, with the reason
     * (at most 900 characters: the case's history quotes it after a few words of its own, in 1,000).
     */
    public record Closure(@NotNull ClosureKind kind, @NotBlank @Size(max = 900) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    public record Decision(@NotNull CaseClosures.Decision decision, @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    private ClosureRequests() {
    }
}

package org.homeward.agreement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Amendment", description = "The complete new terms and effective date; existing terms are named by id")
public record AmendmentRequest(LocalDate effectiveDate,
                               @NotNull @Size(max = 100) List<@Valid @NotNull TermInput> terms,
                               @NotBlank @Size(max = 500) String reason) {
}

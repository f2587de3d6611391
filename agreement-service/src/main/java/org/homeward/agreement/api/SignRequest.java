package org.homeward.agreement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Signature", description = "Who signs for the caller's party. Personal data: never published on events.")
public record SignRequest(@Schema(example = "A. Signatory") @NotBlank @Size(max = 200) String signatoryName,
                          @Schema(example = "Head of delegation") @Size(max = 200) String signatoryTitle) {
}

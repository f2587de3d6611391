package org.homeward.agreement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an agreement is suspended, resumed or terminated. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}

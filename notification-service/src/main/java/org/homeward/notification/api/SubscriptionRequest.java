package org.homeward.notification.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.notification.SubscriptionSettings;

import java.util.List;
import java.util.UUID;

@Schema(name = "Subscription settings")
public record SubscriptionRequest(
        @Schema(example = "https://cases.example.org/homeward/webhooks") @NotBlank @Size(max = 2000) String url,
        @Schema(example = "[\"transfer.*\", \"agreement.term.fulfilled\"]")
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
        @Schema(description = "Only events of this agreement") UUID agreementId,
        @Schema(description = "Only events concerning this party", example = "UA") @Pattern(regexp = "[A-Z]{2}") String party,
        @Size(max = 500) String description,
        @Schema(description = "At most this many requests per second to the endpoint", example = "10")
        @Min(1) @Max(1000) Integer rateLimitPerSecond) {

    SubscriptionSettings toSettings() {
        return new SubscriptionSettings(url, eventTypes, agreementId, party, description,
                rateLimitPerSecond == null ? 10 : rateLimitPerSecond);
    }
}

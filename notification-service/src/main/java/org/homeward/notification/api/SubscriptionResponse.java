package org.homeward.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.notification.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription; {@code secret} only in the answers to creation and rotation, never again. */
@Schema(name = "Subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(UUID id, String url, List<String> eventTypes, UUID agreementId, String party,
                                   String description, int rateLimitPerSecond, String status, String statusReason,
                                   @Schema(description = "SCOPED: the events your party or organisation may see, as the APIs "
                                           + "show them. COUNTS_ONLY (observers without a party): agreement term and balance "
                                           + "events, and identification case events reduced to the transfer's counts "
                                           + "(agreementId, transferId, fromParty, toParty, transferCounts; no case).",
                                           enumeration = {"SCOPED", "COUNTS_ONLY"})
                                   String audience,
                                   @Schema(description = "The roles of the admin who created or last changed it that read"
                                           + " through the APIs: a case event is told as they could read the case"
                                           + " (everything, its state only, or the counts only)")
                                   List<String> readerRoles, Instant createdAt, Instant lastSuccessAt, Instant failingSince,
                                   Instant previousSecretValidUntil, String secret) {

    static SubscriptionResponse of(Subscription s, String secret) {
        return new SubscriptionResponse(s.id(), s.url(), s.eventTypes(), s.agreementFilter(), s.partyFilter(),
                s.description(), s.rateLimitPerSecond(), s.status().name(), s.statusReason(), s.audience().name(),
                s.readerRoles(), s.createdAt(), s.lastSuccessAt(), s.failingSince(), s.previousSecretValidUntil(), secret);
    }

    static SubscriptionResponse of(Subscription s) {
        return of(s, null);
    }
}

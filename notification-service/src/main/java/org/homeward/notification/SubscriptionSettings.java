package org.homeward.notification;

import java.util.List;
import java.util.UUID;

/** What a subscriber chooses: where to, which event types, optional filters, and a rate limit. */
public record SubscriptionSettings(String url, List<String> eventTypes, UUID agreementFilter, String partyFilter,
                                   String description, int rateLimitPerSecond) {
}

package org.homeward.notification.delivery;

import java.util.UUID;

/** A delivery leased to one claim: only the holder of the token may record the attempt's outcome. */
public record Claim(UUID deliveryId, UUID leaseToken) {
}

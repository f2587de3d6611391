package org.homeward.notification.delivery;

import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;

/** A claimed delivery and its endpoint as read in one transaction, for the attempt that follows. */
record LeasedDelivery(Claim claim, Delivery delivery, Subscription subscription) {

    /** Whether the claim still held the lease when the delivery was read. */
    boolean stillLeased() {
        return delivery != null && delivery.isLeasedBy(claim.leaseToken());
    }
}

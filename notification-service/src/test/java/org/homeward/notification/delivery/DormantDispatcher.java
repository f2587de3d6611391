package org.homeward.notification.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A replica that delivers nothing by itself (no workers): the test's own calls to claim, deliver and record
 * are then the only ones, so their order and timing are the test's.
 */
public class DormantDispatcher implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("homeward.webhooks.workers", "0");
    }

    /**
     * Leases whatever other test classes left due in the shared database, so that the test's own claims see
     * only its own deliveries (for the lease's minute, longer than any test here).
     */
    static void leaseWhatOthersLeft(DeliveryWorker worker) {
        while (!worker.claim(100).isEmpty()) {
            // each round leases the next due delivery of every endpoint that had none in flight
        }
    }
}

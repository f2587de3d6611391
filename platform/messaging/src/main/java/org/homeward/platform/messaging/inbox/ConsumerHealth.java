package org.homeward.platform.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Consumers in the readiness data: degraded while any of them retries a transient failure, with the kind
 * of failure per consumer. It stays UP: a retrying consumer does not stop the REST API from serving, so it
 * must not take the replica out of traffic (DESIGN.md 5); the retrying gauge drives alerts.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private final ConsumerStatus status;

    public ConsumerHealth(ConsumerStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        var retrying = status.retrying();
        var response = HealthCheckResponse.named("event-consumers").up().withData("degraded", !retrying.isEmpty());
        retrying.forEach(response::withData);
        return response.build();
    }
}

package org.homeward.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports the service degraded while any consumer is retrying a transient failure. */
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
        var response = HealthCheckResponse.named("event-consumers").status(retrying.isEmpty());
        retrying.forEach(response::withData);
        return response.build();
    }
}

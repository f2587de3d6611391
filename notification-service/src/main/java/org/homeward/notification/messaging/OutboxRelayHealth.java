package org.homeward.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports the relay degraded while it cannot publish; the backlog tells how far behind it is. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final RelayStatus status;
    private final OutboxBacklog backlog;

    public OutboxRelayHealth(RelayStatus status, OutboxBacklog backlog) {
        this.status = status;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(status.healthy())
                .withData("backlog", backlog.backlog())
                .withData("oldestUnpublishedAgeSeconds", backlog.oldestAgeSeconds())
                .withData("consecutiveFailures", status.consecutiveFailures())
                .withData("lastFailure", status.lastFailure() == null ? "none" : status.lastFailure())
                .build();
    }
}

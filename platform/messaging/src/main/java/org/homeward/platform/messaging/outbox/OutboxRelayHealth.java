package org.homeward.platform.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The relay's state in the readiness data: degraded while it cannot publish, with the backlog and parked
 * rows. It never takes the replica out of REST traffic (the API still answers while the broker is away);
 * alerts fire on the backlog age metric instead.
 */
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
                .up()
                .withData("degraded", !status.healthy())
                .withData("backlog", backlog.backlog())
                .withData("parked", backlog.parked())
                .withData("oldestUnpublishedAgeSeconds", backlog.oldestAgeSeconds())
                .withData("consecutiveFailures", status.consecutiveFailures())
                .withData("lastFailure", status.lastFailure() == null ? "none" : status.lastFailure())
                .build();
    }
}

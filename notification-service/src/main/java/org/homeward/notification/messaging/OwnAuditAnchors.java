package org.homeward.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.notification.application.Fanout;
import org.homeward.platform.audit.AuditAnchor;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.audit.AuditAnchorEvents;
import org.homeward.platform.messaging.outbox.OutboxConfig;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The other services' anchors reach the auditors' webhooks through their public topics; this service's own
 * chain is anchored here, so its anchor is fanned out to them in the transaction that records it.
 */
@ApplicationScoped
public class OwnAuditAnchors {

    private final Fanout fanout;
    private final OutboxConfig config;
    private final ObjectMapper json;

    public OwnAuditAnchors(Fanout fanout, OutboxConfig config, ObjectMapper json) {
        this.fanout = fanout;
        this.config = config;
        this.json = json;
    }

    void onAnchored(@Observes AuditAnchor anchor) {
        // The same id as the copy on this service's own topic (AuditAnchorEvents): one anchor, one event.
        fanout.fanOut(new CloudEvent(CloudEvent.SPEC_VERSION, AuditAnchorEvents.eventId(config.source(), anchor),
                URI.create(config.source()),
                AuditAnchorEvents.ANCHORED, config.source(), OffsetDateTime.ofInstant(anchor.anchoredAt(), ZoneOffset.UTC),
                "application/json", URI.create("urn:homeward:event-schema:" + AuditAnchorEvents.ANCHORED + ":1"),
                json.valueToTree(AuditAnchorEvents.Anchored.of(config.source(), anchor))));
    }
}

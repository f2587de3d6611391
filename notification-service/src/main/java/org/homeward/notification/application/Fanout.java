package org.homeward.notification.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.notification.Audience;
import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionStatus;
import org.homeward.notification.delivery.WebhookConfig;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one public event into one delivery per subscription that wants it and may see it, in the inbox
 * transaction of the event: an event is either fanned out completely or not at all.
 */
@ApplicationScoped
public class Fanout {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final WebhookConfig config;

    public Fanout(EntityManager entityManager, ObjectMapper json, WebhookConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    public int fanOut(CloudEvent event) {
        AccessScope scope = scopeOf(event.data());
        UUID agreementId = uuidOrNull(event.data().path("agreementId"));
        List<Subscription> candidates = entityManager.createQuery(
                        "select s from Subscription s where s.status <> :disabled", Subscription.class)
                .setParameter("disabled", SubscriptionStatus.DISABLED).getResultList();
        List<Subscription> wanting = candidates.stream()
                .filter(subscription -> subscription.wants(event.type(), agreementId, scope)).toList();
        if (wanting.isEmpty()) {
            return 0;
        }
        // An event replayed after its processed id was purged must not be delivered twice. Asked by the
        // (subscription, event) key, which the unique index answers; by the event alone, every fan-out would
        // scan that index whole, a cost growing with every delivery ever made.
        Set<UUID> alreadyDelivered = Set.copyOf(entityManager.createQuery(
                        "select d.subscriptionId from Delivery d where d.eventId = :event and d.subscriptionId in :ids",
                        UUID.class)
                .setParameter("event", event.id())
                .setParameter("ids", wanting.stream().map(Subscription::id).toList()).getResultList());
        // Each audience may be told the event differently; each variant is built once, and only if needed.
        Map<Audience, String> payloads = new EnumMap<>(Audience.class);
        int created = 0;
        for (Subscription subscription : wanting) {
            if (alreadyDelivered.contains(subscription.id())) {
                continue;
            }
            String payload = payloads.computeIfAbsent(subscription.audience(), audience -> payloadFor(audience, event));
            entityManager.persist(new Delivery(subscription.id(), event.id(), event.type(), payload, traceparent(),
                    Instant.now()));
            created++;
        }
        return created;
    }

    private String payloadFor(Audience audience, CloudEvent event) {
        return audience.isToldOnlyCounts(event.type())
                ? ThinPayload.countsOnly(event, json)
                : ThinPayload.of(event, config.links(), json);
    }

    private static AccessScope scopeOf(JsonNode data) {
        JsonNode scope = data.path("accessScope");
        if (!scope.isObject()) {
            throw new PoisonMessage("A public event without its access scope cannot be routed safely");
        }
        return new AccessScope(strings(scope.path("parties")), strings(scope.path("organisations")));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static UUID uuidOrNull(JsonNode node) {
        try {
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The trace this consumer continues, so that the webhook carries it on. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }
}

package org.homeward.notification.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.notification.EventFacts;
import org.homeward.notification.Sight;
import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionStatus;
import org.homeward.notification.delivery.WebhookConfig;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.persistence.DatabaseClock;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        JsonNode data = event.data();
        EventFacts facts = new EventFacts(event.type(), uuidOrNull(data.path("agreementId")), scopeOf(data),
                textOrNull(data.path("fromParty")), textOrNull(data.path("toParty")),
                textOrNull(data.path("assignedOrganisation")));
        List<Subscription> candidates = entityManager.createQuery(
                        "select s from Subscription s where s.status <> :disabled", Subscription.class)
                .setParameter("disabled", SubscriptionStatus.DISABLED).getResultList();
        Map<Subscription, Sight> told = new LinkedHashMap<>();
        candidates.forEach(subscription -> {
            Sight sight = subscription.sight(facts);
            if (sight != Sight.NONE) {
                told.put(subscription, sight);
            }
        });
        if (told.isEmpty()) {
            return 0;
        }
        // An event replayed after its processed id was purged must not be delivered twice. Asked by the
        // (subscription, event) key, which the unique index answers; by the event alone, every fan-out would
        // scan that index whole, a cost growing with every delivery ever made.
        Set<UUID> alreadyDelivered = Set.copyOf(entityManager.createQuery(
                        "select d.subscriptionId from Delivery d where d.eventId = :event and d.subscriptionId in :ids",
                        UUID.class)
                .setParameter("event", event.id())
                .setParameter("ids", told.keySet().stream().map(Subscription::id).toList()).getResultList());
        // Each sight is told the event differently; each variant is built once, and only if needed.
        Map<Sight, String> payloads = new EnumMap<>(Sight.class);
        Instant due = DatabaseClock.now(entityManager); // the claims compare due times with the database's now()
        int created = 0;
        for (Map.Entry<Subscription, Sight> subscription : told.entrySet()) {
            if (alreadyDelivered.contains(subscription.getKey().id())) {
                continue;
            }
            String payload = payloads.computeIfAbsent(subscription.getValue(), sight -> payloadFor(sight, event));
            entityManager.persist(new Delivery(subscription.getKey().id(), event.id(), event.type(), payload,
                    traceparent(), due));
            created++;
        }
        return created;
    }

    private String payloadFor(Sight sight, CloudEvent event) {
        return switch (sight) {
            case COUNTS -> ThinPayload.countsOnly(event, json);
            case STATUS -> ThinPayload.statusOnly(event, config.links(), json);
            case FULL -> ThinPayload.of(event, config.links(), json);
            case NONE -> throw new IllegalArgumentException("Nothing is told to a subscription that sees nothing");
        };
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
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

package org.homeward.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.messaging.CloudEvent;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records events in the same transaction as the state change that causes them (no dual writes); the
 * {@link OutboxRelay} publishes them afterwards. Must be called inside the business transaction.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Event<OutboxAppended> appended;

    public Outbox(EntityManager entityManager, ObjectMapper json, OutboxConfig config, Event<OutboxAppended> appended) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.appended = appended;
    }

    /**
     * @param aggregateType e.g. "agreement"; selects the topic
     * @param aggregateId   the Kafka key, so one aggregate's events stay in order
     * @param eventType     e.g. "agreement.agreement.created"; also names the JSON Schema
     * @param data          the aggregate's full public state after the change, with its sequence number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateType, String aggregateId, String eventType, Object data) {
        JsonNode state = json.valueToTree(data);
        Long sequence = state.path("sequence").canConvertToLong() ? state.path("sequence").asLong() : null;
        return append(EventIds.next(aggregateType, aggregateId, eventType, sequence), aggregateType, aggregateId,
                eventType, state);
    }

    /**
     * Appends an event whose id its writer derives from what it is, for an event that exists once whoever
     * writes it (an audit anchor: one per link of the chain), so that a copy told by another path carries the
     * same id and subscribers see one event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID eventId, String aggregateType, String aggregateId, String eventType, Object data) {
        config.topicFor(aggregateType); // an unknown aggregate type fails the write, never the relay
        Instant now = Instant.now();
        JsonNode state = json.valueToTree(data);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId,
                URI.create(config.source()), eventType, aggregateId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                "application/json", URI.create("urn:homeward:event-schema:" + eventType + ":1"), state);
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.aggregateType = aggregateType;
        row.aggregateId = aggregateId;
        row.type = eventType;
        row.payload = serialise(event);
        row.timestamp = now;
        row.tracingSpanContext = currentTraceParent();
        entityManager.persist(row);
        appended.fire(new OutboxAppended(row.id));
        return event.id();
    }

    private String serialise(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be serialised", e);
        }
    }

    /** The W3C traceparent of the current span, so consumers continue the trace of the original request. */
    static String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "traceparent=00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}

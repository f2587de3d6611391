package org.homeward.transfer.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Projects agreement events into {@link AgreementView}s. Events carry the full state and a per-agreement
 * sequence, so the projection keeps the highest sequence seen: duplicates and late arrivals change
 * nothing, and the result does not depend on arrival order.
 */
@ApplicationScoped
public class AgreementReadModel implements EventHandler {

    public static final String CONSUMER = "transfer-service.agreement-read-model";
    public static final String TOPIC = "homeward.agreement.events";
    private static final String TYPE_PREFIX = "agreement.agreement.";

    private static final ObjectMapper READER = StrictJson.tolerantReader();

    private final EntityManager entityManager;

    public AgreementReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!event.type().startsWith(TYPE_PREFIX)) {
            return; // other aggregates' events on the topic are not this projection's concern
        }
        AgreementStateMessage state = read(event);
        AgreementView view = entityManager.find(AgreementView.class, state.agreementId());
        if (view != null && view.sequence >= state.sequence()) {
            return; // an older or equal state: latest wins
        }
        if (view == null) {
            view = new AgreementView();
            view.agreementId = state.agreementId();
            view.sequence = state.sequence();
            apply(view, state, event);
            entityManager.persist(view);
        } else {
            view.sequence = state.sequence();
            apply(view, state, event);
        }
    }

    private static void apply(AgreementView view, AgreementStateMessage state, CloudEvent event) {
        view.reference = state.reference();
        view.title = state.title();
        view.status = state.status();
        view.state = event.data().toString();
        view.updatedAt = Instant.now();
        Set<ScopeEntry> scope = new HashSet<>();
        state.accessScope().parties().forEach(p -> scope.add(new ScopeEntry(ScopeEntry.PARTY, p)));
        state.accessScope().organisations().forEach(o -> scope.add(new ScopeEntry(ScopeEntry.ORGANISATION, o)));
        view.scope.clear();
        view.scope.addAll(scope);
    }

    private static AgreementStateMessage read(CloudEvent event) {
        AgreementStateMessage state;
        try {
            state = READER.treeToValue(event.data(), AgreementStateMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessage("Agreement event data does not match its schema: " + e.getClass().getSimpleName());
        }
        if (state.agreementId() == null || state.sequence() == null || state.sequence() < 1
                || state.reference() == null || state.title() == null || state.status() == null
                || state.accessScope() == null || state.accessScope().parties() == null
                || state.accessScope().organisations() == null) {
            throw new PoisonMessage("Agreement event data lacks a required field");
        }
        return state;
    }
}

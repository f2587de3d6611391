package org.homeward.transfer.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.PoisonMessage;
import org.homeward.platform.messaging.replay.RebuildableReadModel;

import java.time.Instant;
import java.util.UUID;

/**
 * Projects agreement events into {@link AgreementView}s. Events carry the full state and a per-agreement
 * sequence, so the projection keeps the highest sequence seen: duplicates and late arrivals change
 * nothing, and the result does not depend on arrival order. That also makes it rebuildable: an operator may
 * drop it and replay the topic while the live consumer runs (POST /api/v1/ops/read-models/{consumer}/rebuild).
 */
@ApplicationScoped
public class AgreementReadModel implements RebuildableReadModel {

    public static final String CONSUMER = "transfer-service.agreement-read-model";
    public static final String TOPIC = "homeward.agreement.events";
    private static final String AGREEMENT_EVENTS = "agreement.agreement.";
    private static final String TERM_EVENTS = "agreement.term.";
    private static final String BALANCE_EVENTS = "agreement.balance.";

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

    /** The scope rows go with their views (ON DELETE CASCADE). */
    @Override
    public void clear() {
        entityManager.createNativeQuery("delete from agreement_view").executeUpdate();
    }

    @Override
    public void handle(CloudEvent event) {
        JsonNode stateNode = stateCarriedBy(event);
        if (stateNode == null) {
            return; // other aggregates' events on the topic are not this projection's concern
        }
        AgreementStateMessage state = read(stateNode);
        // Latest wins, decided by the database under the row's lock: two events of one agreement applied at
        // once can never leave the older state behind.
        int changed = entityManager.createNativeQuery("insert into agreement_view"
                        + " (agreement_id, sequence, reference, title, status, state, updated_at)"
                        + " values (:id, :sequence, :reference, :title, :status, cast(:state as jsonb), :now)"
                        + " on conflict (agreement_id) do update set sequence = excluded.sequence,"
                        + " reference = excluded.reference, title = excluded.title, status = excluded.status,"
                        + " state = excluded.state, updated_at = excluded.updated_at"
                        + " where agreement_view.sequence < excluded.sequence")
                .setParameter("id", state.agreementId())
                .setParameter("sequence", state.sequence())
                .setParameter("reference", state.reference())
                .setParameter("title", state.title())
                .setParameter("status", state.status())
                .setParameter("state", stateNode.toString())
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (changed == 0) {
            return; // an older or equal state
        }
        entityManager.createNativeQuery("delete from agreement_view_scope where agreement_id = :id")
                .setParameter("id", state.agreementId()).executeUpdate();
        state.accessScope().parties().forEach(party -> addScope(state.agreementId(), ScopeEntry.PARTY, party));
        state.accessScope().organisations().forEach(org -> addScope(state.agreementId(), ScopeEntry.ORGANISATION, org));
    }

    /**
     * The agreement's full state: the data of an agreement event, or the {@code agreement} field that term
     * and balance events carry, so that a view rebuilt from a compacted topic (the last event per agreement
     * only) is still complete.
     */
    private static JsonNode stateCarriedBy(CloudEvent event) {
        if (event.type().startsWith(AGREEMENT_EVENTS)) {
            return event.data();
        }
        if (event.type().startsWith(TERM_EVENTS) || event.type().startsWith(BALANCE_EVENTS)) {
            JsonNode agreement = event.data().path("agreement");
            if (!agreement.isObject()) {
                throw new PoisonMessage("A term or balance event lacks the agreement's state");
            }
            return agreement;
        }
        return null;
    }

    private void addScope(UUID agreementId, String kind, String value) {
        entityManager.createNativeQuery("insert into agreement_view_scope (agreement_id, kind, value)"
                        + " values (:id, :kind, :value) on conflict do nothing")
                .setParameter("id", agreementId).setParameter("kind", kind).setParameter("value", value)
                .executeUpdate();
    }

    private static AgreementStateMessage read(JsonNode data) {
        AgreementStateMessage state;
        try {
            state = READER.treeToValue(data, AgreementStateMessage.class);
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

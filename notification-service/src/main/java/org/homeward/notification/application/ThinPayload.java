package org.homeward.notification.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.homeward.platform.messaging.CloudEvent;

import java.util.Map;
import java.util.Set;

/**
 * The webhook body: {@code {"type", "timestamp", "data"}} where data keeps only ids, types, states,
 * counts and links, chosen by an allow-list so that nothing personal can slip through as producers add
 * fields. A subscriber fetches details through the API with its own credentials.
 */
public final class ThinPayload {

    private static final Set<String> KEPT = Set.of("agreementId", "transferId", "caseId", "checkId",
            "identificationId", "termId", "reciprocalTermId", "sequence", "status", "state", "version", "kind",
            "fromParty", "toParty", "committed", "received", "declared", "dispatched", "balance", "tolerance",
            "pendingAmendment", "outcome");
    private static final Map<String, String> RESOURCE_PATHS = Map.of(
            "agreementId", "agreement|/api/v1/agreements/",
            "transferId", "transfer|/api/v1/transfers/");

    private ThinPayload() {
    }

    public static String of(CloudEvent event, Map<String, String> links, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.time() == null ? null : event.time().toInstant().toString());
        ObjectNode data = body.putObject("data");
        data.put("eventId", event.id().toString());
        if (event.subject() != null) {
            data.put("subject", event.subject());
        }
        event.data().fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (KEPT.contains(field.getKey()) && (value.isValueNode())) {
                data.set(field.getKey(), value);
            }
        });
        ObjectNode linkNode = json.createObjectNode();
        RESOURCE_PATHS.forEach((idField, target) -> {
            String[] parts = target.split("\\|");
            String base = links.get(parts[0]);
            if (base != null && data.hasNonNull(idField)) {
                linkNode.put(parts[0], base + parts[1] + data.get(idField).asText());
            }
        });
        if (!linkNode.isEmpty()) {
            data.set("links", linkNode);
        }
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

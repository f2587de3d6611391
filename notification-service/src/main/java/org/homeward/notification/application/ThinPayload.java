package org.homeward.notification.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.homeward.platform.messaging.CloudEvent;

import java.util.HashSet;
import java.util.List;
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
            "pendingAmendment", "outcome", "returnedTo", "method",
            // identification.case.*: the case a split-off individual came from, the case a fragment was joined into.
            "splitFromCaseId", "joinedIntoCaseId",
            // transfer.prisoners-held.*: the counts of the prisoners one party holds from another, by status.
            "detainingParty", "partyOfOrigin", "held", "released", "died",
            // transfer.exchange-list.progressed: where a prisoner-exchange term stands on its list, in counts.
            "listId", "round", "eligibleHeld", "offered", "verified", "declined", "remaining", "complete");
    /** audit.chain.anchored only: which service's chain, and its head; no other event may carry these names out. */
    private static final Set<String> KEPT_FOR_AUDIT = Set.of("service", "sequence", "seq", "auditId", "headHash",
            "anchoredAt");
    /** Not told to those who see a case's state only: how, and as whom, its remains were identified. */
    private static final Set<String> IDENTIFICATION_FIELDS = Set.of("identificationId", "method");
    /** What places counts without naming a case: the handover they belong to. */
    private static final Set<String> KEPT_WITH_COUNTS_ONLY = Set.of("agreementId", "transferId", "fromParty", "toParty");
    /** The one nested object kept; only its numbers, so that a field added to it cannot carry anything else. */
    private static final String COUNTS = "transferCounts";

    /** A link named {@code name} to {@code path + id}, on the base URL configured for {@code service}. */
    private record Link(String name, String idField, String service, String path) {
    }

    private static final List<Link> LINKS = List.of(
            new Link("agreement", "agreementId", "agreement", "/api/v1/agreements/"),
            new Link("transfer", "transferId", "transfer", "/api/v1/transfers/"),
            new Link("case", "caseId", "identification", "/api/v1/cases/"));

    private ThinPayload() {
    }

    public static String of(CloudEvent event, Map<String, String> baseUrls, ObjectMapper json) {
        return thin(event, event.type().startsWith("audit.") ? KEPT_FOR_AUDIT : KEPT, baseUrls, json);
    }

    /** A case event for those who see its state only (its sending party, mediators, intermediaries). */
    public static String statusOnly(CloudEvent event, Map<String, String> baseUrls, ObjectMapper json) {
        Set<String> kept = new HashSet<>(KEPT);
        kept.removeAll(IDENTIFICATION_FIELDS);
        return thin(event, kept, baseUrls, json);
    }

    private static String thin(CloudEvent event, Set<String> kept, Map<String, String> baseUrls, ObjectMapper json) {
        ObjectNode body = envelope(event, json);
        ObjectNode data = (ObjectNode) body.get("data");
        if (event.subject() != null) {
            data.put("subject", event.subject());
        }
        copyValues(event.data(), kept, data);
        copyCounts(event.data(), data);
        ObjectNode links = json.createObjectNode();
        for (Link link : LINKS) {
            String base = baseUrls.get(link.service());
            if (base != null && data.hasNonNull(link.idField())) {
                links.put(link.name(), base + link.path() + data.get(link.idField()).asText());
            }
        }
        if (!links.isEmpty()) {
            data.set("links", links);
        }
        return write(body, json);
    }

    /** The counts an event carries and the handover they belong to; no subject, no case, no links to one. */
    public static String countsOnly(CloudEvent event, ObjectMapper json) {
        ObjectNode body = envelope(event, json);
        ObjectNode data = (ObjectNode) body.get("data");
        copyValues(event.data(), KEPT_WITH_COUNTS_ONLY, data);
        copyCounts(event.data(), data);
        return write(body, json);
    }

    private static ObjectNode envelope(CloudEvent event, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.time() == null ? null : event.time().toInstant().toString());
        body.putObject("data").put("eventId", event.id().toString());
        return body;
    }

    private static void copyValues(JsonNode from, Set<String> kept, ObjectNode to) {
        from.fields().forEachRemaining(field -> {
            if (kept.contains(field.getKey()) && field.getValue().isValueNode()) {
                to.set(field.getKey(), field.getValue());
            }
        });
    }

    private static void copyCounts(JsonNode from, ObjectNode to) {
        JsonNode counts = from.path(COUNTS);
        if (!counts.isObject()) {
            return;
        }
        ObjectNode copied = to.putObject(COUNTS);
        counts.fields().forEachRemaining(field -> {
            if (field.getValue().isIntegralNumber()) {
                copied.set(field.getKey(), field.getValue());
            }
        });
    }

    private static String write(ObjectNode body, ObjectMapper json) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

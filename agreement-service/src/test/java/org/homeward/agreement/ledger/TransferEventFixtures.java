package org.homeward.agreement.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Transfer events as transfer-service publishes them, each checked against the producer's JSON Schema
 * file, so that the ledger is tested with what it will really receive.
 */
final class TransferEventFixtures {

    private static final Path PRODUCER_SCHEMAS = Path.of("..", "transfer-service", "src", "main", "resources", "events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferEventFixtures() {
    }

    /** One transfer of remains for one term, in the given state, with absolute counts. */
    static String remains(UUID transfer, long sequence, String agreement, String term, String from, String to,
                          Instant receivedAt, String state, int declared, int dispatched, int received) {
        String type = "transfer.transfer." + switch (state) {
            case "RECEIVED", "PARTIALLY_RECEIVED" -> "received";
            case "DISPATCHED" -> "dispatched";
            case "CANCELLED" -> "cancelled";
            default -> "reconciled";
        };
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/transfer-service", "type": "%s",
                 "subject": "%s", "time": "2025-06-16T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"transferId": "%s", "sequence": %d, "agreementId": "%s", "kind": "REMAINS",
                          "fromParty": "%s", "toParty": "%s", "escortOrganisation": "org-icrc",
                          "handoverPoint": {"name": "Border crossing", "timeZone": "Europe/Kyiv"},
                          "dispatchedAt": "2025-06-10T06:00:00Z", "receivedAt": %s, "state": "%s",
                          "terms": [{"termId": "%s", "declared": %d, "dispatched": %d, "received": %d}],
                          "accessScope": {"parties": ["UA", "RU"], "organisations": ["org-icrc", "org-tr-mfa"]},
                          "aFieldFromTheFuture": true}}
                """.formatted(UUID.randomUUID(), type, transfer, transfer, sequence, agreement, from, to,
                receivedAt == null ? "null" : "\"" + receivedAt + "\"", state, term, declared, dispatched, received);
        Set<ValidationMessage> problems = validate(type, event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    /** Where a prisoner term's exchange list stands, with absolute counts (transfer.exchange-list.progressed). */
    static String exchangeList(UUID list, long sequence, String agreement, String term, long eligible, long released,
                               long declined, long died, long remaining, boolean complete) {
        String type = "transfer.exchange-list.progressed";
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/transfer-service", "type": "%s",
                 "subject": "%s", "time": "2025-06-16T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"listId": "%s", "agreementId": "%s", "termId": "%s", "fromParty": "RU", "toParty": "UA",
                          "category": "AGED_18_TO_25", "referenceDate": "2025-06-07", "sequence": %d, "round": 2,
                          "eligibleHeld": %d, "offered": %d, "verified": %d, "released": %d, "declined": %d,
                          "died": %d, "remaining": %d, "complete": %b,
                          "accessScope": {"parties": ["UA", "RU"], "organisations": ["org-icrc", "org-tr-mfa"]}}}
                """.formatted(UUID.randomUUID(), type, list, list, agreement, term, sequence, eligible, eligible,
                eligible - declined, released, declined, died, remaining, complete);
        Set<ValidationMessage> problems = validate(type, event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    /** transfer-service's report of one agreement with one transfer and one term, as its own tables hold it. */
    static String totalsReport(String agreement, long reportSequence, UUID transfer, long transferSequence, String term,
                               int declared, int dispatched, int received) {
        String type = "transfer.agreement-totals.reported";
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/transfer-service", "type": "%s",
                 "subject": "%s", "time": "2025-06-16T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"agreementId": "%s", "sequence": %d, "asOf": "2025-06-16T00:00:00Z",
                          "transfers": [{"transferId": "%s", "sequence": %d, "state": "RECEIVED",
                                         "terms": [{"termId": "%s", "declared": %d, "dispatched": %d, "received": %d}]}],
                          "accessScope": {"parties": ["UA", "RU"], "organisations": ["org-icrc", "org-tr-mfa"]}}}
                """.formatted(UUID.randomUUID(), type, agreement, agreement, reportSequence, transfer, transferSequence,
                term, declared, dispatched, received);
        Set<ValidationMessage> problems = validate(type, event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    static Set<ValidationMessage> validate(String type, String event) {
        try {
            JsonNode schema = JSON.readTree(Files.readString(PRODUCER_SCHEMAS.resolve(type + ".json")));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(JSON.readTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

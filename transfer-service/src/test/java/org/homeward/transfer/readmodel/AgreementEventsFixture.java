package org.homeward.transfer.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/**
 * Agreement events as agreement-service publishes them, checked against the producer's own JSON Schema
 * file so that this consumer is tested with what it will really receive.
 */
public final class AgreementEventsFixture {

    private static final Path PRODUCER_SCHEMAS = Path.of("..", "agreement-service", "src", "main", "resources", "events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgreementEventsFixture() {
    }

    /** An ACTIVE agreement with a 6,000-for-6,000 pair of remains terms, ids as given. */
    public static String activeWithRemainsTerms(UUID agreementId, UUID ruToUa, UUID uaToRu) {
        String terms = """
                [{"id": "%s", "kind": "REMAINS_REPATRIATION", "fromParty": "RU", "toParty": "UA", "basis": "N_FOR_N",
                  "quantity": 6000, "reciprocalTermId": "%s", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0},
                 {"id": "%s", "kind": "REMAINS_REPATRIATION", "fromParty": "UA", "toParty": "RU", "basis": "N_FOR_N",
                  "quantity": 6000, "reciprocalTermId": "%s", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0}]"""
                .formatted(ruToUa, uaToRu, uaToRu, ruToUa);
        return active(agreementId, terms);
    }

    /** An ACTIVE agreement with one RU-to-UA prisoner-of-war term for the seriously wounded or sick. */
    public static String activeWithPrisonerTerm(UUID agreementId, UUID ruToUa) {
        String terms = """
                [{"id": "%s", "kind": "POW_EXCHANGE", "fromParty": "RU", "toParty": "UA", "basis": "ALL_FOR_ALL",
                  "category": "SERIOUSLY_WOUNDED_OR_SICK"}]""".formatted(ruToUa);
        return active(agreementId, terms);
    }

    /**
     * An ACTIVE agreement with two RU-to-UA prisoner-of-war terms, all for all: the young (aged 18 to 25 on
     * 2025-06-02, their reference date) and the seriously wounded or sick (judged on the effective date).
     */
    public static String activeWithPrisonerLists(UUID agreementId, UUID young, UUID wounded) {
        String terms = """
                [{"id": "%s", "kind": "POW_EXCHANGE", "fromParty": "RU", "toParty": "UA", "basis": "ALL_FOR_ALL",
                  "category": "AGED_18_TO_25", "referenceDate": "2025-06-02"},
                 {"id": "%s", "kind": "POW_EXCHANGE", "fromParty": "RU", "toParty": "UA", "basis": "ALL_FOR_ALL",
                  "category": "SERIOUSLY_WOUNDED_OR_SICK"}]""".formatted(young, wounded);
        return active(agreementId, terms);
    }

    /** As {@link #activeWithPrisonerLists}, between two other parties (RU detaining, UA receiving, renamed). */
    public static String activeWithPrisonerLists(UUID agreementId, UUID young, UUID wounded, String detaining,
                                                 String receiving) {
        String event = activeWithPrisonerLists(agreementId, young, wounded)
                .replace("\"RU\"", "\"" + detaining + "\"").replace("\"UA\"", "\"" + receiving + "\"");
        Set<ValidationMessage> problems = validate("agreement.agreement.activated", event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    /** The remains fixture, but SUSPENDED: no handover may be planned under it. */
    public static String suspendedWithRemainsTerms(UUID agreementId, UUID ruToUa, UUID uaToRu) {
        String event = activeWithRemainsTerms(agreementId, ruToUa, uaToRu)
                .replace("\"agreement.agreement.activated\"", "\"agreement.agreement.suspended\"")
                .replace("\"status\": \"ACTIVE\"", "\"status\": \"SUSPENDED\"");
        Set<ValidationMessage> problems = validate("agreement.agreement.suspended", event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    private static String active(UUID agreementId, String terms) {
        String event = created(UUID.randomUUID(), agreementId, 3, "Istanbul")
                .replace("\"agreement.agreement.created\"", "\"agreement.agreement.activated\"")
                .replace("\"status\": \"DRAFT\"", "\"status\": \"ACTIVE\"")
                .replace("\"terms\": []", "\"terms\": " + terms);
        Set<ValidationMessage> problems = validate("agreement.agreement.activated", event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fixture violates the producer's schema: " + problems);
        }
        return event;
    }

    static String created(UUID eventId, UUID agreementId, long sequence, String title, String... extraDataFields) {
        String extra = extraDataFields.length == 0 ? "" : ", " + String.join(", ", extraDataFields);
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/agreement-service",
                 "type": "agreement.agreement.created", "subject": "%s", "time": "2025-06-02T10:00:00Z",
                 "datacontenttype": "application/json", "dataschema": "urn:homeward:event-schema:agreement.agreement.created:1",
                 "data": {"agreementId": "%s", "sequence": %d, "reference": "IST-1", "title": "%s",
                          "concludedOn": "2025-06-02", "venue": "Istanbul", "status": "DRAFT",
                          "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                          "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"], "version": 1,
                          "effectiveDate": "2025-06-07", "terms": [], "signedBy": [], "pendingAmendment": null,
                          "completionDeclaredBy": [],
                          "accessScope": {"parties": ["UA", "RU"], "organisations": ["org-tr-mfa", "org-icrc"]}%s}}
                """.formatted(eventId, agreementId, agreementId, sequence, title, extra);
        Set<ValidationMessage> problems = validate("agreement.agreement.created", event);
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

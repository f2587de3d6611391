package org.homeward.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * identification-service's public events, as its schema defines them, reach the subscribers entitled to them
 * over the real broker: a party in the case's scope with the case, an observer with the transfer's counts only.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class IdentificationWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "homeward.identification.events";
    private static final Path PRODUCER_SCHEMAS = Path.of("..", "identification-service", "src", "main", "resources", "events");
    /** Ids, states, counts and links: what a thin webhook may carry about a case. */
    private static final Set<String> THIN_CASE_FIELDS = Set.of("eventId", "subject", "caseId", "sequence", "transferId",
            "agreementId", "fromParty", "toParty", "status", "identificationId", "method", "returnedTo", "transferCounts",
            "links");
    private static Receiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** Creates a subscription to identification events and returns its id; checks the audience it was given. */
    private static String subscribe(String token, String path, String expectedAudience) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of("identification.*")))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("audience", equalTo(expectedAudience)).extract().path("id");
    }

    private static String caseOpened(UUID eventId, UUID caseId, UUID itemId, List<String> parties) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"specversion": "1.0", "id": "%s", "source": "/homeward/identification-service",
                 "type": "identification.case.opened", "subject": "%s", "time": "2025-06-02T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "sequence": 1, "itemId": "%s",
                          "transferId": "0b7e3f5c-8a51-4a76-b7a3-2f9c1f0d5e22",
                          "agreementId": "9d2a4c6e-1f3b-4d5a-8c7e-3a1b2c3d4e33",
                          "fromParty": "RU", "toParty": "UA", "status": "RECEIVED", "assignedOrganisation": "lab-ua",
                          "openedAt": "2025-06-02T09:59:58Z", "identificationId": null, "method": null,
                          "returnedTo": null,
                          "transferCounts": {"received": 12, "individuals": 12, "awaitingExamination": 12,
                                             "underExamination": 0, "identified": 0, "notANational": 0,
                                             "unidentifiable": 0, "withdrawn": 1, "returned": 0, "joined": 0},
                          "accessScope": {"parties": %s, "organisations": ["org-icrc", "lab-ua"]}}}
                """.formatted(eventId, caseId, caseId, itemId, JSON.writeValueAsString(parties)));
        assertThat(validate(event)).as("the event as identification-service's schema defines it").isEmpty();
        return JSON.writeValueAsString(event);
    }

    private static String identificationConfirmed(UUID eventId, UUID caseId, UUID identificationId) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"specversion": "1.0", "id": "%s", "source": "/homeward/identification-service",
                 "type": "identification.identification.confirmed", "subject": "%s", "time": "2025-07-02T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "sequence": 4, "itemId": "%s",
                          "transferId": "0b7e3f5c-8a51-4a76-b7a3-2f9c1f0d5e22",
                          "agreementId": "9d2a4c6e-1f3b-4d5a-8c7e-3a1b2c3d4e33",
                          "fromParty": "RU", "toParty": "UA", "status": "IDENTIFIED", "assignedOrganisation": "lab-ua",
                          "openedAt": "2025-06-02T09:59:58Z", "identificationId": "%s", "method": "DNA",
                          "returnedTo": null,
                          "transferCounts": {"received": 12, "individuals": 12, "awaitingExamination": 11,
                                             "underExamination": 0, "identified": 1, "notANational": 0,
                                             "unidentifiable": 0, "withdrawn": 0, "returned": 0, "joined": 0},
                          "accessScope": {"parties": ["RU", "UA"], "organisations": ["org-icrc", "lab-ua"]}}}
                """.formatted(eventId, caseId, caseId, UUID.randomUUID(), identificationId));
        assertThat(validate(event, "identification.identification.confirmed.json")).isEmpty();
        return JSON.writeValueAsString(event);
    }

    private static Set<ValidationMessage> validate(JsonNode event) throws Exception {
        return validate(event, "identification.case.opened.json");
    }

    private static Set<ValidationMessage> validate(JsonNode event, String schemaFile) throws Exception {
        JsonNode schema = JSON.readTree(Files.readString(PRODUCER_SCHEMAS.resolve(schemaFile)));
        SchemaValidatorsConfig formatsChecked = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, formatsChecked)
                .validate(event);
    }

    private static JsonNode data(Receiver.Received request) throws Exception {
        return JSON.readTree(request.body()).path("data");
    }

    @Test
    void theProducersSchemaIsReallyChecked() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(caseOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of("RU", "UA")));
        ((ObjectNode) event.path("data")).remove("transferCounts");
        assertThat(validate(event)).isNotEmpty();
    }

    /**
     * A confirmed identification is told as each subscriber's organisation and roles could read the case through
     * identification-service's API (CaseAccess): the assigned laboratory's examiners and the receiving party's
     * coordinators the method and the identification; the sending party's coordinators and a mediator in scope the
     * case's state only; another laboratory's examiner and an observer with a party the counts only; an admin
     * without a role that reads cases cannot subscribe to them.
     */
    @Test
    void aConfirmedIdentificationIsToldAsEachSubscribersRolesCouldReadTheCase() throws Exception {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("/sight/receiving", TestTokens.bearer("org-ua-sight", "UA", "subscriber-admin", "coordinator"));
        tokens.put("/sight/laboratory", TestTokens.bearer("lab-ua", "UA", "subscriber-admin", "forensic-examiner"));
        tokens.put("/sight/sending", TestTokens.bearer("org-ru-sight", "RU", "subscriber-admin", "coordinator"));
        tokens.put("/sight/mediator", TestTokens.bearer("org-icrc", null, "subscriber-admin", "mediator"));
        tokens.put("/sight/other-lab", TestTokens.bearer("lab-ua-other", "UA", "subscriber-admin", "forensic-examiner"));
        tokens.put("/sight/observer", TestTokens.bearer("org-ua-press", "UA", "subscriber-admin", "observer"));
        tokens.forEach((path, token) -> subscribe(token, path, "SCOPED"));
        // An admin without a role that reads cases would be told none: refused, not accepted for nothing.
        given().header("Authorization", TestTokens.bearer("org-ua-admins", "UA", "subscriber-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/sight/admin-only"), "eventTypes", List.of("identification.*")))
                .post("/api/v1/subscriptions").then().statusCode(422).body("violations.field", hasItem("eventTypes"));
        UUID caseId = UUID.randomUUID();
        UUID identificationId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, caseId.toString(), identificationConfirmed(eventId, caseId, identificationId));

        await().atMost(Duration.ofSeconds(30)).until(() -> tokens.keySet().stream()
                .allMatch(path -> !receiver.at(path).isEmpty()));

        for (String full : List.of("/sight/receiving", "/sight/laboratory")) {
            JsonNode data = data(receiver.at(full).get(0));
            assertThat(data.path("identificationId").asText()).as(full).isEqualTo(identificationId.toString());
            assertThat(data.path("method").asText()).as(full).isEqualTo("DNA");
            assertThat(data.path("caseId").asText()).as(full).isEqualTo(caseId.toString());
        }
        for (String status : List.of("/sight/sending", "/sight/mediator")) {
            JsonNode data = data(receiver.at(status).get(0));
            assertThat(data.path("caseId").asText()).as(status).isEqualTo(caseId.toString());
            assertThat(data.path("status").asText()).as(status).isEqualTo("IDENTIFIED");
            assertThat(data.has("method")).as(status).isFalse();
            assertThat(receiver.at(status).get(0).body()).as(status).doesNotContain(identificationId.toString());
        }
        for (String counts : List.of("/sight/other-lab", "/sight/observer")) {
            Receiver.Received told = receiver.at(counts).get(0);
            assertThat(data(told).fieldNames()).toIterable().as(counts).containsExactlyInAnyOrder(
                    "eventId", "agreementId", "transferId", "fromParty", "toParty", "transferCounts");
            assertThat(told.body()).as(counts).doesNotContain(caseId.toString()).doesNotContain(identificationId.toString());
        }
        given().header("Authorization", tokens.get("/sight/sending")).get("/api/v1/subscriptions").then()
                .statusCode(200).body("items[0].readerRoles", equalTo(List.of("coordinator")));
    }

    @Test
    void aCaseOpenedReachesThePartiesInScopeWithTheCaseAndObserversWithTheCountsOnly() throws Exception {
        String ua = subscribe(TestTokens.bearer("org-ua-identification", "UA", "subscriber-admin", "coordinator"), "/ua", "SCOPED");
        String fr = subscribe(TestTokens.bearer("org-fr-identification", "FR", "subscriber-admin", "coordinator"), "/fr", "SCOPED");
        subscribe(TestTokens.bearer("org-press-office", null, "subscriber-admin", "observer"), "/press", "COUNTS_ONLY");
        UUID eventId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID itemId = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, caseId.toString(), caseOpened(eventId, caseId, itemId, List.of("RU", "UA")));

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/ua").isEmpty() && !receiver.at("/press").isEmpty());

        Receiver.Received toUa = receiver.at("/ua").get(0);
        assertThat(toUa.headers().get("webhook-id")).isEqualTo(eventId.toString());
        JsonNode scoped = data(toUa);
        assertThat(JSON.readTree(toUa.body()).path("type").asText()).isEqualTo("identification.case.opened");
        assertThat(scoped.path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(scoped.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(scoped.path("transferCounts").path("received").asInt()).isEqualTo(12);
        assertThat(scoped.path("transferCounts").path("withdrawn").asInt()).isEqualTo(1);
        assertThat(scoped.path("links").path("case").asText()).endsWith("/api/v1/cases/" + caseId);
        assertThat(scoped.fieldNames()).toIterable().isSubsetOf(THIN_CASE_FIELDS);
        assertThat(toUa.body()).doesNotContain(itemId.toString()).doesNotContain("lab-ua").doesNotContain("org-icrc");

        Receiver.Received toPress = receiver.at("/press").get(0);
        assertThat(toPress.headers().get("webhook-id")).isEqualTo(eventId.toString());
        JsonNode counts = data(toPress);
        assertThat(counts.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "agreementId", "transferId", "fromParty", "toParty", "transferCounts");
        assertThat(counts.path("transferCounts").path("awaitingExamination").asInt()).isEqualTo(12);
        assertThat(toPress.body()).doesNotContain(caseId.toString()).doesNotContain(itemId.toString())
                .doesNotContain("/api/v1/cases/");

        // The fan-out of one event is one transaction: once it reached UA, FR would have a delivery had it matched.
        given().header("Authorization", TestTokens.bearer("org-fr-identification", "FR", "subscriber-admin", "coordinator"))
                .get("/api/v1/subscriptions/" + fr + "/deliveries").then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(receiver.at("/fr")).isEmpty();

        // FR's endpoint does work: a case in its scope reaches it, and only that one.
        UUID frEventId = UUID.randomUUID();
        UUID frCaseId = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, frCaseId.toString(), caseOpened(frEventId, frCaseId, UUID.randomUUID(),
                List.of("RU", "FR")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/fr").isEmpty());
        assertThat(receiver.at("/fr")).extracting(r -> r.headers().get("webhook-id")).containsExactly(frEventId.toString());
        given().header("Authorization", TestTokens.bearer("org-ua-identification", "UA", "subscriber-admin", "coordinator"))
                .get("/api/v1/subscriptions/" + ua + "/deliveries").then().statusCode(200).body("items.size()", equalTo(1));
    }
}

package org.homeward.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.transfer.application.AgreementTotalsReporting;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Planning and cancelling handovers against the read model of agreements, and the events they publish. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class TransferApiTest {

    @Inject
    AgreementTotalsReporting reporting;

    private static final ObjectMapper JSON = new ObjectMapper();

    private UUID agreement;
    private UUID ruToUa;
    private UUID uaToRu;

    private static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    @BeforeEach
    void anActiveAgreementIsKnown() {
        agreement = UUID.randomUUID();
        ruToUa = UUID.randomUUID();
        uaToRu = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(),
                AgreementEventsFixture.activeWithRemainsTerms(agreement, ruToUa, uaToRu));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ru())
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
    }

    private Map<String, Object> plan(UUID term, String kind, String from, String to) {
        return Map.of("agreementId", agreement.toString(), "termIds", List.of(term.toString()), "kind", kind,
                "fromParty", from, "toParty", to, "escortOrganisation", "org-icrc",
                "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                "scheduledAt", "2025-06-11T06:00:00Z");
    }

    @Test
    void aPlannedHandoverIsPublishedWithItsFullPublicStateAndSeenByWhoMaySeeIt() throws Exception {
        String id = given().header("Authorization", ru()).header("Idempotency-Key", "plan-" + agreement)
                .contentType(ContentType.JSON).body(plan(ruToUa, "REMAINS", "RU", "UA"))
                .post("/api/v1/transfers").then().statusCode(201).body("state", equalTo("PLANNED")).extract().path("id");

        given().header("Authorization", TestTokens.bearer("org-ua-coordination", "UA", "coordinator"))
                .get("/api/v1/transfers/" + id).then().statusCode(200).body("termIds", hasItem(ruToUa.toString()));
        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary"))
                .queryParam("agreementId", agreement.toString()).get("/api/v1/transfers").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator"))
                .get("/api/v1/transfers/" + id).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("org-fr", "FR", "coordinator"))
                .get("/api/v1/transfers/" + id).then().statusCode(404).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.transfer.events",
                r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        JsonNode event = JSON.readTree(mine.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("transfer.transfer.planned");
        assertThat(event.path("data").path("handoverPoint").path("timeZone").asText()).isEqualTo("Europe/Kyiv");
        assertThat(event.path("data").path("terms").get(0).path("received").asInt()).isZero();
        try (InputStream schema = getClass().getResourceAsStream("/events/transfer.transfer.planned.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event)).isEmpty();
        }

        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("reason", "crossing closed"))
                .post("/api/v1/transfers/" + id + "/cancellation").then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/transfers/" + id + "/cancellation").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("CANCELLED"));
    }

    @Test
    void eachActiveAgreementsTotalsAreReportedFromThisServicesOwnTables() throws Exception {
        String id = given().header("Authorization", ru()).contentType(ContentType.JSON)
                .body(plan(ruToUa, "REMAINS", "RU", "UA")).post("/api/v1/transfers").then().statusCode(201)
                .extract().path("id");
        assertThat(reporting.reportAll()).isPositive();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.transfer.agreement-totals",
                r -> r.stream().anyMatch(x -> agreement.toString().equals(x.key())), Duration.ofSeconds(30));
        JsonNode report = JSON.readTree(records.stream().filter(r -> agreement.toString().equals(r.key()))
                .reduce((first, last) -> last).orElseThrow().value());
        assertThat(report.path("type").asText()).isEqualTo("transfer.agreement-totals.reported");
        JsonNode transfer = report.path("data").path("transfers").get(0);
        assertThat(transfer.path("transferId").asText()).isEqualTo(id);
        assertThat(transfer.path("sequence").asLong()).isEqualTo(1);
        assertThat(transfer.path("terms").get(0).path("termId").asText()).isEqualTo(ruToUa.toString());
        assertThat(report.toString()).doesNotContain("Border crossing");
        try (InputStream schema = getClass().getResourceAsStream("/events/transfer.agreement-totals.reported.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(report)).isEmpty();
        }
    }

    @Test
    void onlyOneOfTheAgreementsIntermediariesMayEscort() {
        Map<String, Object> anyOrganisation = new java.util.HashMap<>(plan(ruToUa, "REMAINS", "RU", "UA"));
        anyOrganisation.put("escortOrganisation", "org-ru-coordination");
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(anyOrganisation)
                .post("/api/v1/transfers").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("violations.field", hasItem("escortOrganisation"));
        anyOrganisation.put("escortOrganisation", "org-tr-mfa"); // a mediator, not an intermediary
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(anyOrganisation)
                .post("/api/v1/transfers").then().statusCode(422);
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(plan(ruToUa, "REMAINS", "RU", "UA"))
                .post("/api/v1/transfers").then().statusCode(201);
    }

    @Test
    void aPlanAgainstAnUnknownOrMismatchedTermIsRefusedClearly() {
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(plan(ruToUa, "PRISONERS", "RU", "UA"))
                .post("/api/v1/transfers").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("termIds[0]"));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(plan(uaToRu, "REMAINS", "RU", "UA"))
                .post("/api/v1/transfers").then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("from UA to RU"));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(plan(UUID.randomUUID(), "REMAINS", "RU", "UA"))
                .post("/api/v1/transfers").then().statusCode(422);
        Map<String, Object> unknownAgreement = new java.util.HashMap<>(plan(ruToUa, "REMAINS", "RU", "UA"));
        unknownAgreement.put("agreementId", UUID.randomUUID().toString());
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(unknownAgreement)
                .post("/api/v1/transfers").then().statusCode(422).body("violations.field", hasItem("agreementId"));
        given().header("Authorization", TestTokens.bearer("org-fr", "FR", "coordinator")).contentType(ContentType.JSON)
                .body(plan(ruToUa, "REMAINS", "RU", "UA")).post("/api/v1/transfers").then().statusCode(403);
        given().header("Authorization", ru()).contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement.toString(), "kind", "BODIES")).post("/api/v1/transfers")
                .then().statusCode(400);
    }

    @Test
    void aPlanUnderASuspendedAgreementIsRefused() {
        UUID suspended = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", suspended.toString(),
                AgreementEventsFixture.suspendedWithRemainsTerms(suspended, ruToUa, uaToRu));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ru())
                .get("/api/v1/agreement-views/" + suspended).then().statusCode(200).body("status", equalTo("SUSPENDED")));
        Map<String, Object> plan = new java.util.HashMap<>(plan(ruToUa, "REMAINS", "RU", "UA"));
        plan.put("agreementId", suspended.toString());
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(plan).post("/api/v1/transfers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("SUSPENDED, not ACTIVE"));
    }
}

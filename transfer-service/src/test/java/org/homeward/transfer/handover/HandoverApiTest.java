package org.homeward.transfer.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * A handover from manifest to reconciliation, against real PostgreSQL and Kafka: what each side may do and
 * see, what the public topic and the restricted item topic carry, and exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class HandoverApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "homeward.transfer.events";
    private static final String ITEMS = "homeward.transfer.manifest-items";

    private static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    private static String ua() {
        return TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    }

    private static String icrc() {
        return TestTokens.bearer("org-icrc", null, "intermediary");
    }

    private static String mediator() {
        return TestTokens.bearer("org-tr-mfa", null, "mediator");
    }

    private static void agreementKnown(UUID agreement, String event) {
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(), event);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ru())
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
    }

    private static String plan(UUID agreement, UUID term, String kind) {
        return given().header("Authorization", ru()).header("Idempotency-Key", "plan-" + UUID.randomUUID())
                .contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement.toString(), "termIds", List.of(term.toString()), "kind", kind,
                        "fromParty", "RU", "toParty", "UA", "escortOrganisation", "org-icrc",
                        "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                        "scheduledAt", "2025-06-11T06:00:00Z"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
    }

    private static ExtractableResponse<Response> upload(String transfer, String contentType, byte[] body) {
        return given().header("Authorization", ru()).contentType(contentType).body(body)
                .put("/api/v1/transfers/" + transfer + "/manifest").then().extract();
    }

    private static String remainsTransfer() {
        UUID agreement = UUID.randomUUID();
        UUID ruToUa = UUID.randomUUID();
        agreementKnown(agreement, AgreementEventsFixture.activeWithRemainsTerms(agreement, ruToUa, UUID.randomUUID()));
        return plan(agreement, ruToUa, "REMAINS");
    }

    @Test
    void twelveHundredRemainsWithThreeMissingAndOneExtraArePartiallyReceivedAndEachRecordIsPublishedOnce() {
        UUID agreement = UUID.randomUUID();
        UUID ruToUa = UUID.randomUUID();
        agreementKnown(agreement, AgreementEventsFixture.activeWithRemainsTerms(agreement, ruToUa, UUID.randomUUID()));
        String transfer = plan(agreement, ruToUa, "REMAINS");

        given().header("Authorization", ua()).contentType("text/csv").body(Manifests.remainsCsv(3))
                .put("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(403);
        ExtractableResponse<Response> submitted = upload(transfer, "text/csv", Manifests.remainsCsv(1200));
        assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(200);
        assertThat(submitted.<String>path("state")).isEqualTo("MANIFEST_SUBMITTED");
        assertThat(submitted.<Integer>path("terms[0].declared")).isEqualTo(1200);

        // The receiving side reads the claims (audited); the mediator sees counts only.
        String downloaded = given().header("Authorization", ua()).accept("text/csv")
                .get("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(200).extract().asString();
        assertThat(downloaded).startsWith("\uFEFF\"tag\"").contains("\"Шевченко\"").contains("\"Донецька обл., с. Зелене\"");
        assertThat(downloaded.lines().count()).isEqualTo(1201);
        given().header("Authorization", icrc()).accept(ContentType.JSON).get("/api/v1/transfers/" + transfer + "/manifest")
                .then().statusCode(200).body("items", hasSize(1200)).body("items[1].surname", equalTo("Бондаренко"));
        given().header("Authorization", mediator()).accept(ContentType.JSON)
                .get("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(403);
        given().header("Authorization", mediator()).get("/api/v1/transfers/" + transfer).then().statusCode(200)
                .body("manifestItems", equalTo(1200));

        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 1199))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(422)
                .body("violations.field", hasItem("count"));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 1200))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(200).body("state", equalTo("DISPATCHED"));
        upload(transfer, "text/csv", Manifests.remainsCsv(2));
        given().header("Authorization", ru()).contentType("text/csv").body(Manifests.remainsCsv(2))
                .put("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(409);

        given().header("Authorization", ua()).contentType(ContentType.JSON).body(Map.of("count", 1198))
                .post("/api/v1/transfers/" + transfer + "/receipt").then().statusCode(200)
                .body("state", equalTo("PARTIALLY_RECEIVED")).body("terms[0].received", equalTo(1198));

        List<String> missing = List.of(Manifests.tag(17), Manifests.tag(600), Manifests.tag(1200));
        List<String> received = IntStream.rangeClosed(1, 1200).mapToObj(Manifests::tag)
                .filter(tag -> !missing.contains(tag)).toList();
        Map<String, Object> reconciliation = Map.of("received", received, "missing", missing,
                "extra", List.of(Map.of("tag", "UA-RCV-0001")));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(reconciliation)
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(403);
        given().header("Authorization", ua()).contentType(ContentType.JSON).body(reconciliation)
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(200)
                .body("state", equalTo("PARTIALLY_RECEIVED")).body("terms[0].received", equalTo(1198));
        given().header("Authorization", ua()).contentType(ContentType.JSON).body(reconciliation)
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(409);

        given().header("Authorization", ua()).get("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(200)
                .body("state", equalTo("PARTIALLY_RECEIVED"))
                .body("declared", equalTo(1200)).body("dispatched", equalTo(1200))
                .body("countedAtReceipt", equalTo(1198)).body("received", equalTo(1197))
                .body("missing", equalTo(3)).body("extra", equalTo(1))
                .body("missingTags", equalTo(missing)).body("extraTags", equalTo(List.of("UA-RCV-0001")))
                .body("terms[0].declared", equalTo(1200)).body("terms[0].received", equalTo(1198));
        given().header("Authorization", mediator()).get("/api/v1/transfers/" + transfer + "/reconciliation")
                .then().statusCode(403);

        String today = LocalDate.now(java.time.ZoneId.of("Europe/Kyiv")).toString();
        given().header("Authorization", ua()).queryParam("from", today).queryParam("to", today)
                .queryParam("groupBy", "DAY").queryParam("agreementId", agreement.toString())
                .get("/api/v1/transfers/summary").then().statusCode(200)
                .body("", hasSize(1)).body("[0].period", equalTo(today)).body("[0].fromParty", equalTo("RU"))
                .body("[0].received", equalTo(1198)).body("[0].claimed", equalTo(1200)).body("[0].transfers", equalTo(1));

        given().header("Authorization", ua()).queryParam("from", "2025-13-01").queryParam("to", today)
                .get("/api/v1/transfers/summary").then().statusCode(400).contentType("application/problem+json");

        assertEachEventOnceAndNoPersonalData(transfer);
        List<JsonNode> items = itemRecords(transfer, 1198);
        Set<String> tags = new HashSet<>();
        items.forEach(item -> tags.add(item.path("data").path("tag").asText()));
        assertThat(tags).hasSize(1198).contains("UA-RCV-0001", Manifests.tag(1)).doesNotContainAnyElementsOf(missing);
        assertThat(items.stream().map(item -> item.path("data").path("itemId").asText()).distinct()).hasSize(1198);
        JsonNode first = items.stream().filter(i -> i.path("data").path("tag").asText().equals(Manifests.tag(1))).findFirst().orElseThrow();
        assertThat(first.path("data").path("surname").asText()).isEqualTo("Коваленко");
        assertThat(first.path("data").path("recoveryDate").asText()).isEqualTo("2025-03-11");
        assertThat(schema("transfer.manifest-item.arrived").validate(first)).isEmpty();
        assertThat(first.path("data").path("itemState").asText()).isEqualTo("ARRIVED");
        assertThat(first.path("data").path("itemSequence").asInt()).isEqualTo(1);
        assertThat(first.path("data").path("accessScope").path("organisations").toString()).contains("org-icrc");

        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("size", 500).get("/api/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains("transfer.manifest.read").contains("transfer.reconciliation.read")
                .doesNotContain("Шевченко");
    }

    @Test
    void itemsAnnouncedAtAFullReceiptAndFoundMissingByTheReconciliationAreWithdrawn() {
        String transfer = remainsTransfer();
        assertThat(upload(transfer, "text/csv", Manifests.remainsCsv(20)).statusCode()).isEqualTo(200);
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 20))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(200);
        given().header("Authorization", ua()).contentType(ContentType.JSON).body(Map.of("count", 20))
                .post("/api/v1/transfers/" + transfer + "/receipt").then().statusCode(200).body("state", equalTo("RECEIVED"));
        itemRecords(transfer, 20);

        List<String> missing = List.of(Manifests.tag(2), Manifests.tag(11), Manifests.tag(20));
        List<String> received = IntStream.rangeClosed(1, 20).mapToObj(Manifests::tag)
                .filter(tag -> !missing.contains(tag)).toList();
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("received", received, "missing", missing))
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(200)
                .body("state", equalTo("DISPUTED"));

        List<JsonNode> records = itemRecords(transfer, 23);
        List<JsonNode> withdrawn = records.stream()
                .filter(r -> r.path("type").asText().equals("transfer.manifest-item.withdrawn")).toList();
        assertThat(withdrawn).extracting(r -> r.path("data").path("tag").asText())
                .containsExactlyInAnyOrderElementsOf(missing);
        for (JsonNode record : withdrawn) {
            assertThat(schema("transfer.manifest-item.withdrawn").validate(record)).isEmpty();
            assertThat(record.path("data").path("itemState").asText()).isEqualTo("WITHDRAWN");
            assertThat(record.path("data").path("itemSequence").asInt()).isEqualTo(2);
            String itemId = record.path("data").path("itemId").asText();
            JsonNode arrival = records.stream().filter(r -> r.path("data").path("itemId").asText().equals(itemId)
                    && r.path("type").asText().equals("transfer.manifest-item.arrived")).findFirst().orElseThrow();
            assertThat(arrival.path("data").path("itemSequence").asInt()).isEqualTo(1);
            assertThat(records.indexOf(arrival)).isLessThan(records.indexOf(record));
        }
    }

    private static void assertEachEventOnceAndNoPersonalData(String transfer) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil(EVENTS,
                read -> read.stream().anyMatch(r -> transfer.equals(r.key()) && r.value().contains("transfer.transfer.reconciled")),
                Duration.ofSeconds(30));
        List<JsonNode> mine = records.stream().filter(r -> transfer.equals(r.key())).map(r -> read(r.value())).toList();
        assertThat(mine).extracting(e -> e.path("type").asText()).containsExactly("transfer.transfer.planned",
                "transfer.transfer.manifest-submitted", "transfer.transfer.dispatched", "transfer.transfer.received",
                "transfer.transfer.reconciled");
        assertThat(mine).extracting(e -> e.path("data").path("sequence").asInt()).containsExactly(1, 2, 3, 4, 5);
        for (JsonNode event : mine) {
            assertThat(schema(event.path("type").asText()).validate(event)).isEmpty();
            assertThat(event.toString()).doesNotContain("Шевченко", "RU-2025-");
        }
        JsonNode reconciled = mine.get(4).path("data");
        assertThat(reconciled.path("terms").get(0).path("received").asInt()).isEqualTo(1198);
        assertThat(reconciled.path("state").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(reconciled.path("receivedAt").asText()).isNotBlank();
    }

    /** Reads the restricted topic until {@code expected} records for the transfer arrived, plus a grace for duplicates. */
    private static List<JsonNode> itemRecords(String transfer, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil(ITEMS,
                read -> read.stream().filter(r -> transfer.equals(r.key())).count() >= expected, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> again = KafkaTestClient.shared().readUntil(ITEMS,
                read -> read.size() >= records.size(), Duration.ofSeconds(30));
        List<JsonNode> mine = new ArrayList<>();
        again.stream().filter(r -> transfer.equals(r.key())).forEach(r -> mine.add(read(r.value())));
        assertThat(mine).hasSize(expected);
        return mine;
    }

    @Test
    void badManifestsAreRejectedRowByRowAndStoreNothing() {
        String transfer = remainsTransfer();
        String good = "RU-1,UA,MILITARY,Шевченко,Тарас,,1990-01-01,,Place,2025-03-01,";
        assertRejected(transfer, Manifests.csv(Manifests.REMAINS_HEADER, good, good.replace("Тарас", "Петро")), "rows[2].tag");
        assertRejected(transfer, Manifests.csv(Manifests.REMAINS_HEADER, good.replace(",UA,", ",XX,")), "rows[1].nationality");
        assertRejected(transfer, Manifests.csv(Manifests.REMAINS_HEADER, good.replace("2025-03-01", "2025-02-30")),
                "rows[1].recoveryDate");
        assertRejected(transfer, Manifests.csv(Manifests.REMAINS_HEADER.replace("patronymic", "rank"), good),
                "columns[6]", "columns.patronymic");
        byte[] latin1 = (Manifests.REMAINS_HEADER + "\nRU-1,UA,MILITARY,Müller,Hans,,,,Place,2025-03-01,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(transfer, latin1, "manifest");
        assertRejected(transfer, Manifests.remainsCsv(20_001), "manifest");
        ExtractableResponse<Response> json = upload(transfer, "application/json",
                "{\"items\": [{\"tag\": \"RU-1\", \"nationality\": \"UA\", \"category\": \"MILITARY\", \"shoeSize\": \"44\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(422);
        assertThat(json.<List<String>>path("violations.field")).containsExactlyInAnyOrder("rows[1].shoeSize",
                "rows[1].recoveryPlace", "rows[1].recoveryDate");
        given().header("Authorization", ru()).contentType("text/plain").body("tag\n")
                .put("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(415);
        given().header("Authorization", ru()).body(new byte[0])
                .put("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(415)
                .contentType("application/problem+json");
        given().header("Authorization", ru()).contentType("text/csv").body(new byte[0])
                .put("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(422)
                .body("violations[0].field", equalTo("manifest"))
                .body("violations[0].message", containsString("header row"));

        given().header("Authorization", ru()).get("/api/v1/transfers/" + transfer).then().statusCode(200)
                .body("state", equalTo("PLANNED")).body("manifestItems", equalTo(0))
                .body("terms[0].declared", equalTo(0));
        given().header("Authorization", ru()).accept(ContentType.JSON).get("/api/v1/transfers/" + transfer + "/manifest")
                .then().statusCode(404);
    }

    private static void assertRejected(String transfer, byte[] csv, String... fields) {
        ExtractableResponse<Response> response = upload(transfer, "text/csv", csv);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<List<String>>path("violations.field")).containsExactly(fields);
        assertThat(response.asString()).doesNotContain("Шевченко", "Müller", "XX", "2025-02-30");
    }

    @Test
    void prisonersLeaveOnlyWithTheEscortsConfirmationOfEachOnesConsent() {
        UUID agreement = UUID.randomUUID();
        UUID wounded = UUID.randomUUID();
        agreementKnown(agreement, AgreementEventsFixture.activeWithPrisonerTerm(agreement, wounded));
        String transfer = plan(agreement, wounded, "PRISONERS");
        String prisoners = """
                {"items": [
                  {"tag": "POW-1", "surname": "Коваленко", "firstNames": "Петро", "patronymic": "Іванович",
                   "rank": "солдат", "dateOfBirth": "1990-05-01", "serviceNumber": "AB123456",
                   "category": "SERIOUSLY_WOUNDED_OR_SICK", "healthNotes": "ампутація, потребує ноші"},
                  {"tag": "POW-2", "surname": "Ткаченко", "firstNames": "Андрій", "rank": "сержант",
                   "dateOfBirth": "1985-11-30", "serviceNumber": "AB654321", "category": "SERIOUSLY_WOUNDED_OR_SICK"}]}""";
        assertThat(upload(transfer, "application/json", prisoners.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(422)
                .body("detail", containsString("2 prisoner(s)"));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-1")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consents").then().statusCode(403);
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-1", "POW-9")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consents").then().statusCode(422)
                .body("violations.field", equalTo(List.of("tags[1]")));
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-1")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consents").then().statusCode(200)
                .body("consentsConfirmed", equalTo(1));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(422)
                .body("detail", containsString("1 prisoner(s)"));
        // Replacing the manifest withdraws consents given against the old one.
        upload(transfer, "application/json", prisoners.getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", ru()).get("/api/v1/transfers/" + transfer).then().body("consentsConfirmed", equalTo(0));
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-1", "POW-2")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consents").then().statusCode(200)
                .body("consentsConfirmed", equalTo(2));
        // A person who changes his mind before leaving stops the dispatch until he consents again.
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-2")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consent-withdrawals").then().statusCode(200)
                .body("consentsConfirmed", equalTo(1));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(422);
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-2")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consents").then().statusCode(200)
                .body("consentsConfirmed", equalTo(2));
        given().header("Authorization", ru()).contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(200);
        given().header("Authorization", icrc()).contentType(ContentType.JSON).body(Map.of("tags", List.of("POW-2")))
                .post("/api/v1/transfers/" + transfer + "/manifest/consent-withdrawals").then().statusCode(409);

        // A receipt of the full count establishes every arrival: the records go out without a reconciliation.
        given().header("Authorization", ua()).contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/v1/transfers/" + transfer + "/receipt").then().statusCode(200).body("state", equalTo("RECEIVED"));
        List<JsonNode> items = itemRecords(transfer, 2);
        assertThat(items).extracting(i -> i.path("data").path("tag").asText()).containsExactly("POW-1", "POW-2");
        assertThat(items.get(0).path("data").path("rank").asText()).isEqualTo("солдат");
        assertThat(items.get(0).toString()).doesNotContain("ампутація");
        given().header("Authorization", icrc()).accept(ContentType.JSON).get("/api/v1/transfers/" + transfer + "/manifest")
                .then().statusCode(200).body("items[0].consentConfirmedAt", org.hamcrest.Matchers.notNullValue())
                .body("items[0].healthNotes", equalTo("ампутація, потребує ноші"));
    }

    @Test
    void downloadedCsvDefusesFormulasAndStrangersSeeNothing() {
        String transfer = remainsTransfer();
        byte[] csv = Manifests.csv(Manifests.REMAINS_HEADER,
                "RU-1,UA,MILITARY,\"=HYPERLINK(\"\"http://x\"\")\",Тарас,,,+380501234567,@Бахмут,2025-03-01,-жетон");
        assertThat(upload(transfer, "text/csv", csv).statusCode()).isEqualTo(200);
        String downloaded = given().header("Authorization", ru()).accept("text/csv")
                .get("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(200)
                .header("Content-Disposition", containsString("manifest-" + transfer + ".csv")).extract().asString();
        assertThat(downloaded).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "\"'+380501234567\"", "\"'@Бахмут\"", "\"'-жетон\"");
        given().header("Authorization", ru()).get("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(200)
                .contentType(ContentType.JSON).body("items[0].serviceNumber", equalTo("+380501234567"));
        given().header("Authorization", TestTokens.bearer("org-fr", "FR", "coordinator")).accept("text/csv")
                .get("/api/v1/transfers/" + transfer + "/manifest").then().statusCode(404);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String type) {
        try (InputStream schema = HandoverApiTest.class.getResourceAsStream("/events/" + type + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.homeward.transfer.prisoners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * The prisoners a party holds, through the API against the real database and broker: recorded one by one or
 * imported whole, read only by the detaining party's coordinators (audited), told to the Central Tracing Agency
 * as capture cards and the Art. 122 list, decided on by a medical commission, closed by a death in captivity,
 * and counted (never named) on the public topic.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class PrisonersHeldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A detaining party of this test alone, so that counts are the test's own. */
    private static final String RU = TestTokens.bearer("org-ru-nib", "RU", "coordinator");
    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> prisoner(String surname) {
        Map<String, Object> p = new HashMap<>();
        p.put("surname", surname);
        p.put("firstNames", "Тарас");
        p.put("patronymic", "Григорович");
        p.put("script", "Cyrl");
        p.put("language", "uk");
        p.put("dateOfBirth", "2003-03-09");
        p.put("placeOfBirth", "Моринці");
        p.put("rank", "Солдат");
        p.put("serviceNumber", "ВС-" + UUID.randomUUID().toString().substring(0, 6));
        p.put("partyOfOrigin", "UA");
        p.put("fatherFirstName", "Григорій");
        p.put("motherMaidenName", "Бойко");
        p.put("personToInform", "Катерина Шевченко, Київ");
        p.put("capturedOn", "2025-03-01");
        p.put("capturePlace", "Курахове");
        p.put("internmentPlace", "Табір 1");
        p.put("stateOfHealth", "Поранення ноги");
        return p;
    }

    private static String record(Map<String, Object> prisoner) {
        return as(RU).body(prisoner).post("/api/v1/prisoners").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPrisonerIsRecordedInHisScriptWithALatinReadingAndOnlyHisDetainersReadHim() {
        String id = record(prisoner("Шевченко"));
        as(RU).get("/api/v1/prisoners/" + id).then().statusCode(200)
                .body("surname", equalTo("Шевченко")).body("surnameLatin", equalTo("Shevchenko"))
                .body("firstNamesLatin", equalTo("Taras")).body("status", equalTo("HELD"))
                .body("detainingParty", equalTo("RU")).body("latestFinding", nullValue());
        // The party of origin does not read the other side's records (only the exchange lists' entries).
        as(UA).get("/api/v1/prisoners/" + id).then().statusCode(404);
        as(TestTokens.bearer("org-icrc", null, "intermediary")).get("/api/v1/prisoners/" + id).then().statusCode(403);
        as(TestTokens.bearer("org-tr-mfa", null, "mediator")).get("/api/v1/prisoners").then().statusCode(403);
        as(RU).queryParam("size", 100).get("/api/v1/prisoners").then().statusCode(200).body("items.id", hasItem(id));
        as(UA).queryParam("size", 100).get("/api/v1/prisoners").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void badParticularsAreRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> bad = prisoner("Коваль");
        bad.remove("rank");
        bad.put("dateOfBirth", "2003-02-30");
        bad.put("capturedOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        bad.put("script", "Arab");
        bad.put("surname", "Коваль\u202Eляьавок");
        as(RU).body(bad).post("/api/v1/prisoners").then().statusCode(422)
                .body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("violations.field", hasItems("rank", "dateOfBirth", "capturedOn", "script", "surname"))
                .body(org.hamcrest.Matchers.not(containsString("ляьавок")));
        Map<String, Object> own = prisoner("Коваль");
        own.put("partyOfOrigin", "RU");
        as(RU).body(own).post("/api/v1/prisoners").then().statusCode(422).body("violations.field", hasItem("partyOfOrigin"));
        as(RU).body(Map.of("surname", 42)).post("/api/v1/prisoners").then().statusCode(400);
    }

    private static String csv(int rows, String surname) {
        String header = "surname,firstNames,patronymic,script,language,dateOfBirth,placeOfBirth,rank,serviceNumber,"
                + "partyOfOrigin,fatherFirstName,motherMaidenName,personToInform,capturedOn,capturePlace,internmentPlace,"
                + "stateOfHealth,releasedOn";
        return header + "\n" + IntStream.range(0, rows).mapToObj(i -> surname + ",Petro,,Latn,,2001-01-" + String.format("%02d", 1 + i % 28)
                        + ",,Private,N-" + i + ",UA,,,,2025-04-01,Pokrovsk,Camp 2,,").collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void anImportIsCheckedWholeAndRecordedOnceUnderItsKey() {
        String surname = "Import" + UUID.randomUUID().toString().substring(0, 6);
        String bad = csv(50, surname).replace(",N-7,UA,", ",N-7,XX1,").replace(",N-9,UA,", ",N-9,RU,");
        given().header("Authorization", RU).contentType("text/csv; charset=UTF-8").body(bad)
                .post("/api/v1/prisoners/imports").then().statusCode(422)
                .body("violations.field", hasItems("rows[8].partyOfOrigin", "rows[10].partyOfOrigin"));
        String key = "prisoners-" + surname;
        given().header("Authorization", RU).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8")
                .body(csv(50, surname)).post("/api/v1/prisoners/imports").then().statusCode(201)
                .body("prisoners", equalTo(50)).body("detainingParty", equalTo("RU"));
        given().header("Authorization", RU).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8")
                .body(csv(50, surname)).post("/api/v1/prisoners/imports").then().statusCode(201);
        String json = "{\"prisoners\": [{\"surname\": \"" + surname + "\", \"firstNames\": \"Ivan\", \"script\": \"Latn\","
                + " \"dateOfBirth\": \"2000-05-05\", \"rank\": \"Sergeant\", \"partyOfOrigin\": \"UA\", \"capturedOn\": \"2025-04-02\","
                + " \"capturePlace\": \"Pokrovsk\", \"internmentPlace\": \"Camp 2\"}]}";
        given().header("Authorization", RU).contentType(ContentType.JSON).body(json).post("/api/v1/prisoners/imports")
                .then().statusCode(201).body("prisoners", equalTo(1));
        List<String> surnames = as(RU).queryParam("size", 100).get("/api/v1/prisoners").then().statusCode(200)
                .extract().jsonPath().getList("items.surname", String.class);
        assertThat(surnames.stream().filter(surname::equals).count()).isEqualTo(51);
    }

    @Test
    void theCaptureCardAndTheNotificationListTellTheCentralTracingAgencyAndDefuseFormulas() {
        Map<String, Object> p = prisoner("Бондар");
        p.put("personToInform", "=HYPERLINK(\"http://x\")");
        String id = record(p);
        as(RU).get("/api/v1/prisoners/" + id + "/capture-card").then().statusCode(200)
                .body("powerOnWhichDependent", equalTo("UA")).body("detainingPower", equalTo("RU"))
                .body("surnameLatin", equalTo("Bondar")).body("fatherFirstName", equalTo("Григорій"))
                .body("motherMaidenName", equalTo("Бойко")).body("takenPrisonerOn", equalTo("2025-03-01"))
                .body("presentAddress", equalTo("Табір 1"));
        String card = given().header("Authorization", RU).accept("text/csv").get("/api/v1/prisoners/" + id + "/capture-card")
                .then().statusCode(200).extract().asString();
        assertThat(card).contains("\"prisonerNumber\",\"detainingPower\"").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(RU).body(Map.of("diedOn", today, "place", "Табір 1", "cause", "Серцева недостатність"))
                .post("/api/v1/prisoners/" + id + "/death").then().statusCode(200).body("status", equalTo("DIED"));
        // What is new to notify today: his capture (recorded today, dated by the day he was taken) and his death.
        as(RU).queryParam("from", today).queryParam("to", today).get("/api/v1/prisoners/notification-list").then()
                .statusCode(200)
                .body("findAll { it.card.prisonerNumber == '" + id + "' }.notified", equalTo(List.of("CAPTURED", "DIED")))
                .body("find { it.card.prisonerNumber == '" + id + "' && it.notified == 'CAPTURED' }.on",
                        equalTo("2025-03-01"));
        String list = given().header("Authorization", RU).accept("text/csv").queryParam("from", today).queryParam("to", today)
                .get("/api/v1/prisoners/notification-list").then().statusCode(200).extract().asString();
        assertThat(list).startsWith("\uFEFF\"notified\",\"on\",\"prisonerNumber\"")
                .contains("\"DIED\",\"" + today + "\",\"" + id + "\"");
        as(RU).queryParam("from", today).queryParam("to", "2020-01-01").get("/api/v1/prisoners/notification-list").then()
                .statusCode(422);
        as(UA).get("/api/v1/prisoners/" + id + "/capture-card").then().statusCode(404);
    }

    @Test
    void aCommissionsDecisionIsKeptAndADeathClosesTheRecordWithCountsOnlyOnThePublicTopic() throws Exception {
        String id = record(prisoner("Мельник"));
        as(RU).body(Map.of("seriouslyWoundedOrSick", true, "decidedOn", "2025-02-01", "commissionReference", "MMC-1"))
                .post("/api/v1/prisoners/" + id + "/medical-findings").then().statusCode(422)
                .body("violations.field", hasItem("decidedOn"));
        as(RU).body(Map.of("seriouslyWoundedOrSick", true, "decidedOn", "2025-05-20", "commissionReference", "MMC-7"))
                .post("/api/v1/prisoners/" + id + "/medical-findings").then().statusCode(201)
                .body("seriouslyWoundedOrSick", equalTo(true));
        as(RU).get("/api/v1/prisoners/" + id).then().body("latestFinding.commissionReference", equalTo("MMC-7"));

        as(RU).body(Map.of("diedOn", "2025-02-01", "place", "Табір 1"))
                .post("/api/v1/prisoners/" + id + "/death").then().statusCode(422);
        as(RU).body(Map.of("diedOn", "2025-06-01", "place", "Табір 1"))
                .post("/api/v1/prisoners/" + id + "/death").then().statusCode(200).body("status", equalTo("DIED"))
                .body("diedOn", equalTo("2025-06-01"));
        as(RU).body(Map.of("diedOn", "2025-06-01", "place", "Табір 1"))
                .post("/api/v1/prisoners/" + id + "/death").then().statusCode(409);
        as(RU).body(Map.of("seriouslyWoundedOrSick", false, "decidedOn", "2025-06-02", "commissionReference", "MMC-8"))
                .post("/api/v1/prisoners/" + id + "/medical-findings").then().statusCode(422);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.transfer.events",
                read -> read.stream().anyMatch(r -> r.value().contains("transfer.prisoners-held.died")),
                Duration.ofSeconds(30));
        List<JsonNode> counts = records.stream().filter(r -> "RU-UA".equals(r.key())).map(r -> read(r.value())).toList();
        assertThat(counts).isNotEmpty();
        JsonNode died = counts.stream().filter(e -> e.path("type").asText().equals("transfer.prisoners-held.died"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(died.path("data").path("died").asLong()).isPositive();
        assertThat(died.path("data").path("held").asLong()).isPositive();
        for (JsonNode event : counts) {
            try (InputStream schema = getClass().getResourceAsStream("/events/" + event.path("type").asText() + ".json")) {
                assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                        .validate(event)).isEmpty();
            }
            assertThat(event.toString()).doesNotContain("Мельник", id);
        }
        // Sequences rise with every change of the pair's counts.
        List<Long> sequences = counts.stream().map(e -> e.path("data").path("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.homeward.identification.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.identification.ReleasedPrisoner;
import org.homeward.identification.Schemas;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Released prisoners checked against the register, from transfer-service's item records on real Kafka:
 * nobody is released on the sending party's manifest alone: MATCHED and PROBABLE wait for a coordinator of the
 * receiving party, whose decision releases the register entry; a withdrawal undoes it.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class PrisonerCheckTest {

    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    private final UUID transfer = UUID.randomUUID();

    private String registered(String surname, String firstNames, String dateOfBirth, String serviceNumber) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("surname", surname);
        report.put("firstNames", firstNames);
        report.put("script", "Cyrl");
        report.put("language", "uk");
        report.put("dateOfBirth", dateOfBirth);
        if (serviceNumber != null) {
            report.put("serviceNumber", serviceNumber);
        }
        report.put("party", "UA");
        report.put("category", "MILITARY");
        report.put("source", "CAPTURE_CARD");
        return given().header("Authorization", UA).contentType(ContentType.JSON).body(report)
                .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
    }

    private String prisonerRecord(UUID itemId, String type, int sequence, String surname, String firstNames,
                                  String dateOfBirth, String serviceNumber) throws Exception {
        return ReleasedPrisoner.record(transfer, itemId, type, sequence, surname, firstNames, dateOfBirth, serviceNumber);
    }

    private JsonNode checkOf(UUID itemId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode checks = Schemas.read(given().header("Authorization", UA).queryParam("transferId", transfer.toString())
                    .get("/api/v1/prisoner-checks").then().statusCode(200).extract().asString()).path("items");
            for (JsonNode check : checks) {
                if (check.path("itemId").asText().equals(itemId.toString())) {
                    return check;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    @Test
    void aMatchedPrisonerIsReleasedOnlyByACoordinatorAndAWithdrawalUndoesIt() throws Exception {
        String suffix = Integer.toString((int) (Math.random() * 1_000_000), 36);
        String number = "ЗСУ-" + UUID.randomUUID().toString().substring(0, 6);
        String person = registered("Мельничук-" + suffix, "Андрій", "1998-02-11", number);
        UUID item = UUID.randomUUID();
        // The sending side wrote his name the Russian way and his service number without the dash.
        KafkaTestClient.shared().send("homeward.transfer.manifest-items", transfer.toString(),
                prisonerRecord(item, "transfer.manifest-item.arrived", 1, "Мельничук-" + suffix, "Андрей",
                        "1998-02-11", number.replace("-", "")));
        JsonNode check = checkOf(item);
        assertThat(check.path("outcome").asText()).isEqualTo("MATCHED");
        assertThat(check.path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(check.path("personId").asText()).isEqualTo(person);
        assertThat(check.path("agreed").toString()).contains("serviceNumber").contains("dateOfBirth (EQUAL)");
        // However well the sender's manifest matches, only the receiving party's coordinator says it is him.
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().body("status", equalTo("MISSING"));
        given().header("Authorization", UA).contentType(ContentType.JSON).body(Map.of("samePerson", true))
                .post("/api/v1/prisoner-checks/" + check.path("id").asText() + "/decision").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().body("status", equalTo("RELEASED"));

        List<JsonNode> events = checkEvents(check.path("id").asText(), 1);
        assertThat(Schemas.own("identification.prisoner-check.completed").validate(events.get(0))).isEmpty();
        assertThat(events.get(0).toString()).doesNotContain("Мельничук").doesNotContain(person);

        // The reconciliation found he never crossed: the release is undone.
        KafkaTestClient.shared().send("homeward.transfer.manifest-items", transfer.toString(),
                prisonerRecord(item, "transfer.manifest-item.withdrawn", 2, "Мельничук-" + suffix, "Андрей",
                        "1998-02-11", number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/" + person).then().body("status", equalTo("MISSING")));
        assertThat(checkEvents(check.path("id").asText(), 2).get(1).path("data").path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aProbableCheckReleasesNobodyUntilACoordinatorDecides() throws Exception {
        String suffix = Integer.toString((int) (Math.random() * 1_000_000), 36);
        String person = registered("Гнатюк-" + suffix, "Василь", "1976-09-30", null);
        UUID item = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.transfer.manifest-items", transfer.toString(),
                prisonerRecord(item, "transfer.manifest-item.arrived", 1, "Гнатюк-" + suffix, "Василий", "1976-09-30", null));
        JsonNode check = checkOf(item);
        assertThat(check.path("outcome").asText()).isEqualTo("PROBABLE");
        assertThat(check.path("status").asText()).isEqualTo("AWAITING_DECISION");
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().body("status", equalTo("MISSING"));
        String id = check.path("id").asText();
        given().header("Authorization", TestTokens.bearer("lab-ua-kyiv", "UA", "forensic-examiner"))
                .contentType(ContentType.JSON).body(Map.of("samePerson", true))
                .post("/api/v1/prisoner-checks/" + id + "/decision").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator"))
                .get("/api/v1/prisoner-checks/" + id).then().statusCode(404);
        given().header("Authorization", UA).contentType(ContentType.JSON).body(Map.of("samePerson", true))
                .post("/api/v1/prisoner-checks/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().body("status", equalTo("RELEASED"));
        given().header("Authorization", UA).queryParam("status", "RELEASED").queryParam("size", 100)
                .get("/api/v1/missing-persons").then().body("items.id", hasItem(person));
    }

    @Test
    void aWithdrawalThatOvertakesItsArrivalReleasesNobody() throws Exception {
        String suffix = Integer.toString((int) (Math.random() * 1_000_000), 36);
        String number = "ЗСУ-" + UUID.randomUUID().toString().substring(0, 6);
        String person = registered("Кравчук-" + suffix, "Ярослав", "1990-12-01", number);
        UUID item = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        KafkaTestClient.shared().sendAll("homeward.transfer.manifest-items", List.of(
                new KafkaTestClient.Keyed(transfer.toString(), prisonerRecord(item, "transfer.manifest-item.withdrawn", 2,
                        "Кравчук-" + suffix, "Ярослав", "1990-12-01", number)),
                new KafkaTestClient.Keyed(transfer.toString(), prisonerRecord(item, "transfer.manifest-item.arrived", 1,
                        "Кравчук-" + suffix, "Ярослав", "1990-12-01", number)),
                new KafkaTestClient.Keyed(transfer.toString(), prisonerRecord(sentinel, "transfer.manifest-item.arrived", 1,
                        "Невідомий", "Іван", "1970-01-01", null))));
        // Records keyed by one transfer are applied in order: once the last is checked, the late arrival was too.
        checkOf(sentinel);
        assertThat(checkOf(item).path("status").asText()).isEqualTo("WITHDRAWN");
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().body("status", equalTo("MISSING"));
    }

    private static List<JsonNode> checkEvents(String checkId, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.identification.events",
                read -> read.stream().filter(r -> checkId.equals(r.key())).count() >= expected, Duration.ofSeconds(30));
        List<JsonNode> mine = records.stream().filter(r -> checkId.equals(r.key())).map(r -> Schemas.read(r.value())).toList();
        assertThat(mine).hasSize(expected);
        return mine;
    }
}

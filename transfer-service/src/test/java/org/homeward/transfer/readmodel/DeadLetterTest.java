package org.homeward.transfer.readmodel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Poison goes to the dead-letter topic, does not block what follows, and operators can list and re-drive. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class DeadLetterTest {

    private static final String TOPIC = "homeward.agreement.events";

    private static String operator() {
        return TestTokens.bearer("org-homeward-ops", null, "operator");
    }

    private static List<Map<String, Object>> deadLetters() {
        return given().header("Authorization", operator()).queryParam("size", 100).get("/api/v1/ops/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void poisonIsDeadLetteredWithAReasonAndTheNextEventStillArrives() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient kafka = KafkaTestClient.shared();
        kafka.send(TOPIC, key, "this is not JSON");
        UUID agreement = UUID.randomUUID();
        kafka.send(TOPIC, key, AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "After the poison")
                .replace("\"sequence\": 1,", ""));
        UUID healthy = UUID.randomUUID();
        kafka.send(TOPIC, key, AgreementEventsFixture.created(UUID.randomUUID(), healthy, 1, "Healthy"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/agreement-views/" + healthy).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                deadLetters().stream().filter(d -> key.equals(d.get("recordKey"))).count() == 2);
        given().header("Authorization", operator()).get("/api/v1/ops/dead-letters").then()
                .body("items.findAll { it.recordKey == '" + key + "' }.reason",
                        hasItem(org.hamcrest.Matchers.containsString("Not a CloudEvent")))
                .body("items.findAll { it.recordKey == '" + key + "' }.reason",
                        hasItem(org.hamcrest.Matchers.containsString("lacks a required field")));

        String poisonId = deadLetters().stream().filter(d -> key.equals(d.get("recordKey"))).findFirst()
                .map(d -> (String) d.get("id")).orElseThrow();
        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + poisonId + "/redrive")
                .then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/ops/dead-letters").then().statusCode(403);
    }

    @Test
    void aDeadLetterThatCanNowBeAppliedIsReDrivenOnce() {
        // A valid event dead-lettered earlier (say by a since-fixed consumer), as it sits on the DLQ topic.
        UUID agreement = UUID.randomUUID();
        String key = agreement.toString();
        String event = AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "Re-driven");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                System.getProperty("homeward.test.kafka-bootstrap-servers")), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("homeward.transfer-service.dead-letters", key, event);
            record.headers().add("dead-letter-topic", TOPIC.getBytes(StandardCharsets.UTF_8))
                    .add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8))
                    .add("dead-letter-offset", String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8))
                    .add("dead-letter-reason", "consumer bug since fixed".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                deadLetters().stream().anyMatch(d -> key.equals(d.get("recordKey"))));
        String id = deadLetters().stream().filter(d -> key.equals(d.get("recordKey"))).findFirst()
                .map(d -> (String) d.get("id")).orElseThrow();

        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + id + "/redrive")
                .then().statusCode(200).body("status", equalTo("REDRIVEN"));
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("title", equalTo("Re-driven"));
        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + id + "/redrive")
                .then().statusCode(409);
    }
}

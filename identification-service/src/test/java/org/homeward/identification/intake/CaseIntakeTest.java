package org.homeward.identification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.Schemas;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Item records from transfer-service become cases exactly once, against real PostgreSQL and Kafka: records
 * delivered twice and out of order open nothing twice, and withdrawals close what never arrived.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseIntakeTest {

    private static final String EVENTS = "homeward.identification.events";

    private static String observer() {
        return TestTokens.bearer("org-press", null, "observer");
    }

    private static String lab() {
        return TestTokens.bearer("lab-ua-kyiv", "UA", "forensic-examiner");
    }

    @Test
    void twelveHundredArrivalsTwiceAndShuffledOpenTwelveHundredCasesAndThreeWithdrawalsCloseThree() {
        RemainsHandover handover = RemainsHandover.ruToUa(1200);
        assertThat(Schemas.transfer("transfer.manifest-item.arrived").validate(Schemas.read(handover.arrived(0)))).isEmpty();
        List<KafkaTestClient.Keyed> records = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String arrival = handover.arrived(i);
            records.add(handover.keyed(arrival));
            records.add(handover.keyed(arrival)); // the relay's at-least-once: the same event again
            if (i % 100 == 0) {
                records.add(handover.keyed(handover.arrived(i))); // republished: a new event id, same item
            }
        }
        Collections.shuffle(records, new Random(20250612));
        KafkaTestClient.shared().sendAll(RemainsHandover.TOPIC, records);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                given().header("Authorization", observer()).queryParam("transferId", handover.transferId.toString())
                        .get("/api/v1/case-statistics").then().statusCode(200)
                        .body("counts.received", equalTo(1200)).body("counts.awaitingExamination", equalTo(1200)));

        // The reconciliation finds three missing after the full receipt: each withdrawal comes twice, and an
        // old arrival of one of them comes again afterwards; none may resurrect a case.
        List<Integer> missing = List.of(16, 599, 1199);
        List<KafkaTestClient.Keyed> corrections = new ArrayList<>();
        for (int index : missing) {
            String withdrawal = handover.withdrawn(index);
            assertThat(Schemas.transfer("transfer.manifest-item.withdrawn").validate(Schemas.read(withdrawal))).isEmpty();
            corrections.add(handover.keyed(withdrawal));
            corrections.add(handover.keyed(withdrawal));
            corrections.add(handover.keyed(handover.arrived(index)));
        }
        KafkaTestClient.shared().sendAll(RemainsHandover.TOPIC, corrections);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                given().header("Authorization", observer()).queryParam("transferId", handover.transferId.toString())
                        .get("/api/v1/case-statistics").then().statusCode(200)
                        .body("counts.received", equalTo(1197)).body("counts.awaitingExamination", equalTo(1197))
                        .body("counts.withdrawn", equalTo(3))
                        .body("receivedByClaimedNationality.UA", equalTo(1079))
                        .body("receivedByClaimedNationality.RU", equalTo(118)));

        Set<String> itemIds = new HashSet<>();
        Set<String> withdrawnTags = new HashSet<>();
        for (int page = 0; page < 13; page++) {
            JsonNode body = Schemas.read(given().header("Authorization", lab())
                    .queryParam("transferId", handover.transferId.toString()).queryParam("size", 100)
                    .queryParam("page", page).get("/api/v1/cases").then().statusCode(200).extract().asString());
            body.path("items").forEach(c -> {
                itemIds.add(c.path("itemId").asText());
                if (c.path("status").asText().equals("WITHDRAWN")) {
                    withdrawnTags.add(c.path("tag").asText());
                }
            });
        }
        assertThat(itemIds).hasSize(1200);
        assertThat(withdrawnTags).containsExactlyInAnyOrder(handover.tag(16), handover.tag(599), handover.tag(1199));

        List<JsonNode> events = caseEvents(handover, 1203);
        assertThat(events.stream().filter(e -> e.path("type").asText().equals("identification.case.opened"))
                .map(e -> e.path("subject").asText()).distinct()).hasSize(1200);
        List<JsonNode> withdrawals = events.stream()
                .filter(e -> e.path("type").asText().equals("identification.case.withdrawn")).toList();
        assertThat(withdrawals).hasSize(3);
        JsonNode last = withdrawals.get(withdrawals.size() - 1);
        assertThat(Schemas.own("identification.case.withdrawn").validate(last)).isEmpty();
        assertThat(last.path("data").path("transferCounts").path("withdrawn").asInt()).isBetween(1, 3);
        assertThat(Schemas.own("identification.case.opened").validate(events.get(0))).isEmpty();
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain(RemainsHandover.surname(0), RemainsHandover.surname(1),
                    "SN-1", "Олександр", handover.tag(0));
        }
    }

    @Test
    void aWithdrawalThatOvertakesItsArrivalStillLeavesOneWithdrawnCase() {
        RemainsHandover handover = RemainsHandover.ruToUa(2);
        KafkaTestClient.shared().sendAll(RemainsHandover.TOPIC, List.of(handover.keyed(handover.withdrawn(0)),
                handover.keyed(handover.arrived(0)), handover.keyed(handover.arrived(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", observer()).queryParam("transferId", handover.transferId.toString())
                        .get("/api/v1/case-statistics").then().statusCode(200)
                        .body("counts.received", equalTo(1)).body("counts.withdrawn", equalTo(1)));
        List<JsonNode> events = caseEvents(handover, 3);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder(
                "identification.case.opened", "identification.case.opened", "identification.case.withdrawn");
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAndTheNextOneStillOpensItsCase() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String broken = handover.arrived(0).replace("\"handoverTimeZone\":\"Europe/Kyiv\"", "\"handoverTimeZone\":\"Mars/Olympus\"");
        KafkaTestClient.shared().sendAll(RemainsHandover.TOPIC, List.of(handover.keyed(broken),
                handover.keyed(handover.withdrawn(0).replace("\"itemSequence\":2", "\"itemSequence\":0")),
                handover.keyed(handover.arrived(0))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", observer()).queryParam("transferId", handover.transferId.toString())
                        .get("/api/v1/case-statistics").then().statusCode(200).body("counts.received", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String letters = given().header("Authorization", TestTokens.bearer("org-ops", null, "operator"))
                    .get("/api/v1/ops/dead-letters").then().statusCode(200).extract().asString();
            assertThat(letters).contains("unknown time zone").contains("itemSequence").doesNotContain(RemainsHandover.surname(0));
        });
    }

    /** This service's public events about the handover's cases (keyed by case, so matched by transfer id). */
    private static List<JsonNode> caseEvents(RemainsHandover handover, int expected) {
        String transfer = handover.transferId.toString();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil(EVENTS,
                read -> read.stream().filter(r -> r.value().contains(transfer)).count() >= expected,
                Duration.ofSeconds(90));
        List<JsonNode> mine = records.stream().filter(r -> r.value().contains(transfer))
                .map(r -> Schemas.read(r.value())).toList();
        assertThat(mine).hasSize(expected);
        return mine;
    }
}

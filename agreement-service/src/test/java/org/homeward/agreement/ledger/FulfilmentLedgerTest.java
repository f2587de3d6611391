package org.homeward.agreement.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.agreement.api.AgreementFixtures;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference story of DESIGN.md 1 through the real broker: an active Istanbul agreement, a week of
 * remains handovers from RU to UA and none back, including duplicates, reordering and corrections.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class FulfilmentLedgerTest {

    private static final String TRANSFERS = "homeward.transfer.events";
    private static final ObjectMapper JSON = new ObjectMapper();


    private static JsonPath fulfilment(String id, Map<String, String> query) {
        return given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator")).queryParams(query)
                .get("/api/v1/agreements/" + id + "/fulfilment").then().statusCode(200).extract().jsonPath();
    }

    private static long received(String id, String termId) {
        return fulfilment(id, Map.of()).getLong("terms.find { it.termId == '" + termId + "' }.received");
    }

    private static String remainsTerm(String id, String from) {
        return given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id).then()
                .extract().path("terms.find { it.basis == 'N_FOR_N' && it.fromParty == '" + from + "' }.id");
    }

    private static List<JsonNode> agreementEvents(String id, String type, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.agreement.events",
                r -> r.stream().filter(x -> id.equals(x.key()) && x.value().contains("\"" + type + "\"")).count() >= atLeast,
                Duration.ofSeconds(30));
        return records.stream().filter(r -> id.equals(r.key())).map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.path("type").asText().equals(type)).toList();
    }

    @Test
    void aWeekOfHandoversInOneDirectionAndNoneInTheOther() {
        String id = AgreementFixtures.activeIstanbul("STORY-WEEK");
        String ruToUa = remainsTerm(id, "RU");
        String uaToRu = remainsTerm(id, "UA");
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        UUID t3 = UUID.randomUUID();
        UUID t4 = UUID.randomUUID();
        KafkaTestClient kafka = KafkaTestClient.shared();
        String first = TransferEventFixtures.remains(t1, 2, id, ruToUa, "RU", "UA", Instant.parse("2025-06-11T08:00:00Z"), "RECEIVED", 1212, 1212, 1212);
        kafka.send(TRANSFERS, t1.toString(), first);
        kafka.send(TRANSFERS, t1.toString(), first); // redelivered
        // a correction arrives before the state it corrects
        kafka.send(TRANSFERS, t2.toString(), TransferEventFixtures.remains(t2, 3, id, ruToUa, "RU", "UA", Instant.parse("2025-06-13T09:00:00Z"), "PARTIALLY_RECEIVED", 1200, 1200, 1190));
        kafka.send(TRANSFERS, t2.toString(), TransferEventFixtures.remains(t2, 2, id, ruToUa, "RU", "UA", Instant.parse("2025-06-13T09:00:00Z"), "RECEIVED", 1200, 1200, 1200));
        // Sunday 22:30 UTC is Monday 01:30 in Kyiv: counted on Monday, in the next ISO week
        kafka.send(TRANSFERS, t3.toString(), TransferEventFixtures.remains(t3, 2, id, ruToUa, "RU", "UA", Instant.parse("2025-06-15T22:30:00Z"), "RECEIVED", 1200, 1200, 1200));
        kafka.send(TRANSFERS, t4.toString(), TransferEventFixtures.remains(t4, 1, id, ruToUa, "RU", "UA", null, "DISPATCHED", 1200, 1200, 0));

        // Markers on the same keys, for another agreement: once they are applied, every record before them on
        // those partitions was consumed too, the stale state and the duplicate included. Waiting for a total
        // alone could pass before the stale event arrived.
        String markers = AgreementFixtures.activeIstanbul("STORY-WEEK-MARKERS");
        String markerTerm = remainsTerm(markers, "RU");
        for (UUID key : List.of(t1, t2, t3, t4)) {
            UUID marker = UUID.randomUUID();
            kafka.send(TRANSFERS, key.toString(), TransferEventFixtures.remains(marker, 1, markers, markerTerm, "RU", "UA",
                    Instant.parse("2025-06-11T08:00:00Z"), "RECEIVED", 1, 1, 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received(markers, markerTerm) == 4);
        JsonPath all = fulfilment(id, Map.of());
        String term = "terms.find { it.termId == '" + ruToUa + "' }";
        assertThat(all.getLong(term + ".received")).isEqualTo(3602);
        assertThat(all.getLong(term + ".remaining")).isEqualTo(2398);
        assertThat(all.getDouble(term + ".percent")).isEqualTo(60.03);
        assertThat(all.getLong("terms.find { it.termId == '" + uaToRu + "' }.received")).isZero();
        assertThat(all.getLong("terms.find { it.termId == '" + uaToRu + "' }.remaining")).isEqualTo(6000);
        assertThat(all.getList("directions.findAll { it.fromParty == 'UA' }")).isEmpty();
        assertThat(all.getLong("directions.find { it.fromParty == 'RU' }.received")).isEqualTo(3602);
        assertThat(all.getDouble("balances[0].balance")).isEqualTo(3602.0);
        assertThat(all.getBoolean("balances[0].outOfTolerance")).isTrue();

        JsonPath weekly = fulfilment(id, Map.of("from", "2025-06-09", "to", "2025-06-22", "groupBy", "WEEK"));
        assertThat(weekly.getList("period.groups.period")).containsExactly("2025-W24", "2025-W25");
        assertThat(weekly.getList("period.groups.received", Long.class)).containsExactly(2402L, 1200L);
        JsonPath thisWeek = fulfilment(id, Map.of("from", "2025-06-09", "to", "2025-06-15"));
        assertThat(thisWeek.getList("period.groups.period")).containsExactly("2025-06-11", "2025-06-13");
        assertThat(thisWeek.getLong("period.totals[0].received")).isEqualTo(2402);

        assertThat(agreementEvents(id, "agreement.balance.out-of-tolerance", 1)).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("termId").asText()).isIn(ruToUa, uaToRu));
    }

    @Test
    void reachingTheCommittedNumberFulfilsATermAndACorrectionReopensIt() {
        String id = AgreementFixtures.activeIstanbul("STORY-FULFIL");
        String ruToUa = remainsTerm(id, "RU");
        UUID transfer = UUID.randomUUID();
        KafkaTestClient kafka = KafkaTestClient.shared();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        kafka.send(TRANSFERS, transfer.toString(), TransferEventFixtures.remains(transfer, 1, id, ruToUa, "RU", "UA",
                        Instant.parse("2025-06-20T10:00:00Z"), "RECEIVED", 6000, 6000, 6000),
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        List<JsonNode> fulfilled = agreementEvents(id, "agreement.term.fulfilled", 1);
        // The consumer continued the producer's trace, and the event it caused carries it on.
        assertThat(KafkaTestClient.shared().readUntil("homeward.agreement.events",
                        r -> r.stream().anyMatch(x -> x.value().contains("agreement.term.fulfilled") && id.equals(x.key())),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> id.equals(r.key()) && r.value().contains("agreement.term.fulfilled"))
                .map(r -> new String(r.headers().lastHeader("traceparent").value(), java.nio.charset.StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("00-" + traceId + "-");
        assertThat(fulfilled).singleElement().satisfies(e -> {
            assertThat(e.path("data").path("termId").asText()).isEqualTo(ruToUa);
            assertThat(e.path("data").path("received").asLong()).isEqualTo(6000);
            assertThat(e.path("data").path("agreement").path("status").asText()).isEqualTo("ACTIVE");
        });
        kafka.send(TRANSFERS, transfer.toString(), TransferEventFixtures.remains(transfer, 2, id, ruToUa, "RU", "UA",
                Instant.parse("2025-06-20T10:00:00Z"), "PARTIALLY_RECEIVED", 6000, 6000, 5990));
        assertThat(agreementEvents(id, "agreement.term.reopened", 1)).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("received").asLong()).isEqualTo(5990));
        assertThat(received(id, ruToUa)).isEqualTo(5990);
    }

    @Test
    void anAllForAllTermShowsItsExchangeListAndWhetherItIsComplete() {
        String id = AgreementFixtures.activeIstanbul("STORY-LISTS");
        String young = given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id).then()
                .extract().path("terms.find { it.category == 'AGED_18_TO_25' && it.fromParty == 'RU' }.id");
        UUID list = UUID.randomUUID();
        KafkaTestClient kafka = KafkaTestClient.shared();
        kafka.send(TRANSFERS, list.toString(), TransferEventFixtures.exchangeList(list, 2, id, young, 200, 197, 3, 0, 0, true));
        String term = "terms.find { it.termId == '" + young + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fulfilment(id, Map.of()).getString(term + ".exchange.released")).isEqualTo("197"));
        // Late: an older count, then (same key, so same partition, applied after it) a barrier the test can see.
        kafka.send(TRANSFERS, list.toString(), TransferEventFixtures.exchangeList(list, 1, id, young, 200, 0, 0, 0, 200, false));
        UUID barrier = UUID.randomUUID();
        String wounded = given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id).then()
                .extract().path("terms.find { it.category == 'SERIOUSLY_WOUNDED_OR_SICK' && it.fromParty == 'RU' }.id");
        kafka.send(TRANSFERS, list.toString(), TransferEventFixtures.exchangeList(barrier, 1, id, wounded, 60, 58, 0, 0, 2, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> "58".equals(fulfilment(id, Map.of())
                .getString("terms.find { it.termId == '" + wounded + "' }.exchange.released")));
        JsonPath after = fulfilment(id, Map.of());
        assertThat(after.getLong(term + ".exchange.eligibleHeld")).isEqualTo(200);
        assertThat(after.getLong(term + ".exchange.declined")).isEqualTo(3);
        assertThat(after.getLong(term + ".exchange.remaining")).isZero();
        assertThat(after.getBoolean(term + ".exchange.complete")).isTrue();
        assertThat(after.getLong(term + ".exchange.released")).as("the late, older count changed nothing").isEqualTo(197);
        assertThat(after.getBoolean("terms.find { it.termId == '" + wounded + "' }.exchange.complete")).isFalse();
        assertThat(after.getString(term + ".committed")).isNull();
        // A term without a list says nothing of one.
        assertThat(after.getString("terms.find { it.basis == 'N_FOR_N' && it.fromParty == 'RU' }.exchange")).isNull();
    }

    @Test
    void aTransferOfAnUnknownAgreementIsDeadLettered() {
        UUID transfer = UUID.randomUUID();
        KafkaTestClient.shared().send(TRANSFERS, transfer.toString(), TransferEventFixtures.remains(transfer, 1,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "RU", "UA", null, "DISPATCHED", 10, 10, 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .header("Authorization", TestTokens.bearer("org-homeward-ops", null, "operator"))
                .queryParam("size", 100).get("/api/v1/ops/dead-letters").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.recordKey == '" + transfer + "' }.reason", String.class))
                .singleElement().asString().contains("does not know"));
    }
}

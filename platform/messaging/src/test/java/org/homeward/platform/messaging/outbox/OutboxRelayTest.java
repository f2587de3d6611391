package org.homeward.platform.messaging.outbox;

import org.homeward.platform.messaging.failpoint.Failpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.testapp.ThingEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The relay against the real broker and database: wire format, no dual write, redelivery, replicas, parking. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ThingEvents events;
    @Inject
    EntityManager entityManager;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    @Identifier("default-kafka-broker")
    Instance<Map<String, Object>> kafkaConfig;

    private static List<ConsumerRecord<String, String>> recordsOf(String key, int atLeast) {
        return KafkaTestClient.shared().readUntil(ThingEvents.TOPIC,
                        records -> records.stream().filter(r -> key.equals(r.key())).count() >= atLeast, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theCloudEventAndItsHeadersKeepTheirPinnedShape() throws Exception {
        String thing = "wire-" + UUID.randomUUID();
        UUID id = events.changed(thing, 1, 7);
        ConsumerRecord<String, String> record = recordsOf(thing, 1).get(0);
        assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json");
        JsonNode event = JSON.readTree(record.value());
        // Wire format: these attributes and names only ever gain company, never change.
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(id.toString());
        assertThat(event.path("source").asText()).isEqualTo("/homeward/platform-test");
        assertThat(event.path("type").asText()).isEqualTo(ThingEvents.CHANGED);
        assertThat(event.path("subject").asText()).isEqualTo(thing);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("dataschema").asText()).isEqualTo("urn:homeward:event-schema:" + ThingEvents.CHANGED + ":1");
        assertThat(event.path("time").asText()).endsWith("Z");
        assertThat(event.path("data").path("value").asInt()).isEqualTo(7);
        assertThat(event.path("data").path("sequence").asLong()).isEqualTo(1);
        // The outbox row keeps the columns Debezium's outbox router reads.
        assertThat(MessagingTestDatabase.count("select count(*) from information_schema.columns where table_name = 'outbox_event'"
                + " and column_name in ('id', 'aggregatetype', 'aggregateid', 'type', 'payload', 'timestamp', 'tracingspancontext')"))
                .isEqualTo(7);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String thing = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> events.changedThenFailed(thing)).isInstanceOf(IllegalStateException.class);
        String marker = "after-" + thing;
        events.changed(marker, 1, 1);
        recordsOf(marker, 1);
        assertThat(KafkaTestClient.shared().readUntil(ThingEvents.TOPIC, r -> false, Duration.ofSeconds(2)))
                .noneMatch(r -> thing.equals(r.key()));
        assertThat(MessagingTestDatabase.count("select count(*) from outbox_event where aggregateid = '" + thing + "'")).isZero();
    }

    @Test
    void aRowSentButNotMarkedIsSentAgainAndTheConsumerAbsorbsIt() {
        String thing = "resent-" + UUID.randomUUID();
        UUID id = events.changed(thing, 1, 3);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + thing + "'") == 1);
        // As if the relay had crashed between the broker's acknowledgement and marking the row.
        MessagingTestDatabase.execute("update outbox_event set published_at = null where id = '" + id + "'");
        List<ConsumerRecord<String, String>> twice = recordsOf(thing, 2);
        assertThat(twice).hasSize(2).allSatisfy(r -> assertThat(r.value()).contains(id.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestDatabase.count(
                "select count(*) from outbox_event where id = '" + id + "' and published_at is not null") == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + thing + "'")).isEqualTo(1);
    }

    @Test
    void twoRelaysOnOneDatabasePublishEachRowOnceInOrderPerAggregate() throws Exception {
        OutboxRelay secondReplica = new OutboxRelay(entityManager, config, new RelayStatus(), registry, kafkaConfig,
                Failpoints.none());
        String prefix = "replicas-" + UUID.randomUUID() + "-";
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> relaying = threads.submit(() -> {
                while (writing.get()) {
                    secondReplica.poll();
                }
                secondReplica.poll();
            });
            Map<UUID, String> written = new HashMap<>();
            for (int sequence = 1; sequence <= 40; sequence++) {
                for (int aggregate = 0; aggregate < 5; aggregate++) {
                    written.put(events.changed(prefix + aggregate, sequence, sequence), prefix + aggregate);
                }
            }
            writing.set(false);
            relaying.get();
            List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil(ThingEvents.TOPIC,
                    r -> r.stream().filter(x -> x.key().startsWith(prefix)).count() >= 200, Duration.ofSeconds(60));
            Thread.sleep(1000);
            records = KafkaTestClient.shared().readAll(ThingEvents.TOPIC);
            List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> r.key().startsWith(prefix)).toList();
            Set<String> ids = ours.stream().map(r -> read(r).path("id").asText()).collect(Collectors.toSet());
            assertThat(ours).hasSize(200);
            assertThat(ids).hasSize(200).containsExactlyInAnyOrderElementsOf(
                    written.keySet().stream().map(UUID::toString).toList());
            for (int aggregate = 0; aggregate < 5; aggregate++) {
                String key = prefix + aggregate;
                List<Long> sequences = new ArrayList<>();
                ours.stream().filter(r -> key.equals(r.key())).forEach(r -> sequences.add(read(r).path("data").path("sequence").asLong()));
                assertThat(sequences).isSorted().hasSize(40);
            }
        } finally {
            threads.shutdownNow();
            secondReplica.stop(null);
        }
    }

    @Test
    void aRowTheBrokerRefusesIsParkedItsAggregateWaitsAndEveryOtherGoesOn() {
        String parkedThing = "parked-" + UUID.randomUUID();
        String otherThing = "unaffected-" + UUID.randomUUID();
        UUID tooLarge = events.changedWithPadding(parkedThing, 1, 20_000);
        UUID behindIt = events.changed(parkedThing, 2, 5);
        events.changed(otherThing, 1, 7);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + otherThing + "'") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> MessagingTestDatabase.count(
                "select count(*) from outbox_event where id = '" + tooLarge + "' and parked_at is not null") == 1);
        assertThat(MessagingTestDatabase.count("select count(*) from outbox_event where id = '" + behindIt
                + "' and published_at is null and parked_at is null")).isEqualTo(1);
        assertThat(MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + parkedThing + "'")).isZero();

        String operator = TestTokens.bearer("org-homeward-ops", null, "operator");
        given().header("Authorization", operator).get("/api/v1/ops/outbox/parked").then().statusCode(200)
                .body("items.find { it.id == '" + tooLarge + "' }.parkReason", equalTo("RecordTooLargeException"))
                .body("items.find { it.id == '" + tooLarge + "' }.aggregateId", equalTo(parkedThing));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("homeward_outbox_parked") >= 1
                && metric("homeward_outbox_parkings_total") >= 1);
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/ops/outbox/parked").then().statusCode(403);

        // Still too large when published again: parked again, and the row behind it still waits.
        given().header("Authorization", operator).post("/api/v1/ops/outbox/parked/" + tooLarge + "/republish")
                .then().statusCode(200).body("parkedAt", org.hamcrest.Matchers.nullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> MessagingTestDatabase.count(
                "select count(*) from outbox_event where id = '" + tooLarge + "' and parked_at is not null") == 1);
        assertThat(MessagingTestDatabase.count("select count(*) from outbox_event where id = '" + behindIt
                + "' and published_at is null")).isEqualTo(1);
        given().header("Authorization", operator).post("/api/v1/ops/outbox/parked/" + UUID.randomUUID() + "/republish")
                .then().statusCode(404).contentType("application/problem+json");
        // With the refused row out of the way, the row that waited behind it follows.
        MessagingTestDatabase.execute("delete from outbox_event where id = '" + tooLarge + "'");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + parkedThing + "'") == 1);
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

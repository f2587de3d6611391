package org.homeward.platform.messaging.replay;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.testapp.ThingEffects;
import org.homeward.platform.messaging.testapp.ThingEvents;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A damaged projection dropped and rebuilt from its topic through the operator endpoint, with the real
 * broker and database: the same rows come back, records that can never apply are skipped and counted, the
 * live consumer goes on from where it was (the replay has no consumer group), and a record the database
 * refuses ends the rebuild without changing anything.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
class ReadModelRebuildTest {

    private static String event(UUID id, String thing, int value) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/test\",\"type\":\"" + ThingEvents.CHANGED
                + "\",\"subject\":\"" + thing + "\",\"time\":\"2025-06-11T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"thingId\":\"" + thing + "\",\"sequence\":1,\"value\":" + value + "}}";
    }

    private static long effects(String thing) {
        return MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + thing + "'");
    }

    private static List<String> rowsOf(String thing) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = MessagingTestDatabase.asOwner(); Statement sql = db.createStatement();
             ResultSet result = sql.executeQuery("select event_id, value from thing_effect where aggregate_id = '"
                     + thing + "' order by event_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "=" + result.getInt(2));
            }
        }
        return rows;
    }

    private static String operator() {
        return TestTokens.bearer("org-homeward-ops", null, "operator");
    }

    private static io.restassured.response.ValidatableResponse rebuild() {
        return given().header("Authorization", operator())
                .post("/api/v1/ops/read-models/" + ThingEffects.CONSUMER + "/rebuild").then();
    }

    @Test
    void aDamagedProjectionIsRebuiltFromItsTopicAndARecordTheDatabaseRefusesChangesNothing() throws Exception {
        // A topic of this test's records only: other tests' records include some the database refuses.
        KafkaTestClient.shared().deleteAllRecords(ThingEvents.TOPIC);
        String thing = "rebuild-" + UUID.randomUUID();
        for (int value = 1; value <= 3; value++) {
            KafkaTestClient.shared().send(ThingEvents.TOPIC, thing, event(UUID.randomUUID(), thing, value));
        }
        KafkaTestClient.shared().send(ThingEvents.TOPIC, thing, "not a CloudEvent");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(thing) == 3);
        List<String> before = rowsOf(thing);

        // The damage: one row lost, another altered.
        MessagingTestDatabase.execute("delete from thing_effect where event_id = '" + before.get(0).split("=")[0] + "'");
        MessagingTestDatabase.execute("update thing_effect set value = 99 where aggregate_id = '" + thing + "'");
        assertThat(rowsOf(thing)).isNotEqualTo(before);

        given().header("Authorization", operator()).get("/api/v1/ops/read-models").then().statusCode(200)
                .body("consumer", hasItem(ThingEffects.CONSUMER));
        JsonPath report = rebuild().statusCode(200).body("topic", equalTo(ThingEvents.TOPIC)).extract().jsonPath();
        assertThat(rowsOf(thing)).isEqualTo(before);
        assertThat(report.getLong("recordsRead")).isEqualTo(4);
        assertThat(report.getLong("applied") + report.getLong("duplicates")).isEqualTo(3);
        assertThat(report.getLong("refused")).as("the record that is not a CloudEvent").isEqualTo(1);
        assertThat(MessagingTestDatabase.count("select count(*) from audit_log where action = 'read-model.rebuilt'"))
                .isPositive();

        // The live consumer goes on from its own offsets.
        String next = thing + "-after";
        KafkaTestClient.shared().send(ThingEvents.TOPIC, next, event(UUID.randomUUID(), next, 7));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);

        // A record the database refuses (value -1 breaks a CHECK): the live consumer dead-letters it; a rebuild
        // stops at it, says where, and leaves the projection, damage included, exactly as it was.
        String refused = thing + "-refused";
        KafkaTestClient.shared().send(ThingEvents.TOPIC, refused, event(UUID.randomUUID(), refused, -1));
        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestDatabase.count(
                "select count(*) from dead_letter where record_key = '" + refused + "'") == 1);
        MessagingTestDatabase.execute("update thing_effect set value = 42 where aggregate_id = '" + thing + "'");
        List<String> damaged = rowsOf(thing);
        rebuild().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("SQLState 23514"));
        assertThat(rowsOf(thing)).isEqualTo(damaged);
        assertThat(effects(next)).isEqualTo(1);
    }

    @Test
    void anUnknownReadModelIsNotFoundAndOnlyOperatorsMayRebuild() {
        String processed = "select count(*) from processed_event where consumer = '" + ThingEffects.CONSUMER + "'";
        long processedBefore = MessagingTestDatabase.count(processed);
        given().header("Authorization", operator()).post("/api/v1/ops/read-models/no-such-consumer/rebuild")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("org-ua-coordination", "UA", "coordinator"))
                .post("/api/v1/ops/read-models/" + ThingEffects.CONSUMER + "/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(MessagingTestDatabase.count(processed)).as("a refused rebuild clears nothing").isEqualTo(processedBefore);
    }

    @Test
    void theFailpointRouteDoesNotExistOutsideTheEndToEndProfile() {
        given().contentType("text/plain").body("relay.after-send=1").post("/e2e/failpoints").then().statusCode(404);
    }
}

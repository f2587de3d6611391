package org.homeward.platform.messaging.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.testapp.ThingEffects;
import org.homeward.platform.messaging.testapp.ThingEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The idempotent consumer against the real broker and database: duplicates, poison, constraint violations,
 * handler failures, a database outage, re-drive of dead letters, and the purge of processed ids.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
class InboxTest {

    @Inject
    InboxProcessor inbox;

    private static String event(UUID id, String thing, int value) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/test\",\"type\":\"" + ThingEvents.CHANGED
                + "\",\"subject\":\"" + thing + "\",\"time\":\"2025-06-11T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"thingId\":\"" + thing + "\",\"sequence\":1,\"value\":" + value + ",\"addedLater\":true}}";
    }

    private static void send(String thing, String value) {
        KafkaTestClient.shared().send(ThingEvents.TOPIC, thing, value);
    }

    private static long effects(String thing) {
        return MessagingTestDatabase.count("select count(*) from thing_effect where aggregate_id = '" + thing + "'");
    }

    private static long deadLetters(String thing) {
        return MessagingTestDatabase.count("select count(*) from dead_letter where record_key = '" + thing + "'");
    }

    private static String operator() {
        return TestTokens.bearer("org-homeward-ops", null, "operator");
    }

    @Test
    void aDuplicateIsAppliedOnce() {
        String thing = "duplicate-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        send(thing, event(id, thing, 1));
        send(thing, event(id, thing, 1));
        String marker = thing + "-marker";
        send(thing, event(UUID.randomUUID(), marker, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertThat(effects(thing)).isEqualTo(1);
        assertThat(MessagingTestDatabase.count("select count(*) from processed_event where event_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void poisonAndAConstraintViolationAreDeadLetteredAtOnceAndWhatFollowsStillApplies() {
        String thing = "poison-" + UUID.randomUUID();
        send(thing, "this is not JSON");
        send(thing, event(UUID.randomUUID(), thing, -1));
        send(thing, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"id\":\"" + UUID.randomUUID() + "\"}");
        send(thing, event(UUID.randomUUID(), thing, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(thing) == 1 && deadLetters(thing) == 3);
        given().header("Authorization", operator()).queryParam("size", 100).get("/api/v1/ops/dead-letters").then()
                .statusCode(200)
                .body("items.findAll { it.recordKey == '" + thing + "' }.reason",
                        org.hamcrest.Matchers.hasItems(containsString("Not a CloudEvent"),
                                containsString("SQLState 23514")));
    }

    @Test
    void aHandlerThatKeepsFailingIsDeadLetteredAfterTheBoundAndReDrivenOnceFixed() {
        String thing = "bug-" + UUID.randomUUID();
        ThingEffects.failing.add(thing);
        send(thing, event(UUID.randomUUID(), thing, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(thing) == 1);
        String id = given().header("Authorization", operator()).queryParam("size", 100).get("/api/v1/ops/dead-letters")
                .then().statusCode(200)
                .body("items.find { it.recordKey == '" + thing + "' }.reason", containsString("failed 3 times"))
                .extract().path("items.find { it.recordKey == '" + thing + "' }.id");
        assertThat(effects(thing)).isZero();
        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + id + "/redrive").then()
                .statusCode(422).contentType("application/problem+json");

        ThingEffects.failing.remove(thing);
        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + id + "/redrive").then()
                .statusCode(200).body("status", equalTo("REDRIVEN"));
        assertThat(effects(thing)).isEqualTo(1);
        given().header("Authorization", operator()).post("/api/v1/ops/dead-letters/" + id + "/redrive").then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(effects(thing)).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsAwayNothingIsDeadLetteredAndAfterwardsEverythingIsAppliedOnce() throws Exception {
        String thing = "outage-" + UUID.randomUUID();
        String poison = thing + "-poison";
        MessagingTestDatabase.cutOffApplication();
        try {
            for (int i = 0; i < 10; i++) {
                send(thing, event(UUID.randomUUID(), thing, i));
            }
            send(poison, "not an event, and the database is away when it is dead-lettered");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'event-consumers' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'event-consumers' }.data.degraded", equalTo(true)));
            Thread.sleep(2000);
        } finally {
            MessagingTestDatabase.restoreApplication();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(thing) == 10 && deadLetters(poison) == 1);
        assertThat(deadLetters(thing)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-consumers' }.data.degraded", equalTo(false)));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(effects(thing)).isEqualTo(10);
    }

    @Test
    void aFaultEveryRecordWouldMeetPausesTheConsumerInsteadOfDeadLetteringEachRecord() throws Exception {
        String thing = "revoked-" + UUID.randomUUID();
        String role = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.username", String.class);
        MessagingTestDatabase.execute("REVOKE INSERT ON thing_effect FROM " + role);
        try {
            for (int i = 0; i < 10; i++) {
                send(thing, event(UUID.randomUUID(), thing, i));
            }
            // 42501 on every record: the consumer retries and says it is degraded; nothing is dead-lettered.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'event-consumers' }.data.degraded", equalTo(true)));
            Thread.sleep(3000); // longer than the handler-failure bound takes with the test backoff
            assertThat(deadLetters(thing)).isZero();
        } finally {
            MessagingTestDatabase.execute("GRANT INSERT ON thing_effect TO " + role);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(thing) == 10);
        assertThat(deadLetters(thing)).isZero();
    }

    @Test
    void aKeyTheTableCannotHoldIsStoredEscapedAndCutAndTheRecorderGoesOn() {
        String thing = "key-" + UUID.randomUUID();
        String withNul = thing + "\0nul";
        String tooLong = thing + "-" + "x".repeat(600);
        send(withNul, "not an event, keyed with a NUL");
        send(tooLong, "not an event, keyed beyond the column");
        send(thing, "not an event, keyed plainly");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(deadLetters(thing)).isEqualTo(1);
            assertThat(MessagingTestDatabase.count("select count(*) from dead_letter where record_key = '" + thing
                    + "\\u0000nul'")).isEqualTo(1);
            assertThat(MessagingTestDatabase.count("select count(*) from dead_letter where record_key like '" + thing
                    + "-xxx%' and length(record_key) = 500 and record_key like '%…'")).isEqualTo(1);
        });
    }

    /**
     * A payload the database cannot hold (a NUL) is dead-lettered without it: such a letter cannot be re-driven,
     * and an operator who recovered the event elsewhere discards it with a reason; a letter holding its event
     * is never discarded.
     */
    @Test
    void aLetterStoredWithoutItsPayloadIsDiscardedWithAReasonAndOnlySuch() {
        String thing = "nul-payload-" + UUID.randomUUID();
        String kept = "kept-payload-" + UUID.randomUUID();
        send(thing, "not an event\0 with a NUL");
        send(kept, "not an event either");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(thing) == 1 && deadLetters(kept) == 1);
        String id = given().header("Authorization", operator()).queryParam("size", 100).get("/api/v1/ops/dead-letters")
                .then().statusCode(200).extract().path("items.find { it.recordKey == '" + thing + "' }.id");
        String keptId = given().header("Authorization", operator()).queryParam("size", 100).get("/api/v1/ops/dead-letters")
                .then().statusCode(200).extract().path("items.find { it.recordKey == '" + kept + "' }.id");
        String letters = "/api/v1/ops/dead-letters/";

        given().header("Authorization", operator()).post(letters + id + "/redrive").then().statusCode(422)
                .body("detail", containsString("without its payload"));
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", " "))
                .post(letters + id + "/discard").then().statusCode(400);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "Event re-sent by transfer-service from its outbox (ticket OPS-112)"))
                .post(letters + id + "/discard").then().statusCode(200).body("status", equalTo("DISCARDED"))
                .body("payloadStored", equalTo(false)).body("discardedBy", notNullValue());
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", "again"))
                .post(letters + id + "/discard").then().statusCode(409);
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", "no"))
                .post(letters + keptId + "/discard").then().statusCode(422).body("detail", containsString("re-drive it"));
        given().header("Authorization", operator()).queryParam("status", "PENDING").queryParam("size", 100)
                .get("/api/v1/ops/dead-letters").then().statusCode(200)
                .body("items.id", not(hasItem(id))).body("items.id", hasItem(keptId));
    }

    @Test
    void processedIdsAreForgottenAfterTheRetentionAndNotBefore() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        MessagingTestDatabase.execute("insert into processed_event (consumer, event_id, processed_at) values"
                + " ('purge-test', '" + old + "', now() - interval '9 days'), ('purge-test', '" + recent + "', now() - interval '7 days')");
        int purged = inbox.purgeProcessedBefore(Instant.now().minus(Duration.ofDays(8)));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(MessagingTestDatabase.count("select count(*) from processed_event where event_id = '" + old + "'")).isZero();
        assertThat(MessagingTestDatabase.count("select count(*) from processed_event where event_id = '" + recent + "'")).isEqualTo(1);
    }
}

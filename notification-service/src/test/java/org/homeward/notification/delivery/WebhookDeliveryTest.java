package org.homeward.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.homeward.platform.audit.AuditAnchor;
import org.homeward.platform.audit.AuditAnchors;
import org.homeward.platform.audit.AuditChain;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Webhooks from public events on the real broker to a real HTTP receiver, verified with a few lines of
 * javax.crypto that share no code with the signer.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Receiver receiver;

    @Inject
    EntityManager entityManager;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    SecretKeyRotation rotation;

    @Inject
    DeliveryWorker worker;

    @Inject
    AuditChain auditChain;

    @Inject
    AuditAnchors auditAnchors;

    @ConfigProperty(name = "homeward.webhooks.retired-encryption-keys.test1")
    String retiredKey;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static String admin(String organisation, String party) {
        return TestTokens.bearer(organisation, party, "subscriber-admin");
    }

    /** Creates a subscription and returns its id and secret. */
    private static String[] subscribe(String token, String url, String... types) {
        var response = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(types), "description", "test"))
                .post("/api/v1/subscriptions").then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("secret")};
    }

    private static String agreementEvent(UUID eventId, UUID agreementId, String type, String party) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/agreement-service", "type": "%s",
                 "subject": "%s", "time": "2025-06-02T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"agreementId": "%s", "sequence": 1, "reference": "IST-1", "title": "Istanbul",
                          "status": "ACTIVE", "signatoryName": "must never leave", "received": 1200,
                          "accessScope": {"parties": ["%s", "RU"], "organisations": ["org-icrc"]}}}
                """.formatted(eventId, type, agreementId, agreementId, party);
    }

    private static void publish(UUID eventId, String type, String party) {
        KafkaTestClient.shared().send("homeward.agreement.events", UUID.randomUUID().toString(),
                agreementEvent(eventId, UUID.randomUUID(), type, party),
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    /** Standard Webhooks verification, written independently of the signer. */
    static boolean verifies(String secret, Receiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp") + "."
                + request.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(request.headers().get("webhook-timestamp")));
        return age < 300 && Arrays.asList(request.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aVisibleEventArrivesSignedThinAndTraced() throws Exception {
        String[] sub = subscribe(admin("org-ua-cases", "UA"), receiver.url("/ok"), "agreement.*");
        String[] stranger = subscribe(admin("org-fr-cases", "FR"), receiver.url("/stranger"), "agreement.*");
        String[] wrongType = subscribe(admin("org-ua-press", "UA"), receiver.url("/transfers-only"), "transfer.*");
        UUID eventId = UUID.randomUUID();
        publish(eventId, "agreement.agreement.activated", "UA");

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/ok").isEmpty());
        Receiver.Received request = receiver.at("/ok").get(0);
        assertThat(verifies(sub[1], request)).isTrue();
        assertThat(request.headers().get("webhook-id")).isEqualTo(eventId.toString());
        assertThat(request.headers().get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("type").asText()).isEqualTo("agreement.agreement.activated");
        assertThat(body.path("data").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("data").path("received").asInt()).isEqualTo(1200);
        assertThat(body.path("data").path("links").path("agreement").asText()).startsWith("http://localhost:8081/api/v1/agreements/");
        assertThat(request.body()).doesNotContain("must never leave").doesNotContain("Istanbul");

        // A later marker: once it is delivered, the event above would have been too had it matched.
        publish(UUID.randomUUID(), "agreement.agreement.suspended", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/ok").size() >= 2);
        assertThat(receiver.at("/stranger")).isEmpty();
        assertThat(receiver.at("/transfers-only")).isEmpty();
        given().header("Authorization", admin("org-fr-cases", "FR")).get("/api/v1/subscriptions/" + sub[0])
                .then().statusCode(404);
        given().header("Authorization", admin("org-ua-cases", "UA")).get("/api/v1/subscriptions/" + sub[0])
                .then().statusCode(200).body("secret", nullValue());
        assertThat(stranger[0]).isNotEqualTo(wrongType[0]);
    }

    @Test
    void aFailingEndpointGetsEveryEventOnceItRecoversWithTheSameWebhookId() {
        receiver.script("/flaky", 500, 503, 500);
        String[] sub = subscribe(admin("org-flaky", "UA"), receiver.url("/flaky"), "agreement.agreement.*");
        UUID eventId = UUID.randomUUID();
        publish(eventId, "agreement.agreement.activated", "UA");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/flaky").size() >= 4);
        assertThat(receiver.at("/flaky")).extracting(r -> r.headers().get("webhook-id")).containsOnly(eventId.toString());
        String deliveryId = given().header("Authorization", admin("org-flaky", "UA"))
                .get("/api/v1/subscriptions/" + sub[0] + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("SUCCEEDED")).body("items[0].attempts", equalTo(4))
                .extract().path("items[0].id");
        given().header("Authorization", admin("org-flaky", "UA"))
                .get("/api/v1/subscriptions/" + sub[0] + "/deliveries/" + deliveryId + "/attempts").then()
                .statusCode(200).body("statusCode", equalTo(List.of(500, 503, 500, 200)));
    }

    @Test
    void anEventReplayedAfterItsProcessedIdWasPurgedIsNotDeliveredAgain() {
        subscribe(admin("org-replay", "UA"), receiver.url("/replay"), "agreement.agreement.*");
        UUID agreementId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String record = agreementEvent(eventId, agreementId, "agreement.agreement.activated", "UA");
        KafkaTestClient.shared().send("homeward.agreement.events", agreementId.toString(), record, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/replay").size() == 1);

        // The inbox has forgotten the event (its retention ran out); the broker hands the same record over once
        // more, then a marker on the same partition, which is consumed only after the replay was.
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "delete from processed_event where event_id = :id").setParameter("id", eventId).executeUpdate()))
                .isEqualTo(1);
        UUID marker = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreementId.toString(), record, Map.of());
        KafkaTestClient.shared().send("homeward.agreement.events", agreementId.toString(),
                agreementEvent(marker, agreementId, "agreement.agreement.suspended", "UA"), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/replay").size() >= 2);
        assertThat(receiver.at("/replay")).extracting(r -> r.headers().get("webhook-id"))
                .containsExactly(eventId.toString(), marker.toString());
        // Applied as a no-op, not refused by the unique key and dead-lettered: the inbox knows it again.
        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
        assertThat(processed).isEqualTo(1);
    }

    @Test
    void aSecretThatNoLongerDecryptsIsRecordedAsTheAttemptsFailureNotLeasedForEver() {
        receiver.script("/undecryptable", 200);
        String[] subscription = subscribe(admin("org-undecryptable", "UA"), receiver.url("/undecryptable"),
                "agreement.*");
        // The ciphertext of another value: what a changed key or a damaged row looks like to the worker.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update subscription set"
                        + " secret_encrypted = overlay(secret_encrypted placing 'AAAA' from 20 for 4) where id = ?1")
                .setParameter(1, UUID.fromString(subscription[0])).executeUpdate());
        publish(UUID.randomUUID(), "agreement.agreement.activated", "UA");

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select a.error from delivery_attempt a join delivery d on d.id ="
                                + " a.delivery_id where d.subscription_id = ?1")
                        .setParameter(1, UUID.fromString(subscription[0])).getResultList())
                .contains(DeliveryWorker.UNDECRYPTABLE_SECRET));
        assertThat(receiver.at("/undecryptable")).isEmpty();
    }

    /**
     * A rolling deploy stops the worker while an attempt is in flight: the attempt finishes and is recorded,
     * instead of being cut off and sent again when its lease runs out.
     */
    @Test
    void stoppingTheWorkerLetsTheAttemptInFlightFinishAndRecordsIt() {
        receiver.script("/in-flight", Receiver.SLOW, Receiver.SLOW, Receiver.SLOW, Receiver.SLOW);
        String[] subscription = subscribe(admin("org-in-flight", "UA"), receiver.url("/in-flight"), "agreement.*");
        UUID eventId = UUID.randomUUID();
        publish(eventId, "agreement.agreement.activated", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/in-flight").stream()
                .anyMatch(request -> eventId.toString().equals(request.headers().get("webhook-id"))));
        try {
            worker.stop(null); // as at shutdown, the answer still up to 1.5 s away
        } finally {
            worker.start(null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> delivery = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select d.status, (select count(*) from delivery_attempt a where a.delivery_id = d.id)"
                                + " from delivery d where d.subscription_id = ?1 and d.event_id = ?2")
                .setParameter(1, UUID.fromString(subscription[0])).setParameter(2, eventId).getResultList());
        assertThat(delivery).hasSize(1);
        assertThat(delivery.get(0)[0]).isEqualTo("SUCCEEDED");
        assertThat(((Number) delivery.get(0)[1]).intValue()).isEqualTo(1);
        assertThat(receiver.at("/in-flight")).filteredOn(request -> eventId.toString().equals(
                request.headers().get("webhook-id"))).hasSize(1);
    }

    @Test
    void anOrganisationHoldsAtMostTwentySubscriptions() {
        String admin = admin("org-twenty", "UA");
        for (int i = 0; i < 20; i++) {
            subscribe(admin, receiver.url("/twenty-" + i), "agreement.*");
        }
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/twenty-one"), "eventTypes", List.of("agreement.*")))
                .post("/api/v1/subscriptions").then().statusCode(422)
                .body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("detail", containsString("at most 20 subscriptions"));
        given().header("Authorization", admin).get("/api/v1/subscriptions?size=100").then().statusCode(200)
                .body("items.size()", equalTo(20));
        // Another organisation is not counted against it.
        subscribe(admin("org-twenty-other", "UA"), receiver.url("/twenty-other"), "agreement.*");
    }

    @Test
    void testEventsAreLimitedPerSubscriptionWithRetryAfter() {
        String admin = admin("org-test-limit", "UA");
        String[] subscription = subscribe(admin, receiver.url("/test-limit"), "agreement.*");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", admin).post("/api/v1/subscriptions/" + subscription[0] + "/test").then()
                    .statusCode(202);
        }
        given().header("Authorization", admin).post("/api/v1/subscriptions/" + subscription[0] + "/test").then()
                .statusCode(429).body("type", equalTo("urn:homeward:problem:too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        long tests = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from delivery where subscription_id = ?1 and event_type = 'homeward.test'")
                .setParameter(1, UUID.fromString(subscription[0])).getSingleResult()).longValue());
        assertThat(tests).isEqualTo(5);
    }

    /**
     * The audit chains' anchors (another service's from its public topic, this service's own from its chain)
     * reach the subscriptions of auditors, wherever they are, and no one else's.
     */
    @Test
    void theAuditChainsAnchorsReachTheAuditorsOnly() throws Exception {
        subscribe(TestTokens.bearer("org-oversight", null, "subscriber-admin", "auditor"),
                receiver.url("/anchors-auditor"), "audit.*");
        subscribe(admin("org-anchors-other", "UA"), receiver.url("/anchors-other"), "audit.*", "agreement.*");
        String hash = "a".repeat(64);
        KafkaTestClient.shared().send("homeward.agreement.events", "/homeward/agreement-service", """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/agreement-service",
                 "type": "audit.chain.anchored", "subject": "/homeward/agreement-service",
                 "time": "2026-12-07T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"service": "/homeward/agreement-service", "sequence": 41, "seq": 41, "auditId": 97,
                          "headHash": "%s", "anchoredAt": "2026-12-07T10:00:00Z",
                          "accessScope": {"parties": [], "organisations": []}}}
                """.formatted(UUID.randomUUID(), hash));
        auditChain.sealPending();
        AuditAnchor own = auditAnchors.anchor().orElseThrow();

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/anchors-auditor").size() >= 2);
        List<JsonNode> told = new java.util.ArrayList<>();
        for (Receiver.Received request : receiver.at("/anchors-auditor")) {
            told.add(JSON.readTree(request.body()));
        }
        assertThat(told).extracting(body -> body.path("type").asText()).containsOnly("audit.chain.anchored");
        assertThat(told).extracting(body -> body.path("data").path("headHash").asText())
                .contains(hash, own.headHash());
        assertThat(told).extracting(body -> body.path("data").path("service").asText())
                .contains("/homeward/agreement-service", "/homeward/notification-service");
        // This service's own anchor is told to webhooks with the id of its copy on this service's topic.
        try (java.sql.Connection db = dataSource.getConnection(); java.sql.PreparedStatement query = db.prepareStatement(
                "select id from outbox_event where type = 'audit.chain.anchored' and payload::text like ?")) {
            query.setString(1, "%" + own.headHash() + "%");
            try (java.sql.ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("the anchor's outbox row").isTrue();
                String outboxId = rows.getString(1);
                assertThat(receiver.at("/anchors-auditor")).filteredOn(r -> r.body().contains(own.headHash()))
                        .extracting(r -> r.headers().get("webhook-id")).containsOnly(outboxId);
            }
        }
        // A later marker reaches the other subscription: had the anchors been its, they would be there before it.
        UUID marker = UUID.randomUUID();
        publish(marker, "agreement.agreement.activated", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/anchors-other").stream()
                .anyMatch(r -> marker.toString().equals(r.headers().get("webhook-id"))));
        assertThat(receiver.at("/anchors-other")).noneMatch(r -> r.body().contains("audit.chain.anchored"));
    }

    @Test
    void aSecretSealedWithTheRetiredKeyIsSealedAgainAndStillSigns() throws Exception {
        receiver.script("/rotated-key", 200);
        String[] subscription = subscribe(admin("org-rotated-key", "UA"), receiver.url("/rotated-key"), "agreement.*");
        UUID id = UUID.fromString(subscription[0]);
        // As it rests after the service was given a new key: sealed with the key now retired as "test1".
        FieldCipher retired = new FieldCipher(FieldKeys.single("test1", retiredKey, "retired"));
        setSecret(id, retired.seal(subscription[1], "subscription.secret|" + id + "|org-rotated-key"));

        rotation.resealAll();

        assertThat(secretOf(id)).startsWith("v1:test2:");
        publish(UUID.randomUUID(), "agreement.agreement.activated", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/rotated-key").isEmpty());
        assertThat(verifies(subscription[1], receiver.at("/rotated-key").get(0))).isTrue();
    }

    @Test
    void aSecretCopiedFromAnotherSubscriptionDoesNotSign() {
        receiver.script("/copied-secret", 200);
        String[] own = subscribe(admin("org-copied-secret", "UA"), receiver.url("/copied-secret"), "agreement.*");
        String[] other = subscribe(admin("org-copied-secret", "UA"), receiver.url("/copied-secret-other"), "transfer.*");
        setSecret(UUID.fromString(own[0]), secretOf(UUID.fromString(other[0])));
        publish(UUID.randomUUID(), "agreement.agreement.activated", "UA");

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select a.error from delivery_attempt a join delivery d on d.id ="
                                + " a.delivery_id where d.subscription_id = ?1")
                        .setParameter(1, UUID.fromString(own[0])).getResultList())
                .contains(DeliveryWorker.UNDECRYPTABLE_SECRET));
        assertThat(receiver.at("/copied-secret")).isEmpty();
    }

    private void setSecret(UUID subscription, String sealed) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update subscription set secret_encrypted = ?1 where id = ?2")
                .setParameter(1, sealed).setParameter(2, subscription).executeUpdate());
    }

    private String secretOf(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select secret_encrypted from subscription where id = ?1").setParameter(1, subscription)
                .getSingleResult());
    }

    @Test
    void redirectsAreNotFollowedAndGoneDisablesTheEndpoint() {
        receiver.script("/moved", 302, 302, 302, 302, 302, 302);
        receiver.script("/gone", 410);
        String[] moved = subscribe(admin("org-moved", "UA"), receiver.url("/moved"), "agreement.*");
        String[] gone = subscribe(admin("org-gone", "UA"), receiver.url("/gone"), "agreement.*");
        publish(UUID.randomUUID(), "agreement.agreement.activated", "UA");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", admin("org-gone", "UA"))
                .get("/api/v1/subscriptions/" + gone[0]).then().body("status", equalTo("DISABLED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", admin("org-moved", "UA"))
                .queryParam("status", "FAILED").get("/api/v1/subscriptions/" + moved[0] + "/deliveries")
                .then().body("items[0].lastStatus", equalTo(302)));
        assertThat(receiver.at("/trap")).isEmpty();
        assertThat(receiver.at("/gone")).hasSize(1);

        // Disabling is announced as an operational event, valid against its schema, without URL or secret.
        var disabled = KafkaTestClient.shared().readUntil("homeward.notification.events",
                r -> r.stream().anyMatch(x -> gone[0].equals(x.key())), Duration.ofSeconds(30)).stream()
                .filter(r -> gone[0].equals(r.key())).toList();
        assertThat(disabled).singleElement().satisfies(r -> {
            JsonNode event = JSON.readTree(r.value());
            assertThat(event.path("type").asText()).isEqualTo("notification.subscription.disabled");
            assertThat(event.path("data").path("reason").asText()).contains("410");
            assertThat(r.value()).doesNotContain("/gone").doesNotContain("whsec_");
            try (var schema = getClass().getResourceAsStream("/events/notification.subscription.disabled.json")) {
                assertThat(com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                        .getSchema(schema).validate(event)).isEmpty();
            }
        });
    }

    @Test
    void aHangingEndpointNeverDelaysAHealthyOne() {
        receiver.script("/hanging", Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG,
                Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG);
        subscribe(admin("org-hanging", "UA"), receiver.url("/hanging"), "agreement.*");
        subscribe(admin("org-healthy", "UA"), receiver.url("/healthy"), "agreement.*");
        for (int i = 0; i < 5; i++) {
            publish(UUID.randomUUID(), "agreement.agreement.updated", "UA");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/healthy").size() >= 5);
        // The hanging endpoint has been tried, and never held more than one request at a time.
        assertThat(receiver.at("/hanging")).isNotEmpty();
        assertThat(receiver.maxConcurrent("/hanging")).isEqualTo(1);
    }

    @Test
    void aRetryWhileAnAttemptIsInFlightIsRefusedSoTheDeliveryNeverGoesOutTwiceAtOnce() {
        receiver.script("/in-flight", Receiver.HANG);
        String[] sub = subscribe(admin("org-in-flight", "UA"), receiver.url("/in-flight"), "agreement.agreement.retried");
        publish(UUID.randomUUID(), "agreement.agreement.retried", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/in-flight").isEmpty());

        String deliveries = "/api/v1/subscriptions/" + sub[0] + "/deliveries";
        String deliveryId = given().header("Authorization", admin("org-in-flight", "UA")).get(deliveries)
                .then().statusCode(200).extract().path("items[0].id");
        given().header("Authorization", admin("org-in-flight", "UA"))
                .post(deliveries + "/" + deliveryId + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:homeward:problem:conflict"));

        // The hanging attempt times out, the schedule's retry succeeds: two requests, one after the other.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin("org-in-flight", "UA")).get(deliveries).then()
                .body("items[0].status", equalTo("SUCCEEDED")).body("items[0].attempts", equalTo(2)));
        assertThat(receiver.at("/in-flight")).hasSize(2);
        assertThat(receiver.maxConcurrent("/in-flight")).isEqualTo(1);
    }

    @Test
    void anEndpointThatTricklesItsAnswerIsCutOffAtTheResponseDeadline() {
        receiver.script("/trickle", Receiver.TRICKLE);
        String[] sub = subscribe(admin("org-trickle", "UA"), receiver.url("/trickle"), "agreement.agreement.trickled");
        publish(UUID.randomUUID(), "agreement.agreement.trickled", "UA");

        String deliveries = "/api/v1/subscriptions/" + sub[0] + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin("org-trickle", "UA")).get(deliveries).then()
                .body("items[0].status", equalTo("SUCCEEDED")));
        // The trickling request was closed by the sender at the response timeout (2 s in tests), however
        // steadily bytes came, and before the retry went out.
        assertThat(receiver.maxConcurrent("/trickle")).as("requests open at once").isEqualTo(1);
        assertThat(receiver.endedAt("/trickle")).first().satisfies(trickled -> {
            assertThat(trickled.abandonedBySender()).isTrue();
            assertThat(trickled.open()).isLessThan(Duration.ofMillis(3500));
        });
        String deliveryId = given().header("Authorization", admin("org-trickle", "UA")).get(deliveries)
                .then().extract().path("items[0].id");
        given().header("Authorization", admin("org-trickle", "UA")).get(deliveries + "/" + deliveryId + "/attempts")
                .then().statusCode(200).body("error", equalTo(java.util.Arrays.asList("Timed out", null)))
                .body("statusCode", equalTo(java.util.Arrays.asList(null, 200)));
    }

    @Test
    void ofALongAnswerOnlyTheExcerptIsReadAndTheConnectionIsThenClosed() {
        receiver.script("/flood", Receiver.FLOOD);
        String[] sub = subscribe(admin("org-flood", "UA"), receiver.url("/flood"), "agreement.agreement.flooded");
        publish(UUID.randomUUID(), "agreement.agreement.flooded", "UA");

        String deliveries = "/api/v1/subscriptions/" + sub[0] + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin("org-flood", "UA")).get(deliveries).then()
                .body("items[0].status", equalTo("SUCCEEDED")).body("items[0].attempts", equalTo(1)));
        String deliveryId = given().header("Authorization", admin("org-flood", "UA")).get(deliveries)
                .then().extract().path("items[0].id");
        given().header("Authorization", admin("org-flood", "UA")).get(deliveries + "/" + deliveryId + "/attempts")
                .then().statusCode(200).body("[0].statusCode", equalTo(200))
                .body("[0].responseExcerpt", equalTo("x".repeat(500)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.endedAt("/flood").isEmpty());
        Receiver.Ended flood = receiver.endedAt("/flood").get(0);
        assertThat(flood.abandonedBySender()).isTrue();
        assertThat(flood.bytesWritten()).isLessThan(Receiver.FLOOD_LIMIT_BYTES / 4);
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterwardsTheNewOne() throws Exception {
        String[] sub = subscribe(admin("org-rotating", "UA"), receiver.url("/rotating"), "agreement.*");
        String rotated = given().header("Authorization", admin("org-rotating", "UA"))
                .post("/api/v1/subscriptions/" + sub[0] + "/secret-rotation").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(sub[1]);
        publish(UUID.randomUUID(), "agreement.agreement.updated", "UA");
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/rotating").isEmpty());
        Receiver.Received request = receiver.at("/rotating").get(0);
        assertThat(request.headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(sub[1], request)).isTrue();
        assertThat(verifies(rotated, request)).isTrue();
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtConnectTime() {
        String[] sub = subscribe(admin("org-ssrf", "UA"), "http://private.homeward.test/ssrf", "agreement.*");
        publish(UUID.randomUUID(), "agreement.agreement.updated", "UA");
        String deliveryId = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", admin("org-ssrf", "UA")).get("/api/v1/subscriptions/" + sub[0] + "/deliveries")
                .then().extract().path("items[0].id"), id -> id != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", admin("org-ssrf", "UA"))
                .get("/api/v1/subscriptions/" + sub[0] + "/deliveries/" + deliveryId + "/attempts").then()
                .body("[0].error", equalTo("Refused: The host resolves to an internal address")));
        assertThat(receiver.at("/ssrf")).isEmpty();

        given().header("Authorization", admin("org-ssrf", "UA")).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://receiver.homeward.test/", "eventTypes", List.of("agreement.*")))
                .post("/api/v1/subscriptions").then().statusCode(422).body("violations[0].field", equalTo("url"));
        given().header("Authorization", admin("org-ssrf", "UA")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://2130706433/", "eventTypes", List.of("agreement.*")))
                .post("/api/v1/subscriptions").then().statusCode(422);
        given().header("Authorization", TestTokens.bearer("org-ssrf", "UA", "coordinator")).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("agreement.*")))
                .post("/api/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void anInternalAddressWrittenAsALiteralIsRefusedAtCreationAndUpdateNamingTheRule() {
        String token = admin("org-literal", "UA");
        // As a new user would write them. (http://[::ffff:7f00:1]/ is 127.0.0.1, which these tests allow-list;
        // SsrfGuardTest refuses it with the production setting.)
        for (String url : List.of("http://10.0.0.1/", "http://169.254.169.254/", "http://[fd00::1]/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/")) {
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("agreement.*")))
                    .post("/api/v1/subscriptions").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:homeward:problem:rule-violation"))
                    .body("violations[0].field", equalTo("url"))
                    .body("violations[0].message", containsString("internal"));
        }

        String[] sub = subscribe(token, receiver.url("/literal"), "agreement.*");
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://[fd00::1]/hooks", "eventTypes", List.of("agreement.*")))
                .put("/api/v1/subscriptions/" + sub[0]).then().statusCode(422)
                .body("violations[0].message", containsString("internal"));
        given().header("Authorization", token).get("/api/v1/subscriptions/" + sub[0]).then().statusCode(200)
                .body("url", equalTo(receiver.url("/literal")));
    }

    @Test
    void onlyPorts80And443AreAllowedUnlessTheAddressIsAllowListed() {
        String token = admin("org-ports", "UA");
        for (String url : List.of("http://hooks.example.org:25/", "https://hooks.example.org:8443/",
                "http://93.184.216.34:6379/")) {
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("agreement.*")))
                    .post("/api/v1/subscriptions").then().statusCode(422)
                    .body("type", equalTo("urn:homeward:problem:rule-violation"))
                    .body("violations[0].message", containsString("80 and 443"));
        }
        subscribe(token, "https://hooks.example.org/", "never.published.*");
        subscribe(token, "http://hooks.example.org:80/", "never.published.*");
        // These tests allow-list 127.0.0.1, so their receiver may listen on any port.
        subscribe(token, receiver.url("/ports"), "never.published.*");
    }
}

package org.homeward.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.homeward.notification.Delivery;
import org.homeward.notification.DeliveryAttempt;
import org.homeward.notification.DeliveryStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A delivery goes out once at a time and only the holder of its lease records what came of it. The test
 * drives claims and outcomes itself (no dispatcher runs), so each step happens exactly when it says.
 */
@QuarkusTest
@TestProfile(DormantDispatcher.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class DeliveryLeaseTest {

    private static Receiver receiver;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRetryIsRefusedWhileAnAttemptHoldsTheLeaseAndAcceptedOnceItEnded() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        String token = TestTokens.bearer("org-lease-retry", "UA", "subscriber-admin");
        String subscription = subscribe(token, "/lease-retry");
        String delivery = given().header("Authorization", token).post("/api/v1/subscriptions/" + subscription + "/test")
                .then().statusCode(202).extract().path("id");
        Claim claim = claimOf(UUID.fromString(delivery));

        // In flight: a retry would send it a second time at once.
        String retry = "/api/v1/subscriptions/" + subscription + "/deliveries/" + delivery + "/retry";
        given().header("Authorization", token).post(retry).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:homeward:problem:conflict"));

        assertThat(recorder.record(claim, DeliveryRecorder.Outcome.answered(500, "down", null), Instant.now())).isTrue();
        given().header("Authorization", token).post(retry).then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void theOutcomeOfAnAttemptWhoseLeaseWasTakenOverIsDropped() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        String token = TestTokens.bearer("org-lease-late", "UA", "subscriber-admin");
        String subscription = subscribe(token, "/lease-late");
        UUID delivery = queueTestDelivery(token, subscription);
        Claim stalled = claimOf(delivery);
        // The first worker stalls past its lease (a long GC pause, a frozen VM); another takes the delivery over.
        expireLease(delivery);
        Claim takenOver = claimOf(delivery);
        assertThat(takenOver.leaseToken()).isNotEqualTo(stalled.leaseToken());

        assertThat(recorder.record(takenOver, DeliveryRecorder.Outcome.answered(200, "ok", null), Instant.now())).isTrue();
        // The stalled worker's late failure must not overwrite the success, nor count as an attempt.
        assertThat(recorder.record(stalled, DeliveryRecorder.Outcome.error("Timed out"), Instant.now())).isFalse();

        Delivery stored = QuarkusTransaction.requiringNew().call(() -> entityManager.find(Delivery.class, delivery));
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(stored.lastStatus()).isEqualTo(200);
        assertThat(stored.attempts()).isEqualTo(1);
        List<DeliveryAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select a from DeliveryAttempt a where a.deliveryId = :id", DeliveryAttempt.class)
                .setParameter("id", delivery).getResultList());
        assertThat(attempts).extracting(a -> a.statusCode).containsExactly(200);
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverDoesNotSend() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        String token = TestTokens.bearer("org-lease-send", "UA", "subscriber-admin");
        String subscription = subscribe(token, "/lease-send");
        UUID delivery = queueTestDelivery(token, subscription);
        Claim stalled = claimOf(delivery);
        expireLease(delivery);
        Claim takenOver = claimOf(delivery);

        worker.deliver(stalled);
        assertThat(receiver.at("/lease-send")).isEmpty();
        worker.deliver(takenOver);
        assertThat(receiver.at("/lease-send")).hasSize(1);
    }

    @Test
    void recoveryQueuesAFailedDeliveryAgainForANewClaim() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        String token = TestTokens.bearer("org-lease-recovery", "UA", "subscriber-admin");
        String subscription = subscribe(token, "/lease-recovery");
        UUID delivery = queueTestDelivery(token, subscription);
        Claim first = claimOf(delivery);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update delivery set status = 'FAILED', locked_until = null where id = :id")
                .setParameter("id", delivery).executeUpdate());

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("since", "2020-01-01T00:00:00Z"))
                .post("/api/v1/subscriptions/" + subscription + "/recovery").then().statusCode(200)
                .body("requeued", equalTo(1));
        // The old claim's token is gone with its lease: only the new claim may record.
        assertThat(recorder.record(first, DeliveryRecorder.Outcome.answered(200, "late", null), Instant.now())).isFalse();
        Claim second = claimOf(delivery);
        assertThat(recorder.record(second, DeliveryRecorder.Outcome.answered(200, "ok", null), Instant.now())).isTrue();
    }

    private static String subscribe(String token, String path) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                // No rate limit to speak of: the takeover claims the delivery again a moment later.
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of("homeward.*"), "rateLimitPerSecond", 1000))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static UUID queueTestDelivery(String token, String subscription) {
        return UUID.fromString(given().header("Authorization", token)
                .post("/api/v1/subscriptions/" + subscription + "/test").then().statusCode(202).extract().path("id"));
    }

    /** As if the worker holding the lease had stalled past it (a long GC pause, a frozen VM). */
    private void expireLease(UUID delivery) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update delivery set locked_until = now() - interval '1 second' where id = :id")
                .setParameter("id", delivery).executeUpdate());
    }

    private Claim claimOf(UUID delivery) {
        return worker.claim(100).stream().filter(c -> c.deliveryId().equals(delivery)).findFirst()
                .orElseThrow(() -> new AssertionError("The delivery was not claimed"));
    }
}

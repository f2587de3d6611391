package org.homeward.transfer.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.messaging.inbox.InboxProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Agreement events from the real broker into the read model: exactly once, latest wins, scoped reads. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class AgreementReadModelTest {

    @Inject
    AgreementReadModel readModel;

    private static final String TOPIC = "homeward.agreement.events";

    @Inject
    EntityManager entityManager;

    private static String uaCoordinator() {
        return TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    private void awaitSequence(UUID agreementId, long sequence) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", uaCoordinator()).get("/api/v1/agreement-views/" + agreementId)
                        .then().statusCode(200).body("sequence", equalTo((int) sequence)));
    }

    @Test
    void anAgreementEventBecomesVisibleToItsPartiesOnly() {
        UUID agreement = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, agreement.toString(),
                AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "Istanbul exchange"));
        awaitSequence(agreement, 1);

        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary"))
                .get("/api/v1/agreement-views").then().statusCode(200)
                .body("items.agreementId", hasItem(agreement.toString()));
        given().header("Authorization", TestTokens.bearer("org-fr", "FR", "coordinator"))
                .get("/api/v1/agreement-views/" + agreement)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDuplicateIsAppliedOnceAndAnOlderStateNeverOverwritesANewerOne() {
        UUID agreement = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        KafkaTestClient kafka = KafkaTestClient.shared();
        String newer = AgreementEventsFixture.created(second, agreement, 2, "Corrected title");
        kafka.send(TOPIC, agreement.toString(), newer);
        kafka.send(TOPIC, agreement.toString(), newer);
        kafka.send(TOPIC, agreement.toString(),
                AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "Original title"));
        // A later marker on the same partition: once it is applied, everything before it was too.
        UUID marker = UUID.randomUUID();
        kafka.send(TOPIC, agreement.toString(), AgreementEventsFixture.created(marker, UUID.randomUUID(), 1, "Marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker) == 1);

        assertThat(processed(second)).isEqualTo(1);
        given().header("Authorization", uaCoordinator()).get("/api/v1/agreement-views/" + agreement)
                .then().statusCode(200).body("sequence", equalTo(2)).body("title", equalTo("Corrected title"));
    }

    @Test
    void twoEventsOfOneAgreementAppliedAtOnceNeverLeaveTheOlderState() throws Exception {
        UUID agreement = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> readModel.handle(
                InboxProcessor.parse(AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "First"))));
        CountDownLatch olderApplied = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The older state is applied first and its transaction stays open; the newer one is applied
            // meanwhile in its own transaction; the older commits last. A check-then-write would let it win.
            Future<?> older = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                readModel.handle(InboxProcessor.parse(AgreementEventsFixture.created(UUID.randomUUID(), agreement, 2, "Second")));
                olderApplied.countDown();
                awaitQuietly(mayCommit);
            }));
            olderApplied.await();
            Future<?> newer = threads.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    readModel.handle(InboxProcessor.parse(AgreementEventsFixture.created(UUID.randomUUID(), agreement, 3, "Third")))));
            Thread.sleep(500);
            mayCommit.countDown();
            older.get();
            newer.get();
        } finally {
            threads.shutdownNow();
        }
        given().header("Authorization", uaCoordinator()).get("/api/v1/agreement-views/" + agreement).then()
                .statusCode(200).body("sequence", equalTo(3)).body("title", equalTo("Third"));
    }

    @Test
    void theAgreementStateCarriedByTermAndBalanceEventsIsApplied() {
        UUID agreement = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, agreement.toString(), AgreementEventsFixture.created(UUID.randomUUID(), agreement, 1, "Before"));
        awaitSequence(agreement, 1);
        String state = AgreementEventsFixture.created(UUID.randomUUID(), agreement, 2, "As of the term event");
        String data = state.substring(state.indexOf("\"data\":") + 7, state.lastIndexOf('}'));
        String termEvent = "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"/homeward/agreement-service\","
                + " \"type\": \"agreement.term.fulfilled\", \"subject\": \"" + agreement + "\", \"time\": \"2025-06-15T10:00:00Z\","
                + " \"datacontenttype\": \"application/json\", \"data\": {\"agreementId\": \"" + agreement + "\", \"sequence\": 2,"
                + " \"termId\": \"" + UUID.randomUUID() + "\", \"committed\": 6000, \"received\": 6000,"
                + " \"accessScope\": {\"parties\": [\"UA\", \"RU\"], \"organisations\": []}, \"agreement\": " + data + "}}";
        KafkaTestClient.shared().send(TOPIC, agreement.toString(), termEvent);
        awaitSequence(agreement, 2);
        given().header("Authorization", uaCoordinator()).get("/api/v1/agreement-views/" + agreement).then()
                .statusCode(200).body("title", equalTo("As of the term event"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        UUID agreement = UUID.randomUUID();
        KafkaTestClient.shared().send(TOPIC, agreement.toString(), AgreementEventsFixture.created(
                UUID.randomUUID(), agreement, 1, "Tolerant", "\"addedInALaterVersion\": \"2025-06-10\"")
                .replace("\"specversion\"", "\"traceparentext\": \"x\", \"specversion\""));
        awaitSequence(agreement, 1);
    }
}

package org.homeward.agreement.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.agreement.api.AgreementApiTest;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The relay's broker is absent when an agreement is created: the write still succeeds, health reports the
 * relay degraded, and once a broker is there the event is published.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.RelayBrokerOnAnEmptyPort.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class BrokerOutageTest {

    static final int RELAY_BROKER_PORT = EmbeddedKafkaServer.freeTcpPort();

    public static class RelayBrokerOnAnEmptyPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeward.outbox.bootstrap-servers", "localhost:" + RELAY_BROKER_PORT,
                    "homeward.outbox.send-timeout", "PT2S",
                    "homeward.outbox.max-backoff", "PT1S",
                    "homeward.outbox.measure-every", "0.5s");
        }
    }

    @Test
    void anEventCommittedWhileTheBrokerIsUnreachableIsPublishedWhenItIsBack() {
        String id = given().header("Authorization", AgreementApiTest.uaCoordinator())
                .contentType(ContentType.JSON).body(AgreementApiTest.istanbul("IST-OUTAGE"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().body("checks.find { it.name == 'outbox-relay' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox-relay' }.data.backlog", equalTo(1)));

        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.startEphemeral(RELAY_BROKER_PORT)) {
            List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker.bootstrapServers())
                    .readUntil("homeward.agreement.events", r -> r.stream().anyMatch(x -> id.equals(x.key())),
                            Duration.ofSeconds(60));
            assertThat(records).filteredOn(r -> id.equals(r.key())).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP")));
        }
    }
}

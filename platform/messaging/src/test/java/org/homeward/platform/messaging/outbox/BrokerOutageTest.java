package org.homeward.platform.messaging.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.SecondApplicationProfile;
import org.homeward.platform.messaging.testapp.ThingEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The relay's broker is absent when a change is committed: the write succeeds, readiness stays UP with the
 * relay reported degraded (the API still serves), and once a broker is there the event is published once.
 * The relay's broker port is empty in {@link SecondApplicationProfile}.
 */
@QuarkusTest
@TestProfile(SecondApplicationProfile.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
class BrokerOutageTest {

    @Inject
    ThingEvents events;

    @Test
    void anEventCommittedWhileTheBrokerIsUnreachableIsPublishedWhenItIsBack() {
        String thing = "outage-" + UUID.randomUUID();
        events.changed(thing, 1, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.degraded", equalTo(true))
                .body("checks.find { it.name == 'outbox-relay' }.data.backlog", equalTo(1)));

        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.startEphemeral(SecondApplicationProfile.RELAY_BROKER_PORT)) {
            List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker.bootstrapServers())
                    .readUntil(ThingEvents.TOPIC, r -> r.stream().anyMatch(x -> thing.equals(x.key())),
                            Duration.ofSeconds(60));
            assertThat(records).filteredOn(r -> thing.equals(r.key())).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'outbox-relay' }.data.degraded", equalTo(false)));
        }
        assertThat(MessagingTestDatabase.count("select count(*) from outbox_event where published_at is null")).isZero();
    }
}

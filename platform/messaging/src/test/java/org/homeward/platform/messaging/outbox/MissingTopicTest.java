package org.homeward.platform.messaging.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.SecondApplicationProfile;
import org.homeward.platform.messaging.testapp.ThingEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A topic configured but not created on a broker that creates none by itself: its rows (more than a batch)
 * wait, every other topic is published meanwhile, after the grace its first row is parked for an operator
 * (the rest wait behind it), and once the topic exists they are published again on request.
 */
@QuarkusTest
@TestProfile(SecondApplicationProfile.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
public class MissingTopicTest {

    public static final String ABSENT_TOPIC = "homeward.platform-test.absent";
    private static final int ABSENT_ROWS = 250;
    private static final String OPERATOR = TestTokens.bearer("org-homeward-ops", null, "operator");

    @Inject
    ThingEvents events;

    @Inject
    Outbox outbox;

    @Test
    void aMissingTopicHoldsBackOnlyItsOwnRowsAndParksThem() throws Exception {
        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.startEphemeralWithoutTopicCreation(
                SecondApplicationProfile.RELAY_BROKER_PORT);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ThingEvents.TOPIC, 3, (short) 1))).all().get();
            String absent = "absent-" + UUID.randomUUID();
            // More rows for the missing topic than a batch holds, all ahead of the other topic's row.
            UUID absentRow = QuarkusTransaction.requiringNew().call(() -> {
                UUID first = null;
                for (int sequence = 1; sequence <= ABSENT_ROWS; sequence++) {
                    UUID id = outbox.append("absent-thing", absent, "platform-test.absent.changed",
                            new ThingEvents.ThingChanged(absent, sequence, sequence, false, null));
                    first = first == null ? id : first;
                }
                return first;
            });
            String thing = "after-absent-" + UUID.randomUUID();
            events.changed(thing, 1, 1);

            KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers());
            assertThat(client.readUntil(ThingEvents.TOPIC, r -> r.stream().anyMatch(x -> thing.equals(x.key())),
                    Duration.ofSeconds(60))).filteredOn(r -> thing.equals(r.key())).hasSize(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> "TopicMissing".equals(parkReason(absentRow)));
            assertThat(admin.listTopics().names().get()).doesNotContain(ABSENT_TOPIC);

            admin.createTopics(List.of(new NewTopic(ABSENT_TOPIC, 1, (short) 1))).all().get();
            given().header("Authorization", OPERATOR).post("/api/v1/ops/outbox/parked/" + absentRow + "/republish")
                    .then().statusCode(200);
            // The first row published again, the rows behind it follow, in order.
            assertThat(client.readUntil(ABSENT_TOPIC, r -> r.stream().filter(x -> absent.equals(x.key())).count()
                    >= ABSENT_ROWS, Duration.ofSeconds(60))).filteredOn(r -> absent.equals(r.key())).hasSize(ABSENT_ROWS);
            await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestDatabase.count(
                    "select count(*) from outbox_event where published_at is null") == 0);
        }
    }

    private static String parkReason(UUID row) {
        return MessagingTestDatabase.count("select count(*) from outbox_event where id = '" + row
                + "' and park_reason = 'TopicMissing'") == 1 ? "TopicMissing" : null;
    }
}

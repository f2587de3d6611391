package org.homeward.agreement.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.agreement.api.AgreementApiTest;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.platform.messaging.outbox.Outbox;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class EventPublicationTest {

    private static final String TOPIC = "homeward.agreement.events";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    private KafkaTestClient kafka() {
        return KafkaTestClient.shared();
    }

    private static boolean containsEvent(List<ConsumerRecord<String, String>> records, String fragment) {
        return records.stream().anyMatch(r -> r.value().contains(fragment));
    }

    @Test
    void aCreatedAgreementIsPublishedOnceKeyedByItsIdValidAgainstItsSchemaWithTheRequestsTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().header("Authorization", AgreementApiTest.uaCoordinator())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(AgreementApiTest.istanbul("IST-EVENT"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = kafka().readUntil(TOPIC, r -> containsEvent(r, id), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, String> record = mine.get(0);

        JsonNode event = json.readTree(record.value());
        assertThat(event.path("type").asText()).isEqualTo(AgreementEvents.CREATED);
        assertThat(event.path("subject").asText()).isEqualTo(id);
        assertThat(event.path("data").path("sequence").asLong()).isEqualTo(1);
        assertThat(event.path("data").path("accessScope").path("organisations").toString())
                .contains("org-icrc", "org-tr-mfa");
        assertThat(validate("agreement.agreement.created", event)).isEmpty();

        String traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).startsWith("00-" + traceId + "-");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        String committed = "committed-" + UUID.randomUUID();
        QuarkusTransaction.begin();
        outbox.append("agreement", rolledBack, "agreement.test.probe", Map.of("marker", rolledBack));
        QuarkusTransaction.rollback();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append("agreement", committed, "agreement.test.probe", Map.of("marker", committed)));

        // The relay publishes in commit order, so once the later event is on the topic, the rolled-back
        // one would have been too had it been written.
        List<ConsumerRecord<String, String>> records =
                kafka().readUntil(TOPIC, r -> containsEvent(r, committed), Duration.ofSeconds(30));
        assertThat(containsEvent(records, committed)).isTrue();
        assertThat(containsEvent(records, rolledBack)).isFalse();
    }

    static Set<ValidationMessage> validate(String eventType, JsonNode event) throws Exception {
        try (InputStream schema = EventPublicationTest.class.getResourceAsStream("/events/" + eventType + ".json")) {
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return validator.validate(event);
        }
    }
}

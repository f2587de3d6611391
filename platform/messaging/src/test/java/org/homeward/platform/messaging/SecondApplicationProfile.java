package org.homeward.platform.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.platform.messaging.outbox.MissingTopicTest;

import java.util.Map;

/**
 * The one other application the messaging tests start besides the default one (each start costs seconds
 * on two cores, so tests that cannot share the default application share this one): the end-to-end
 * profile, whose crash points are armed over HTTP, and a relay whose broker is on an empty port until a
 * test starts one there. Neither disturbs the other: nothing is armed on the relay's path unless a test
 * says so, and only the relay's producer talks to that port.
 */
public class SecondApplicationProfile implements QuarkusTestProfile {

    public static final int RELAY_BROKER_PORT = EmbeddedKafkaServer.freeTcpPort();

    @Override
    public String getConfigProfile() {
        return "test,e2e";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("homeward.outbox.bootstrap-servers", "localhost:" + RELAY_BROKER_PORT,
                "homeward.outbox.send-timeout", "PT2S",
                "homeward.outbox.max-backoff", "PT1S",
                // A topic configured but never created on the relay's broker (MissingTopicTest).
                "homeward.outbox.topics.\"absent-thing\"", MissingTopicTest.ABSENT_TOPIC,
                "homeward.outbox.missing-topic-grace", "PT3S");
    }
}

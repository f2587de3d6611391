package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkers themselves find what they are meant to find (so the manifest tests can fail). */
class StrictModelSelfTest {

    @Test
    void anUnknownFieldDeepInADeploymentIsFound() throws Exception {
        JsonNode deployment = Manifests.parseAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          securityContext:
                            readOnlyRootFileSystem: true
                """).get(0);
        assertThat(StrictModel.unknownFields(StrictModel.parse(deployment)))
                .singleElement().asString().contains("readOnlyRootFileSystem");
    }

    @Test
    void anUnknownFieldInAKafkaUserIsFound() throws Exception {
        JsonNode user = Manifests.parseAll("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: x}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t, patternType: literal, extra: 1}
                        operations: [Read]
                """).get(0);
        assertThat(StrictModel.unknownFields(StrictModel.parse(user))).singleElement().asString().contains("extra");
    }

    @Test
    void anUnknownFieldInACloudNativePgClusterFails() throws Exception {
        JsonNode cluster = Manifests.parseAll("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 1, instance: 3}
                """).get(0);
        assertThatThrownBy(() -> StrictModel.parse(cluster)).hasMessageContaining("instance");
    }

    @Test
    void anUnknownKindFails() throws Exception {
        JsonNode secret = Manifests.parseAll("apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n").get(0);
        assertThatThrownBy(() -> StrictModel.typeOf(secret)).hasMessageContaining("v1 Secret");
    }

    @Test
    void aServiceConfigurationYieldsExactlyItsAcls() {
        Properties p = new Properties();
        p.setProperty("mp.messaging.incoming.in.topic", "a");
        p.setProperty("mp.messaging.incoming.in.group.id", "g");
        p.setProperty("mp.messaging.incoming.in.dead-letter-queue.topic", "dlq");
        p.setProperty("homeward.outbox.topics.\"x\"", "out");
        p.setProperty("%dev.homeward.outbox.topics.\"y\"", "ignored");
        assertThat(ServiceConfiguration.parse("s", p).expectedAcls()).containsExactlyInAnyOrder(
                "topic:a:Read", "topic:a:Describe", "group:g:Read",
                "topic:dlq:Write", "topic:dlq:Describe", "topic:out:Write", "topic:out:Describe");
    }
}

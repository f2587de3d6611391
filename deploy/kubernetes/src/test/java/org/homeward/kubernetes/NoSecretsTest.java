package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret value is committed: Secrets are created by the operators (CloudNativePG, Strimzi) or by hand. */
class NoSecretsTest {

    static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----");
    /** A long run of base64 or hex with no spaces: what keys and generated passwords look like. */
    static final Pattern KEY_LIKE = Pattern.compile("(?<![A-Za-z0-9+/=_.:-])[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/=])");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|private|credential|_key|key$).*");
    static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)(password|passwd|secret|token)[ \\t]*[=:][ \\t]*[\"']?[^\\s\"'$<{]{6,}");

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static List<String> findings(String where, String text) {
        List<String> found = new ArrayList<>();
        if (PEM.matcher(text).find()) {
            found.add(where + ": PEM block");
        }
        var m = KEY_LIKE.matcher(text);
        while (m.find()) {
            String v = m.group();
            // keys and generated passwords mix digits, upper and lower case; paths and words do not
            if (v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isUpperCase)
                    && v.chars().anyMatch(Character::isLowerCase)) {
                found.add(where + ": key-like value " + v.substring(0, 6) + "...");
            }
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretObjectAndNoLiteralSecretInEnvironment(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        assertThat(Manifests.ofKind(objects, "Secret")).as("Secret objects (with data or stringData)").isEmpty();
        List<String> found = new ArrayList<>();
        for (JsonNode o : objects) {
            o.findParents("env").forEach(parent -> parent.path("env").forEach(e -> {
                if (SECRET_NAME.matcher(e.path("name").asText()).matches() && e.has("value")) {
                    found.add(Manifests.id(o) + " env " + e.path("name").asText() + " has a literal value");
                }
            }));
            if (o.path("kind").asText().equals("ConfigMap")) {
                o.path("data").fields().forEachRemaining((Map.Entry<String, JsonNode> e) -> {
                    if (SECRET_NAME.matcher(e.getKey()).matches() && !e.getKey().startsWith("MP_JWT_VERIFY_PUBLICKEY")) {
                        found.add(Manifests.id(o) + " ConfigMap key " + e.getKey() + " looks secret");
                    }
                    if (!e.getKey().endsWith(".json")) {
                        found.addAll(findings(Manifests.id(o) + " " + e.getKey(), e.getValue().asText()));
                    }
                });
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noFileUnderDeployKubernetesHoldsASecretValue() throws IOException {
        Path dir = Manifests.kubernetesDir();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(dir.resolve("target")) && !f.startsWith(dir.resolve("src")))
                    .toList()) {
                String text = Files.readString(file);
                String where = dir.relativize(file).toString();
                found.addAll(findings(where, text));
                if (!file.toString().endsWith(".yaml")) {
                    continue; // prose (README) is checked for key-like values only
                }
                var m = SECRET_ASSIGNMENT.matcher(text);
                while (m.find()) {
                    found.add(where + ": " + m.group(1) + " assigned a value");
                }
                for (JsonNode o : Manifests.parseAll(text)) {
                    if (o.path("kind").asText().equals("Secret")) {
                        found.add(where + ": a Secret object");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theDetectorsFindWhatTheyAreMeantToFind() {
        assertThat(findings("x", "key: dGVzdC1vbmx5LWtleS1kby1ub3QtdXNlLTMyYnl0ZXM=")).hasSize(1);
        assertThat(findings("x", "-----BEGIN PRIVATE KEY-----")).hasSize(1);
        assertThat(findings("x", "see deploy/kubernetes/overlays/production/kustomization")).isEmpty();
        assertThat(SECRET_ASSIGNMENT.matcher("password: hunter2hunter").find()).isTrue();
        assertThat(SECRET_ASSIGNMENT.matcher("key: password").find()).isFalse();
    }
}

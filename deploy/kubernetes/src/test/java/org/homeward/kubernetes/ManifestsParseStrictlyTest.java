package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestsParseStrictlyTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesAsItsTypeWithNoUnknownFieldAtAnyDepth(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        assertThat(objects).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            Object parsed = StrictModel.parse(object);
            StrictModel.unknownFields(parsed).forEach(p -> problems.add(Manifests.id(object) + " " + p));
        }
        assertThat(problems).as("unknown fields in overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectHasANameAndTheOverlayNamespace(String overlay) {
        String namespace = overlay.equals("dev") ? "homeward-dev" : "homeward";
        for (JsonNode object : Manifests.render(overlay)) {
            assertThat(object.path("metadata").path("name").asText()).as(Manifests.id(object)).isNotEmpty();
            if (object.path("kind").asText().equals("Namespace")) {
                assertThat(object.path("metadata").path("name").asText()).isEqualTo(namespace);
            } else {
                assertThat(object.path("metadata").path("namespace").asText()).as(Manifests.id(object)).isEqualTo(namespace);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAreNamedByPlaceholdersWithoutARegistryHost(String overlay) {
        Set<String> images = new TreeSet<>();
        for (JsonNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            deployment.path("spec").path("template").path("spec").path("containers")
                    .forEach(c -> images.add(c.path("image").asText()));
        }
        Manifests.ofKind(Manifests.render(overlay), "Cluster")
                .forEach(c -> images.add(c.path("spec").path("imageName").asText()));
        assertThat(images).hasSize(6).allMatch(i -> i.startsWith("homeward/"), "placeholder image");
        assertThat(images.stream().filter(i -> i.startsWith("homeward/postgresql:")).collect(Collectors.toSet()))
                .singleElement().asString().matches("homeward/postgresql:17(\\.\\d+)?");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void oneDatabaseClusterPerServiceSizedByOverlay(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        int instances = overlay.equals("dev") ? 1 : 3;
        int brokers = overlay.equals("dev") ? 1 : 3;
        List<OperatorModels.CnpgCluster> clusters = Manifests.ofKind(objects, "Cluster").stream()
                .map(o -> StrictModel.parse(o, OperatorModels.CnpgCluster.class)).toList();
        assertThat(clusters).hasSize(ServiceConfiguration.SERVICES.size());
        clusters.forEach(c -> assertThat(c.spec().instances()).as(c.metadata().name()).isEqualTo(instances));
        assertThat(Manifests.named(objects, "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt())
                .isEqualTo(brokers);
        List<JsonNode> scheduled = Manifests.ofKind(objects, "ScheduledBackup");
        if (overlay.equals("production")) {
            clusters.forEach(c -> assertThat(c.spec().backup()).as(c.metadata().name()).isNotNull());
            assertThat(scheduled.stream().map(s -> s.path("spec").path("cluster").path("name").asText()))
                    .containsExactlyInAnyOrderElementsOf(clusters.stream().map(c -> c.metadata().name()).toList());
            assertThat(Manifests.ofKind(objects, "HorizontalPodAutoscaler")).hasSize(ServiceConfiguration.SERVICES.size());
        } else {
            clusters.forEach(c -> assertThat(c.spec().backup()).isNull());
            assertThat(scheduled).isEmpty();
            assertThat(Manifests.ofKind(objects, "HorizontalPodAutoscaler")).isEmpty();
        }
    }
}

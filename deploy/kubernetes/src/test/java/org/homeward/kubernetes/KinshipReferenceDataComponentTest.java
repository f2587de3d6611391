package org.homeward.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional component that brings the operator's lineage databases to identification-service, rendered on
 * top of the production overlay as an operator would add it: a hardened init container copies them into an
 * emptyDir, the service reads them there (read-only) through the two settings, and nothing else changes.
 */
class KinshipReferenceDataComponentTest {

    private static final String MOUNT = "/etc/homeward/kinship";

    @Test
    void theComponentMountsTheDatabasesReadOnlyAndPointsTheSettingsAtThem() throws IOException {
        Path dir = Manifests.kubernetesDir().resolve("target/kinship-reference-data-overlay");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../overlays/production
                components:
                  - ../../components/kinship-reference-data
                """);
        List<com.fasterxml.jackson.databind.JsonNode> rendered = Manifests.renderDirectory(dir);
        List<Deployment> deployments = Manifests.ofKind(rendered, "Deployment").stream()
                .map(o -> StrictModel.parse(o, Deployment.class)).toList();
        Deployment identification = deployments.stream()
                .filter(d -> d.getMetadata().getName().equals("identification-service")).findFirst().orElseThrow();
        PodSpec pod = identification.getSpec().getTemplate().getSpec();

        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals("kinship-reference-data"))
                .findFirst().orElseThrow();
        assertThat(volume.getEmptyDir().getSizeLimit()).isNotNull();
        Container copy = pod.getInitContainers().stream().filter(c -> c.getName().equals("kinship-reference-data"))
                .findFirst().orElseThrow();
        assertThat(copy.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(copy.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(copy.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(copy.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(copy.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(copy.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly(MOUNT);
        assertThat(String.join(" ", copy.getCommand())).contains(MOUNT);
        Long user = copy.getSecurityContext().getRunAsUser() != null ? copy.getSecurityContext().getRunAsUser()
                : pod.getSecurityContext().getRunAsUser();
        assertThat(user).as("the copy runs as a non-root user").isNotNull().isNotZero();
        // Without the overlay's image, nothing pulls: no default tag, no "latest".
        assertThat(copy.getImage()).isEqualTo("homeward/kinship-reference-data:set-the-image-by-digest-in-your-overlay");

        Container service = pod.getContainers().stream().filter(c -> c.getName().equals("identification-service"))
                .findFirst().orElseThrow();
        VolumeMount mount = service.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(MOUNT))
                .findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        Map<String, String> env = service.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsEntry("HOMEWARD_KINSHIP_Y_STR_HAPLOTYPE_DATABASE", MOUNT + "/y-str-haplotypes.csv")
                .containsEntry("HOMEWARD_KINSHIP_MT_DNA_SEQUENCE_DATABASE", MOUNT + "/mtdna-sequences.csv");
        // Every file the settings name is one the init container copies.
        assertThat(String.join(" ", copy.getCommand())).contains("y-str-haplotypes.csv").contains("mtdna-sequences.csv");
        // The migration container gets no database it would load: the settings are the service container's only,
        // not in the ConfigMap every container of the pod reads.
        for (Container init : pod.getInitContainers()) {
            if (!init.getName().equals("kinship-reference-data")) {
                assertThat(init.getEnv()).extracting(EnvVar::getName)
                        .doesNotContain("HOMEWARD_KINSHIP_Y_STR_HAPLOTYPE_DATABASE");
            }
        }
        Map<String, String> config = StrictModel.parse(Manifests.named(rendered, "ConfigMap",
                "identification-service-config"), io.fabric8.kubernetes.api.model.ConfigMap.class).getData();
        assertThat(config.keySet()).noneMatch(key -> key.startsWith("HOMEWARD_KINSHIP_") && key.endsWith("_DATABASE"));
        // Without the component, production has none of it.
        PodSpec plain = Manifests.ofKind(Manifests.render("production"), "Deployment").stream()
                .map(o -> StrictModel.parse(o, Deployment.class))
                .filter(d -> d.getMetadata().getName().equals("identification-service")).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec();
        assertThat(plain.getVolumes()).extracting(Volume::getName).doesNotContain("kinship-reference-data");
        assertThat(deployments).hasSize(Manifests.ofKind(Manifests.render("production"), "Deployment").size());
    }
}

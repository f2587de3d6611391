package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentHardeningTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    private static <T> List<T> all(String overlay, String kind, Class<T> type) {
        return Manifests.ofKind(Manifests.render(overlay), kind).stream().map(o -> StrictModel.parse(o, type)).toList();
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty())) {
            return false; // the services' policies use matchLabels only
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return !match.isEmpty() && match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasAHardenedDeployment(String overlay) {
        List<Deployment> deployments = all(overlay, "Deployment", Deployment.class);
        assertThat(deployments.stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(ServiceConfiguration.DEPLOYMENTS);
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getTopologySpreadConstraints()).as(name + " topology spread").isNotEmpty();
            assertThat(pod.getContainers()).as(name).isNotEmpty();
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                assertProbe(where, c.getStartupProbe(), "/q/health/started");
                assertProbe(where, c.getLivenessProbe(), "/q/health/live");
                assertProbe(where, c.getReadinessProbe(), "/q/health/ready");
                assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                var sc = c.getSecurityContext();
                assertThat(sc).as(where + " securityContext").isNotNull();
                assertThat(sc.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getCapabilities().getDrop()).as(where + " capabilities").containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(where + " added capabilities").isNullOrEmpty();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : pod.getSecurityContext().getSeccompProfile() == null ? null : pod.getSecurityContext().getSeccompProfile().getType();
                assertThat(seccomp).as(where + " seccomp").isEqualTo("RuntimeDefault");
                String tmpVolume = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()))
                        .map(m -> m.getName()).findFirst().orElse(null);
                assertThat(tmpVolume).as(where + " writable /tmp").isNotNull();
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
                assertThat(volume.getEmptyDir()).as(where + " /tmp is an emptyDir").isNotNull();
            }
        }
    }

    private static void assertProbe(String where, Probe probe, String path) {
        assertThat(probe).as(where + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet()).as(where + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where).isEqualTo(path);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasAPdbAndANetworkPolicyUnderADefaultDeny(String overlay) {
        List<PodDisruptionBudget> pdbs = all(overlay, "PodDisruptionBudget", PodDisruptionBudget.class);
        List<NetworkPolicy> policies = all(overlay, "NetworkPolicy", NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        for (Deployment deployment : all(overlay, "Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(pdbs).as(name + " PodDisruptionBudget").anyMatch(p -> selects(p.getSpec().getSelector(), labels));
            List<NetworkPolicy> own = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
            assertThat(own).as(name + " NetworkPolicy").hasSize(1);
            NetworkPolicy policy = own.get(0);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            if (name.equals("console")) {
                assertConsoleReachesTheServicesAndTheIdentityProviderOnly(policy);
                continue;
            }
            List<NetworkPolicyPeer> from = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).toList();
            assertThat(from.stream().filter(p -> p.getNamespaceSelector() != null)
                    .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList())
                    .as(name + " ingress from other namespaces: the ingress controller and Prometheus only")
                    .containsExactlyInAnyOrder("ingress-nginx", "monitoring");
            assertThat(from.stream().filter(p -> p.getNamespaceSelector() == null)
                    .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList())
                    .as(name + " ingress from this namespace: the console only").containsExactly("console");
            List<IPBlock> blocks = policy.getSpec().getEgress().stream()
                    .flatMap(r -> r.getTo().stream()).map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull).toList();
            if (name.equals("notification-service")) {
                assertThat(blocks).singleElement().satisfies(b -> {
                    assertThat(b.getCidr()).isEqualTo("0.0.0.0/0");
                    assertThat(b.getExcept()).containsExactlyInAnyOrder("10.0.0.0/8", "172.16.0.0/12",
                            "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16");
                });
                NetworkPolicyEgressRule internet = policy.getSpec().getEgress().stream()
                        .filter(r -> r.getTo().stream().anyMatch(p -> p.getIpBlock() != null)).findFirst().orElseThrow();
                assertThat(internet.getPorts().stream().map(p -> p.getPort().getIntVal()).toList()).containsExactlyInAnyOrder(80, 443);
            } else {
                assertThat(blocks).as(name + " has no address-range egress").isEmpty();
            }
            String database = name.replace("-service", "") + "-db";
            assertThat(policy.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream())
                    .map(p -> p.getPodSelector() == null || p.getPodSelector().getMatchLabels() == null ? null
                            : p.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))
                    .filter(Objects::nonNull).toList())
                    .as(name + " reaches its own database only").containsExactly(database);
            assertThat(policies.stream()
                    .filter(p -> database.equals(p.getSpec().getPodSelector().getMatchLabels() == null ? null
                            : p.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                    .flatMap(p -> p.getSpec().getIngress().stream())
                    .filter(r -> r.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 5432))
                    .flatMap(r -> r.getFrom().stream())
                    .filter(peer -> peer.getNamespaceSelector() == null)
                    .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList())
                    .as(database + " admits its service and no other service").containsExactly(name);
        }
    }

    /**
     * The console is reached through the ingress controller only, and reaches the four services' pods, DNS and
     * the identity provider: no database, no broker, no address range.
     */
    private static void assertConsoleReachesTheServicesAndTheIdentityProviderOnly(NetworkPolicy policy) {
        assertThat(policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList())
                .as("console ingress").containsExactly("ingress-nginx");
        List<NetworkPolicyPeer> peers = policy.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream()).toList();
        assertThat(peers).as("console egress by address range").allMatch(p -> p.getIpBlock() == null);
        assertThat(peers.stream().filter(p -> p.getNamespaceSelector() == null)
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList())
                .as("console egress to pods of this namespace").containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);
        assertThat(peers.stream().filter(p -> p.getNamespaceSelector() != null)
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList())
                .as("console egress to other namespaces").containsExactlyInAnyOrder("kube-system", "identity");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleSignsInWithTheIdentityProviderAndCallsTheServicesInsideTheCluster(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        Deployment console = StrictModel.parse(Manifests.named(objects, "Deployment", "console"), Deployment.class);
        Container c = console.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(secretOf(env, "QUARKUS_OIDC_CREDENTIALS_SECRET")).isEqualTo("console-oidc");
        ConfigMap config = StrictModel.parse(Manifests.named(objects, "ConfigMap", "console-config"), ConfigMap.class);
        assertThat(config.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("https://");
        assertThat(config.getData()).doesNotContainKeys("QUARKUS_PROFILE", "HOMEWARD_CONSOLE_SIGN_IN",
                "HOMEWARD_CONSOLE_LOCAL_SIGNING_KEY");
        for (String service : ServiceConfiguration.SERVICES) {
            String key = "HOMEWARD_CONSOLE_SERVICES_" + service.replace("-service", "").toUpperCase();
            assertThat(config.getData().get(key)).as(key).isEqualTo("http://" + service);
        }
        Ingress ingress = StrictModel.parse(Manifests.named(objects, "Ingress", "homeward-console"), Ingress.class);
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        assertThat(ingress.getMetadata().getAnnotations()).as("uploads as large as a manifest")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "32m");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> assertThat(rule.getHttp().getPaths())
                .singleElement().satisfies(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("console")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void migrationsRunAsTheOwnerAndTheServiceAsTheApplicationRole(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        for (Deployment deployment : all(overlay, "Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (name.equals("console")) {
                continue; // no database: tested above
            }
            String db = name.replace("-service", "");
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            // The service holds the application role only and never migrates ...
            assertThat(env).as(name).doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
            assertThat(env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").getValue()).isEqualTo("false");
            assertThat(secretOf(env, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(db + "-db-app-role");
            assertThat(secretOf(env, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(db + "-db-app-role");
            // ... the init container migrates as the owner, then exits.
            List<Container> init = deployment.getSpec().getTemplate().getSpec().getInitContainers();
            assertThat(init).as(name + " init containers").hasSize(1);
            assertThat(init.get(0).getImage()).isEqualTo(c.getImage());
            Map<String, EnvVar> initEnv = init.get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(initEnv.get("QUARKUS_INIT_AND_EXIT").getValue()).isEqualTo("true");
            assertThat(secretOf(initEnv, "QUARKUS_FLYWAY_USERNAME")).isEqualTo(db + "-db-app");
            assertThat(secretOf(initEnv, "QUARKUS_FLYWAY_PASSWORD")).isEqualTo(db + "-db-app");
            assertThat(init.get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(init.get(0).getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            ConfigMap config = StrictModel.parse(Manifests.named(objects, "ConfigMap", name + "-config"), ConfigMap.class);
            assertThat(c.getEnvFrom()).anyMatch(e -> e.getConfigMapRef() != null
                    && e.getConfigMapRef().getName().equals(name + "-config"));
            assertThat(config.getData().get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://" + db + "-db-rw:5432/");
            assertThat(config.getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).startsWith("https://");
            assertThat(config.getData()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_ISSUER",
                    "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            var cluster = StrictModel.parse(Manifests.named(objects, "Cluster", db + "-db"), OperatorModels.CnpgCluster.class);
            String appRole = config.getData().get("HOMEWARD_DB_APP_ROLE");
            assertThat(cluster.spec().managed().roles()).as(name + " application role")
                    .anySatisfy(r -> {
                        assertThat(r.name()).isEqualTo(appRole);
                        assertThat(r.passwordSecret().name()).isEqualTo(db + "-db-app-role");
                    });
            assertThat(cluster.spec().bootstrap().initdb().owner()).isNotEqualTo(appRole);
        }
    }

    private static String secretOf(Map<String, EnvVar> env, String name) {
        EnvVar var = env.get(name);
        assertThat(var).as(name).isNotNull();
        assertThat(var.getValue()).as(name + " has no literal value").isNull();
        return var.getValueFrom().getSecretKeyRef().getName();
    }
}

package org.homeward.kubernetes.smoke;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in smoke test of one service image (profile image-smoke; needs a Docker engine): PostgreSQL and Kafka
 * containers, the service image run as in Kubernetes (owner migrates, application role serves), health UP and
 * one authenticated API call. Images are given as system properties; none is named here.
 * <pre>
 * mvn -B verify -pl deploy/kubernetes -Pimage-smoke \
 *   -Dhomeward.smoke.service=agreement-service \
 *   -Dhomeward.smoke.service-image=$REGISTRY/homeward/agreement-service:&lt;version&gt; \
 *   -Dhomeward.smoke.postgres-image=&lt;postgres 17 image&gt; -Dhomeward.smoke.kafka-image=&lt;apache kafka 4.1 image&gt;
 * </pre>
 * The API call is {@code GET /api/v1/ops/ledger-discrepancies} as an operator for agreement-service, and
 * {@code GET /q/openapi} (public) for the others unless {@code homeward.smoke.api-path} names another GET.
 */
class ImageSmokeIT {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("set -D" + name);
        }
        return value;
    }

    @Test
    void theImageStartsMigratesAndServes() throws Exception {
        String service = required("homeward.smoke.service");
        String db = service.replace("-service", "");
        String appPassword = UUID.randomUUID().toString();
        KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
        String issuer = "urn:homeward:smoke";

        try (Network network = Network.newNetwork();
             PostgreSQLContainer postgres = new PostgreSQLContainer(
                     DockerImageName.parse(required("homeward.smoke.postgres-image")).asCompatibleSubstituteFor("postgres"))
                     .withNetwork(network).withNetworkAliases("postgres")
                     .withDatabaseName(db).withUsername(db + "_owner");
             KafkaContainer kafka = new KafkaContainer(
                     DockerImageName.parse(required("homeward.smoke.kafka-image")).asCompatibleSubstituteFor("apache/kafka"))
                     .withNetwork(network).withListener("kafka:19092")) {
            postgres.start();
            kafka.start();
            try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
                 var statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + db + "_app LOGIN PASSWORD '" + appPassword + "'");
            }
            try (GenericContainer<?> app = new GenericContainer<>(DockerImageName.parse(required("homeward.smoke.service-image")))
                    .withNetwork(network)
                    .withExposedPorts(8080)
                    .withCopyToContainer(Transferable.of(jwks((RSAPublicKey) keys.getPublic())), "/tmp/jwks.json")
                    .withEnv(Map.ofEntries(
                            Map.entry("QUARKUS_HTTP_PORT", "8080"),
                            Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + db),
                            Map.entry("QUARKUS_DATASOURCE_USERNAME", db + "_app"),
                            Map.entry("QUARKUS_DATASOURCE_PASSWORD", appPassword),
                            Map.entry("QUARKUS_FLYWAY_USERNAME", postgres.getUsername()),
                            Map.entry("QUARKUS_FLYWAY_PASSWORD", postgres.getPassword()),
                            Map.entry("QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE", db + "_app"),
                            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092"),
                            Map.entry("MP_JWT_VERIFY_ISSUER", issuer),
                            Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:/tmp/jwks.json"),
                            Map.entry("HOMEWARD_WEBHOOKS_ENCRYPTION_KEY",
                                    Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII))),
                            Map.entry("HOMEWARD_KINSHIP_PROFILE_KEY",
                                    Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII)))))
                    .waitingFor(Wait.forHttp("/q/health/ready").forPort(8080).forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(3)))) {
                app.start();
                String base = "http://" + app.getHost() + ":" + app.getMappedPort(8080);
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");

                String path = System.getProperty("homeward.smoke.api-path",
                        service.equals("agreement-service") ? "/api/v1/ops/ledger-discrepancies" : "/q/openapi");
                HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token(keys, issuer)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).as("GET " + path + ": " + api.body()).isEqualTo(200);
            }
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"smoke\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + B64URL.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
                + B64URL.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String token(KeyPair keys, String issuer) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = B64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"smoke\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64URL.encodeToString(("{\"iss\":\"" + issuer + "\",\"aud\":\"homeward\",\"sub\":\"smoke\","
                + "\"groups\":[\"operator\"],\"org\":\"smoke-org\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64URL.encodeToString(signature.sign());
    }
}

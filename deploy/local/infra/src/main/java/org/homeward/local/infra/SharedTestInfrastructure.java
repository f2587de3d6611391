package org.homeward.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One PostgreSQL server, one Kafka broker and one token issuer per test JVM, started on first use and
 * stopped when the JVM exits, so that every test class of a service shares them (Quarkus restarts the
 * application between differently configured test classes; the infrastructure stays up).
 */
public final class SharedTestInfrastructure {

    static final String JWT_DIRECTORY_PROPERTY = "homeward.test.jwt-directory";
    static final String KAFKA_PROPERTY = "homeward.test.kafka-bootstrap-servers";

    private static volatile SharedTestInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final JwtIssuer jwtIssuer;
    private final Map<String, ServiceDatabase> databases = new ConcurrentHashMap<>();

    private SharedTestInfrastructure() {
        this.postgres = EmbeddedPostgresServer.startEphemeral();
        this.kafka = EmbeddedKafkaServer.startEphemeral();
        try {
            Path jwtDirectory = Files.createTempDirectory("homeward-jwt");
            this.jwtIssuer = JwtIssuer.loadOrCreate(jwtDirectory);
            // Quarkus loads test classes and test resources through different class loaders, so each
            // sees its own static fields; system properties are what both share.
            System.setProperty(JWT_DIRECTORY_PROPERTY, jwtDirectory.toString());
            System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "homeward-test-infrastructure-stop"));
    }

    /** The issuer of the running infrastructure, from whichever class loader asks. */
    static JwtIssuer runningJwtIssuer() {
        String directory = System.getProperty(JWT_DIRECTORY_PROPERTY);
        if (directory == null) {
            throw new IllegalStateException("The test infrastructure is not started: annotate the test with "
                    + "@QuarkusTestResource(HomewardTestInfrastructure.class) and mint tokens inside test methods");
        }
        return JwtIssuer.loadOrCreate(Path.of(directory));
    }

    /** The broker of the running infrastructure, from whichever class loader asks. */
    static String runningKafkaBootstrapServers() {
        String servers = System.getProperty(KAFKA_PROPERTY);
        if (servers == null) {
            throw new IllegalStateException("The test infrastructure is not started");
        }
        return servers;
    }

    public static SharedTestInfrastructure get() {
        if (instance == null) {
            synchronized (SharedTestInfrastructure.class) {
                if (instance == null) {
                    instance = new SharedTestInfrastructure();
                }
            }
        }
        return instance;
    }

    public ServiceDatabase database(String service) {
        return databases.computeIfAbsent(service, postgres::provision);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public JwtIssuer jwtIssuer() {
        return jwtIssuer;
    }

    /** Everything a service needs to run against this infrastructure, Dev Services switched off. */
    public Map<String, String> quarkusConfig(String service) {
        Map<String, String> config = new HashMap<>(database(service).quarkusConfig());
        config.putAll(jwtIssuer.quarkusConfig());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        return config;
    }
}

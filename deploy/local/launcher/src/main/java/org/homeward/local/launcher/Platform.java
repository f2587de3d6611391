package org.homeward.local.launcher;

import org.homeward.local.infra.DatabaseBackup;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.local.infra.EmbeddedPostgresServer;
import org.homeward.local.infra.JwtIssuer;
import org.homeward.local.infra.ServiceDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a real PostgreSQL server (one database and two roles per service),
 * a real Kafka broker in KRaft mode, a local token issuer, and the four services and the console as separate
 * processes.
 */
public final class Platform implements AutoCloseable {

    public static final List<String> SERVICES = List.of("agreement", "transfer", "identification", "notification");

    /** Where things run: the data and logs of PostgreSQL, Kafka and the services are kept in {@code workDirectory}. */
    public record Settings(Path repositoryRoot, Path workDirectory, int postgresPort, int kafkaPort,
                           Map<String, Integer> servicePorts, int consolePort, Map<String, Map<String, String>> overrides) {

        /**
         * The launcher's defaults: fixed ports, data kept in .homeward/ of the repository, or in the folder
         * {@code HOMEWARD_DATA_DIR} names (the guides' check mints its tokens with an end-to-end platform's key).
         */
        public static Settings local(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), 8081 + i);
            }
            String dataDirectory = System.getenv("HOMEWARD_DATA_DIR");
            Path work = dataDirectory == null || dataDirectory.isBlank() ? root.resolve(".homeward") : Path.of(dataDirectory);
            return new Settings(root, work, 15432, 19092, ports, 8080, Map.of());
        }

        /**
         * Free ports, data in a folder the caller chooses and removes (the tests keep theirs under target/ for
         * inspection; the demo deletes its own): end-to-end tests and the demo. A crashed service's partitions
         * go to its successor after 10 s instead of Kafka's default 45, and the webhook deliveries a crashed
         * notification-service had claimed are taken over after 20 s instead of 60 (still longer than an
         * attempt may last).
         */
        public static Settings ephemeral(Path root, Path workDirectory) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Map<String, String>> overrides = new HashMap<>();
            SERVICES.forEach(service -> {
                ports.put(service, EmbeddedKafkaServer.freeTcpPort());
                overrides.put(service, Map.of("kafka.session.timeout.ms", "10000"));
            });
            overrides.put("notification", Map.of("kafka.session.timeout.ms", "10000", "homeward.webhooks.lease", "PT20S"));
            return new Settings(root, workDirectory, EmbeddedKafkaServer.freeTcpPort(),
                    EmbeddedKafkaServer.freeTcpPort(), ports, EmbeddedKafkaServer.freeTcpPort(), overrides);
        }

        /** The same settings with more configuration for one service (tests shorten retry schedules, say). */
        public Settings withOverrides(String service, Map<String, String> config) {
            Map<String, Map<String, String>> all = new HashMap<>(overrides);
            Map<String, String> merged = new HashMap<>(all.getOrDefault(service, Map.of()));
            merged.putAll(config);
            all.put(service, Map.copyOf(merged));
            return new Settings(repositoryRoot, workDirectory, postgresPort, kafkaPort, servicePorts, consolePort, all);
        }
    }

    private final Settings settings;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;
    private final JwtIssuer jwtIssuer;
    private final Map<String, ServiceDatabase> databases = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final ServiceProcess console;

    private Platform(Settings settings) {
        this.settings = settings;
        Path work = settings.workDirectory();
        this.postgres = EmbeddedPostgresServer.startPersistent(work.resolve("postgres"), settings.postgresPort());
        this.kafka = EmbeddedKafkaServer.startPersistent(work.resolve("kafka"), settings.kafkaPort());
        this.jwtIssuer = JwtIssuer.loadOrCreate(work.resolve("jwt"));
        for (String service : SERVICES) {
            ServiceDatabase database = postgres.provision(service);
            databases.put(service, database);
            Map<String, String> config = new HashMap<>(database.quarkusConfig());
            config.putAll(jwtIssuer.quarkusConfig());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            if (service.equals("notification")) {
                config.putAll(localWebhookConfig(work.resolve("webhooks")));
            }
            if (service.equals("identification")) {
                config.putAll(LOCAL_LABORATORIES);
                // The DNA profile key, generated once and kept with the local data like the webhook key.
                config.put("homeward.kinship.profile-key",
                        LocalKeys.loadOrCreateAesKey(work.resolve("kinship").resolve("profile-key")));
            }
            config.putAll(settings.overrides().getOrDefault(service, Map.of()));
            Path application = settings.repositoryRoot().resolve(service + "-service")
                    .resolve("target/quarkus-app/quarkus-run.jar");
            services.put(service, new ServiceProcess(service + "-service", application,
                    settings.servicePorts().get(service), config, work.resolve("logs").resolve(service + "-service.log")));
        }
        this.console = consoleProcess(settings, jwtIssuer);
    }

    /**
     * The console in its local profile: its sign-in page mints each user's token with this platform's key,
     * and it calls the four services on their local ports.
     */
    private static ServiceProcess consoleProcess(Settings settings, JwtIssuer issuer) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.profile", "local");
        config.put("homeward.console.local.signing-key", issuer.signingKeyFile().toString());
        config.put("homeward.console.local.issuer", JwtIssuer.ISSUER);
        for (String service : SERVICES) {
            config.put("homeward.console.services." + service, "http://localhost:" + settings.servicePorts().get(service));
        }
        config.putAll(settings.overrides().getOrDefault("console", Map.of()));
        return new ServiceProcess("console", settings.repositoryRoot().resolve("console/target/quarkus-app/quarkus-run.jar"),
                settings.consolePort(), config, settings.workDirectory().resolve("logs").resolve("console.log"));
    }

    /**
     * Starts the infrastructure and configures every service without starting any: for measuring a service
     * started alone (the startup benchmark), which then starts what it needs itself.
     */
    public static Platform prepare(Settings settings) {
        return new Platform(settings);
    }

    /** Starts the infrastructure, every service and the console, and waits until each is ready. */
    public static Platform start(Settings settings) {
        Platform platform = new Platform(settings);
        try {
            platform.processes().forEach(ServiceProcess::start);
            CompletableFuture.allOf(platform.processes().stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofMinutes(3))))
                    .toArray(CompletableFuture[]::new)).join();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Stops the Kafka broker and starts it again on the same port and log: a broker restart mid-stream. */
    public synchronized void restartBroker() {
        kafka.close();
        kafka = EmbeddedKafkaServer.startPersistent(settings.workDirectory().resolve("kafka"), settings.kafkaPort());
    }

    /** Stops the PostgreSQL server and starts it again on the same port and data: a database restart. */
    public synchronized void restartDatabase() {
        postgres.close();
        postgres = EmbeddedPostgresServer.startPersistent(settings.workDirectory().resolve("postgres"), settings.postgresPort());
    }

    /**
     * Restores a backup of a service's database into a new, empty database on the same server (built with
     * the service's migrations from this repository). The service, stopped first by the caller, runs on the
     * restored database from its next start; {@link #database(String)} then answers the restored one.
     */
    public synchronized ServiceDatabase restore(DatabaseBackup backup, String intoDatabaseOf) {
        ServiceDatabase target = postgres.provision(intoDatabaseOf);
        Path migrations = settings.repositoryRoot().resolve(backup.service() + "-service/src/main/resources/db/migration");
        try (Connection superuser = postgres.superuser(target.database())) {
            backup.restoreInto(target, migrations, superuser);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + target.database(), e);
        }
        databases.put(backup.service(), target);
        services.get(backup.service()).reconfigure(target.quarkusConfig());
        return target;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** The web application for people, signed in to on its local page. */
    public ServiceProcess console() {
        return console;
    }

    private List<ServiceProcess> processes() {
        List<ServiceProcess> all = new java.util.ArrayList<>(services.values());
        all.add(console);
        return all;
    }

    public synchronized ServiceDatabase database(String service) {
        return databases.get(service);
    }

    public JwtIssuer jwtIssuer() {
        return jwtIssuer;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int postgresPort() {
        return postgres.port();
    }

    public Path logDirectory() {
        return settings.workDirectory().resolve("logs");
    }

    @Override
    public void close() {
        // In parallel: each service takes a few seconds to stop gracefully.
        stopEach(ServiceProcess::stop);
    }

    /**
     * Ends a throw-away platform at once, once its test has asserted everything: the services are killed
     * rather than stopped (a graceful stop takes up to 12 s, and the tests exercise it where it matters),
     * then the broker and the database are stopped.
     */
    public void discard() {
        stopEach(ServiceProcess::kill);
    }

    private void stopEach(Consumer<ServiceProcess> ending) {
        CompletableFuture.allOf(processes().stream()
                .map(service -> CompletableFuture.runAsync(() -> ending.accept(service), runnable -> new Thread(runnable).start()))
                .toArray(CompletableFuture[]::new)).join();
        kafka.close();
        postgres.close();
    }

    /** The demo's identifying laboratories: the README's tokens act for these organisations. */
    private static final Map<String, String> LOCAL_LABORATORIES = Map.of(
            "homeward.identification.laboratories.UA", "lab-ua-kyiv,lab-ua-dnipro",
            "homeward.identification.laboratories.RU", "lab-ru-rostov");

    /**
     * Local webhook settings: a signing-secret encryption key generated once and kept with the local data,
     * the loopback receivers a developer runs allowed (production allows no internal address), and links
     * to the local services.
     */
    private Map<String, String> localWebhookConfig(Path directory) {
        Map<String, String> config = new HashMap<>();
        config.put("homeward.webhooks.encryption-key", LocalKeys.loadOrCreateAesKey(directory.resolve("encryption-key")));
        config.put("homeward.webhooks.allowed-ranges", "127.0.0.1/32");
        for (String service : SERVICES) {
            config.put("homeward.webhooks.links." + service, "http://localhost:" + settings.servicePorts().get(service));
        }
        return config;
    }

    /** The repository root: the folder that holds the services' modules. */
    public static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("agreement-service/pom.xml")) && Files.exists(dir.resolve("deploy/local"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Homeward repository (no agreement-service/ above " + start + ")");
    }
}

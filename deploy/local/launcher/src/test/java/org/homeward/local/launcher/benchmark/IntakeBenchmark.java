package org.homeward.local.launcher.benchmark;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.ServiceDatabase;
import org.homeward.local.launcher.Demo;
import org.homeward.local.launcher.Platform;
import org.homeward.local.launcher.story.HomewardApi;
import org.homeward.local.launcher.story.SeedStory;
import org.homeward.local.launcher.story.SignedWebhookSubscriber;
import org.homeward.local.launcher.story.StoryPeople;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (only the benchmarks profile runs it): the intake of one handover of 6,000 bodies on the whole
 * platform (four services as processes, one webhook subscriber): the manifest uploaded, the handover
 * dispatched, received and reconciled, until identification-service has opened 6,000 cases and
 * agreement-service's ledger shows 6,000 received. The baseline in the same run, on the same PostgreSQL
 * server and broker: the same 6,000 rows written with COPY, plus 6,000 records of the size of an item
 * record produced to a topic and consumed from it by bare clients. Target: within 3 times the baseline.
 * Run alone with: mvn -B -Pbenchmarks -pl deploy/local/launcher test -Dtest=IntakeBenchmark
 * (after mvn -B -DskipTests install).
 */
class IntakeBenchmark {

    private static final int BODIES = 6_000;

    @Test
    void sixThousandBodiesBecomeCasesAndLedgerEntries() throws Exception {
        Path root = Platform.findRepositoryRoot(Path.of(System.getProperty("homeward.root", ".")));
        Path work = Path.of("target", "bench-intake-" + System.currentTimeMillis()).toAbsolutePath();
        try (Platform platform = Platform.start(Platform.Settings.ephemeral(root, work));
             SignedWebhookSubscriber subscriber = new SignedWebhookSubscriber("benchmark", null)) {
            HomewardApi api = Demo.api(platform);
            SeedStory story = new SeedStory(api, System.out, root, "bench");
            story.subscribe(subscriber);
            SeedStory.Agreement agreement = story.agreeInIstanbul();
            String press = api.token("bench-press", "org-press", null, "observer");

            long start = System.nanoTime();
            story.handOverRemains(agreement, 0, new SeedStory.Handover(11, BODIES, 0));
            long handedOver = System.nanoTime();
            awaitCount("cases opened", BODIES, () -> api.read("identification", "/api/v1/case-statistics?agreementId="
                    + agreement.id(), press).path("counts").path("received").asLong());
            long casesOpened = System.nanoTime();
            awaitCount("bodies received in the ledger", BODIES, () -> received(api, agreement.id(), press));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nIntake of %,d bodies: API calls %.1f s, all cases opened after %.1f s, ledger after %.1f s"
                            + " (webhooks delivered meanwhile: %d)%n", BODIES, (handedOver - start) / 1e9,
                    (casesOpened - start) / 1e9, seconds, subscriber.tally().requests());

            double baseline = copyRows(platform) + throughTheBroker(platform.kafkaBootstrapServers());
            double commitMillis = commitLatencyMillis(platform);
            System.out.printf("One commit (a row inserted) on this PostgreSQL server, synchronous_commit=%s: %.2f ms%n",
                    platform.database("transfer").queryForString("SHOW synchronous_commit"), commitMillis);
            BenchmarkReport.record(new Figure("intake, one handover",
                    String.format("%,d bodies to cases and ledger, whole platform (one commit: %.1f ms)", BODIES,
                            commitMillis), seconds, "s",
                    "COPY of the rows + the records through the broker, bare clients", baseline, Target.ratioAtMost(3.0)));
        }
    }

    private static long received(HomewardApi api, String agreement, String token) {
        return api.read("agreement", "/api/v1/agreements/" + agreement + "/fulfilment?from=2025-06-09&to=2025-06-15&groupBy=WEEK",
                        token).path("terms").findParents("received").stream()
                .filter(t -> t.path("kind").asText().equals("REMAINS_REPATRIATION") && t.path("fromParty").asText().equals("RU"))
                .mapToLong(t -> t.path("received").asLong()).sum();
    }

    /**
     * Polls every 500 ms: a resolution of a quarter of a percent of the intake's time, while the poll's own
     * load on the platform (a token check and an aggregate per read) stays small; polling every 100 ms took
     * about 15% of identification-service's CPU samples during the intake.
     */
    private static void awaitCount(String what, long expected, LongSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            seen = count.getAsLong();
            if (seen >= expected) {
                assertThat(seen).as(what).isEqualTo(expected);
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + ": " + seen + " of " + expected + " after 15 minutes");
    }

    /**
     * The same 6,000 manifest rows, parsed beforehand (the floor does not parse or validate), written with COPY
     * in one transaction into a table with the manifest's columns on the same server.
     */
    private static double copyRows(Platform platform) throws Exception {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
        List<String[]> manifest;
        try (MappingIterator<String[]> lines = csv.readerFor(String[].class)
                .readValues(StoryPeople.remainsManifest("BASE", BODIES))) {
            manifest = lines.readAll();
        }
        String[] header = manifest.get(0);
        StringBuilder rows = new StringBuilder();
        UUID transfer = UUID.randomUUID();
        for (int i = 1; i < manifest.size(); i++) {
            List<String> row = new ArrayList<>(List.of(transfer.toString(), String.valueOf(i), UUID.randomUUID().toString()));
            row.addAll(List.of(manifest.get(i)));
            rows.append(csv.writerFor(String[].class).writeValueAsString(row.toArray(String[]::new)));
        }
        ServiceDatabase database = platform.database("transfer");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.ownerPassword()); Statement ddl = connection.createStatement()) {
            // A logged table like the real one (a temporary table would skip the write-ahead log).
            ddl.execute("CREATE TABLE bench_item (transfer_id uuid NOT NULL, position int NOT NULL,"
                    + " item_id uuid PRIMARY KEY" + Arrays.stream(header).map(c -> ", \"" + c + "\" text")
                    .collect(Collectors.joining()) + ")");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_item FROM STDIN (FORMAT csv)",
                    new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            ddl.execute("DROP TABLE bench_item");
            assertThat(copied).isEqualTo(BODIES);
            return seconds;
        }
    }

    /**
     * What one transaction costs on this server: 500 single-row inserts, each committed on its own, one after
     * the other. Every record the platform applies and every event it publishes pays at least one. The
     * embedded server runs with synchronous_commit off (the library's default), so a commit does not wait for
     * the write-ahead log to reach the disk: a production server that waits pays more per commit.
     */
    private static double commitLatencyMillis(Platform platform) throws Exception {
        ServiceDatabase database = platform.database("transfer");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.ownerPassword()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_commit (n int)");
            try (var insert = connection.prepareStatement("INSERT INTO bench_commit VALUES (?)")) {
                long start = System.nanoTime();
                for (int n = 0; n < 500; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                }
                return (System.nanoTime() - start) / 1e6 / 500;
            } finally {
                statement.execute("DROP TABLE bench_commit");
            }
        }
    }

    /** 6,000 records of about an item record's size, produced by a bare producer and read back by a bare consumer. */
    private static double throughTheBroker(String bootstrap) throws Exception {
        String topic = "bench.intake." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        String value = "x".repeat(900);
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consuming.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consuming.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producing, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consuming, new StringDeserializer(), new StringDeserializer())) {
            for (int i = 0; i < BODIES; i++) {
                producer.send(new ProducerRecord<>(topic, "item-" + i, value));
            }
            producer.flush();
            consumer.subscribe(List.of(topic));
            int read = 0;
            while (read < BODIES) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            consumer.commitSync();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}

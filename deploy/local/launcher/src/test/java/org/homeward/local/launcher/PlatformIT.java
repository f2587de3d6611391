package org.homeward.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homeward.local.infra.SyntheticRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as it runs for real: four service processes, real PostgreSQL and Kafka. Plays the walking
 * skeleton's story, then kills transfer-service with SIGKILL while agreements keep being created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Platform platform;
    /** Subscribed to identification case events for the handover story. */
    static WebhookReceiver identificationReceiver;

    @BeforeAll
    static void startPlatform() {
        Path root = Path.of(System.getProperty("homeward.root", "."));
        // Under target/ so that the services' logs stay for inspection after a failure.
        Path work = Path.of("target", "e2e-" + System.currentTimeMillis()).toAbsolutePath();
        platform = Platform.start(Platform.Settings.ephemeral(Platform.findRepositoryRoot(root), work)
                .withOverrides("notification", java.util.Map.of("homeward.webhooks.retry-schedule",
                        "PT0S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S")));
    }

    @AfterAll
    static void stopPlatform() {
        if (identificationReceiver != null) {
            identificationReceiver.close();
        }
        if (platform != null) {
            platform.discard();
        }
    }

    private static String token(String organisation, String party, String... roles) {
        return platform.jwtIssuer().mint("e2e-" + organisation, organisation, party, List.of(roles), Duration.ofMinutes(30));
    }

    private static HttpResponse<String> call(String service, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return call(service, method, path, token, "application/json", body);
    }

    private static HttpResponse<String> call(String service, String method, String path, String token,
                                             String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String createAgreement(String reference) throws Exception {
        String body = """
                {"reference": "%s", "title": "Istanbul exchange", "concludedOn": "2025-06-02",
                 "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                 "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"]}""".formatted(reference);
        HttpResponse<String> response = call("agreement", "POST", "/api/v1/agreements",
                token("org-ua-coordination", "UA", "coordinator"), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static int viewStatus(String agreementId) throws Exception {
        return call("transfer", "GET", "/api/v1/agreement-views/" + agreementId,
                token("org-ru-coordination", "RU", "coordinator"), null).statusCode();
    }

    private static double metric(String service, String name) throws Exception {
        String metrics = call(service, "GET", "/q/metrics", null, null).body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*consumer=\"transfer-service.agreement-read-model\"[^}]*} ([0-9.Ee+-]+)( #.*)?$")
                .matcher(metrics);
        if (!matcher.find()) {
            throw new AssertionError("No " + name + " for the read model in:\n" + metrics.lines()
                    .filter(line -> line.startsWith("homeward_")).reduce("", (a, b) -> a + b + "\n"));
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static long queryTransferDatabase(String sql) {
        return queryDatabase("transfer", sql);
    }

    private static long queryDatabase(String service, String sql) {
        return platform.database(service).queryForLong(sql);
    }

    @Test
    @Order(1)
    void everyServiceIsReadyWithItsDatabase() throws Exception {
        for (String service : Platform.SERVICES) {
            HttpResponse<String> health = call(service, "GET", "/q/health/ready", null, null);
            assertThat(health.statusCode()).as(service + ": " + health.body()).isEqualTo(200);
            JsonNode checks = JSON.readTree(health.body()).path("checks");
            assertThat(checks.toString()).contains("Database connections health check");
        }
    }

    @Test
    @Order(2)
    void anAgreementCreatedInAgreementServiceArrivesInTransferService() throws Exception {
        String id = createAgreement("E2E-FIRST");
        await().atMost(Duration.ofSeconds(60)).until(() -> viewStatus(id) == 200);
        HttpResponse<String> stranger = call("transfer", "GET", "/api/v1/agreement-views/" + id,
                token("org-fr", "FR", "coordinator"), null);
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void agreementsCreatedWhileTransferServiceIsDeadArriveExactlyOnceAfterItRestarts() throws Exception {
        ServiceProcess transfer = platform.service("transfer");
        transfer.kill();
        assertThat(transfer.isAlive()).isFalse();

        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createAgreement("E2E-WHILE-DOWN-" + i));
        }

        transfer.start();
        transfer.awaitReady(Duration.ofMinutes(2));
        for (String id : created) {
            await().atMost(Duration.ofSeconds(60)).until(() -> viewStatus(id) == 200);
        }

        // After the restart exactly the five new events were applied: the one consumed before the kill
        // was not applied again, even when its offset commit was lost with the process (it is then
        // counted in homeward_events_duplicates_total instead).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(metric("transfer", "homeward_events_applied_total")).isEqualTo(5.0));
        assertThat(queryTransferDatabase("select count(*) from agreement_view")).isEqualTo(6);
        assertThat(queryTransferDatabase("select count(*) from processed_event")).isEqualTo(6);
        assertThat(queryTransferDatabase("select max(sequence) from agreement_view")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void webhooksSurviveARestartOfNotificationServiceMidRetry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            HttpResponse<String> subscribed = call("notification", "POST", "/api/v1/subscriptions",
                    token("org-ua-cases", "UA", "subscriber-admin"),
                    "{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"agreement.agreement.*\"]}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

            String first = createAgreement("E2E-WEBHOOK-1");
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.answered().isEmpty());
            ServiceProcess notification = platform.service("notification");
            notification.kill();
            String second = createAgreement("E2E-WEBHOOK-2");
            notification.start();
            notification.awaitReady(Duration.ofMinutes(2));

            // Both events reach the receiver with a 2xx answer: the failed first attempts, the kill and the
            // restart lost nothing.
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.answered().stream()
                    .filter(a -> a.status() == 200).map(WebhookReceiver.Answered::body)
                    .filter(body -> body.contains(first) || body.contains(second))
                    .map(body -> body.contains(first) ? first : second).distinct().count() == 2);
            assertThat(receiver.answered()).anyMatch(a -> a.status() == 500);
        }
    }

    @Test
    @Order(5)
    void aFullReceiptCorrectedByItsReconciliationIsCountedInTheLedgerAndItsBodiesBecomeCases() throws Exception {
        String ua = token("org-ua-coordination", "UA", "coordinator");
        String ru = token("org-ru-coordination", "RU", "coordinator");
        identificationReceiver = new WebhookReceiver(0);
        HttpResponse<String> subscribed = call("notification", "POST", "/api/v1/subscriptions",
                token("org-ua-cases", "UA", "subscriber-admin", "coordinator"),
                "{\"url\": \"" + identificationReceiver.url() + "\", \"eventTypes\": [\"identification.case.*\"]}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        HttpResponse<String> created = call("agreement", "POST", "/api/v1/agreements", ua, """
                {"reference": "E2E-HANDOVER", "title": "Repatriation of remains", "concludedOn": "2025-06-02",
                 "effectiveDate": "2025-06-07",
                 "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                 "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"],
                 "terms": [{"kind": "REMAINS_REPATRIATION", "fromParty": "RU", "toParty": "UA", "basis": "QUANTITY",
                            "quantity": 100}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode agreement = JSON.readTree(created.body());
        String id = agreement.path("id").asText();
        String term = agreement.path("terms").get(0).path("id").asText();
        for (String signer : List.of(ua, ru)) {
            HttpResponse<String> signed = call("agreement", "POST", "/api/v1/agreements/" + id + "/signatures", signer,
                    "{\"signatoryName\": \"A. Signatory\", \"signatoryTitle\": \"Head of delegation\"}");
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> call("transfer", "GET", "/api/v1/agreement-views/" + id, ru, null)
                .body().contains("\"ACTIVE\""));

        HttpResponse<String> planned = call("transfer", "POST", "/api/v1/transfers", ru, """
                {"agreementId": "%s", "termIds": ["%s"], "kind": "REMAINS", "fromParty": "RU", "toParty": "UA",
                 "escortOrganisation": "org-icrc", "scheduledAt": "2025-06-11T06:00:00Z",
                 "handoverPoint": {"name": "Border crossing", "timeZone": "Europe/Kyiv"}}""".formatted(id, term));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String transfer = JSON.readTree(planned.body()).path("id").asText();
        String manifest = """
                tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,serviceNumber,recoveryPlace,recoveryDate,personalEffects
                RU-1,UA,MILITARY,Шевченко,Тарас,,1991-03-09,,"Запорізька обл.",2025-03-10,жетон
                RU-2,UA,UNKNOWN,,,,,,"Донецька обл.",2025-04-02,
                RU-3,UA,CIVILIAN,Коваленко,Петро,,1958-11-30,,Бахмут,2025-04-05,
                """;
        String base = "/api/v1/transfers/" + transfer;
        assertThat(call("transfer", "PUT", base + "/manifest", ru, "text/csv", manifest).statusCode()).isEqualTo(200);
        assertThat(call("transfer", "POST", base + "/dispatch", ru,
                "{\"count\": 3, \"dispatchedAt\": \"2025-06-15T18:00:00Z\"}").statusCode()).isEqualTo(200);
        // The receiver first counts all three as arrived (which announces every body to identification),
        // then accounts for each item and finds one missing: the count is corrected and that body withdrawn.
        assertThat(call("transfer", "POST", base + "/receipt", ua,
                "{\"count\": 3, \"receivedAt\": \"2025-06-15T22:30:00Z\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> reconciled = call("transfer", "POST", base + "/reconciliation", ua,
                "{\"received\": [\"RU-1\", \"RU-3\"], \"missing\": [\"RU-2\"]}");
        assertThat(reconciled.body()).contains("\"state\":\"DISPUTED\"");

        // Received on Sunday 22:30 UTC is Monday 16 June in Kyiv: ISO week 25 in the agreement's ledger.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode fulfilment = JSON.readTree(call("agreement", "GET", "/api/v1/agreements/" + id
                    + "/fulfilment?from=2025-06-09&to=2025-06-22&groupBy=WEEK", ua, null).body());
            assertThat(fulfilment.path("terms").get(0).path("received").asLong()).isEqualTo(2);
            assertThat(fulfilment.path("terms").get(0).path("declared").asLong()).isEqualTo(3);
            assertThat(fulfilment.path("period").path("groups").toString()).contains("2025-W25");
        });
        identificationOpenedACasePerBodyThatArrived(transfer, ua);
    }

    @Test
    @Order(6)
    void anImportInterruptedByAKilledServiceFinishesExactlyOnceAfterItRestarts() throws Exception {
        String ua = token("org-ua-coordination", "UA", "coordinator");
        // Six chunks of 1,000, each about two seconds of work here: the kill, made as soon as the first has
        // committed, lands well before the last.
        int reports = 6_000;
        String csv = SyntheticRegister.officialCsv("UA", SyntheticRegister.people(reports, 6));
        HttpResponse<String> submitted = call("identification", "POST", "/api/v1/missing-persons/imports", ua, "text/csv", csv);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String job = JSON.readTree(submitted.body()).path("id").asText();
        String progress = "/api/v1/missing-persons/imports/" + job;

        // Killed with SIGKILL once some chunks committed and before the last: the import is mid-way.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() ->
                JSON.readTree(call("identification", "GET", progress, ua, null).body()).path("processedRows").asInt() > 0);
        ServiceProcess identification = platform.service("identification");
        identification.kill();
        long linkedAtKill = queryDatabase("identification",
                "select count(*) from person_report where import_id = '" + job + "'");
        assertThat(linkedAtKill).as("killed mid-way").isBetween(1L, reports - 1L);

        identification.start();
        identification.awaitReady(Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(3)).until(() -> JSON.readTree(call("identification", "GET", progress, ua, null)
                .body()).path("status").asText().equals("COMPLETED"));
        JsonNode done = JSON.readTree(call("identification", "GET", progress, ua, null).body());
        assertThat(done.path("processedRows").asInt()).isEqualTo(reports);
        assertThat(done.path("matched").asInt() + done.path("newEntries").asInt()).isEqualTo(reports);
        assertThat(queryDatabase("identification", "select count(*) from person_report where import_id = '" + job + "'"))
                .isEqualTo(reports);
        assertThat(queryDatabase("identification", "select count(distinct original_person_id) from person_report"
                + " where import_id = '" + job + "'")).isEqualTo(done.path("newEntries").asLong());
    }

    /**
     * Each body announced became a case in identification-service; the one the reconciliation found missing
     * was withdrawn. Subscribers were told, without a name.
     */
    private static void identificationOpenedACasePerBodyThatArrived(String transfer, String ua) throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode statistics = JSON.readTree(call("identification", "GET",
                    "/api/v1/case-statistics?transferId=" + transfer, token("org-press", null, "observer"), null).body());
            assertThat(statistics.path("counts").path("received").asLong()).isEqualTo(2);
            assertThat(statistics.path("counts").path("withdrawn").asLong()).isEqualTo(1);
        });
        JsonNode cases = JSON.readTree(call("identification", "GET", "/api/v1/cases?transferId=" + transfer, ua, null).body());
        assertThat(cases.path("items")).hasSize(3);
        assertThat(cases.path("items").toString()).contains("Шевченко").contains("lab-ua-kyiv");
        assertThat(cases.path("items").findValuesAsText("status")).containsExactlyInAnyOrder("RECEIVED", "RECEIVED", "WITHDRAWN");
        await().atMost(Duration.ofSeconds(60)).until(() -> identificationReceiver.answered().stream()
                .filter(a -> a.body().contains(transfer)).map(WebhookReceiver.Answered::body).filter(body ->
                        body.contains("identification.case.opened") || body.contains("identification.case.withdrawn"))
                .count() == 4);
        assertThat(identificationReceiver.answered()).allSatisfy(answer ->
                assertThat(answer.body()).doesNotContain("Шевченко", "Коваленко", "Тарас", "RU-1"));
    }
}

package org.homeward.identification.register;

import com.ibm.icu.text.Transliterator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.time.Instant;
import java.time.Clock;
import org.homeward.identification.register.application.SiblingGroups;
import org.homeward.identification.register.application.RegisterLinkage;
import org.homeward.identification.register.application.ImportRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.SyntheticRegister;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Bulk imports: validated whole, linked in the background, progress a caller can poll. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class RegisterImportTest {

    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportRunner runner;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Inject
    RegisterLinkage linkage;

    @Inject
    SiblingGroups siblings;

    private long imports() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from register_import")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anImportWithOneBadCellIsRejectedWholeNamingEveryRowAndStoresNothing() throws SQLException {
        long before = imports();
        String csv = SyntheticRegister.HEADER + "\n"
                + "Коваленко,Петро,,Cyrl,uk,1958-11-30,,,UA,CIVILIAN,,FAMILY_REPORT,,2025-05-30\n"
                + "Бондаренко,Іван,,Cyrl,uk,1960-01-01,,,Ukraine,MILITARY,,FAMILY_REPORT,,2025-05-30\n"
                + "Ткаченко,Олег,,Cyrl,uk,1961-02-30,,,UA,MILITARY,,OPEN_SOURCE,,2025-05-30\n";
        String problem = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/missing-persons/imports").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("rows[2].party")).body("violations.field", hasItem("rows[3].dateOfBirth"))
                .extract().asString();
        assertThat(problem).doesNotContain("Бондаренко").doesNotContain("Ukraine");
        given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("RU", SyntheticRegister.people(2, 1)))
                .post("/api/v1/missing-persons/imports").then().statusCode(422);
        given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(100_001, 2)))
                .post("/api/v1/missing-persons/imports").then().statusCode(422)
                .body("detail", containsString("More than 100000"));
        given().header("Authorization", TestTokens.bearer("lab-ua-kyiv", "UA", "forensic-examiner")).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(2, 3)))
                .post("/api/v1/missing-persons/imports").then().statusCode(403);
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void announcementsOfKnownPeopleInLatinFindTheirCyrillicEntriesWithinTheirBlocksOnly() {
        List<SyntheticRegister.Person> people = SyntheticRegister.people(600, 41);
        JsonPath official = importAndWait(SyntheticRegister.officialCsv("UA", people));
        assertThat(official.getInt("newEntries")).isEqualTo(600);
        Transliterator bgn = Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII");
        List<String> surnames = people.stream().map(p -> bgn.transliterate(p.surname()).replace("'", "")).toList();
        List<String> firstNames = people.stream().map(p -> bgn.transliterate(p.firstNames()).replace("'", "")).toList();
        JsonPath announcements = importAndWait(SyntheticRegister.openSourceCsv("UA", people, surnames, firstNames));
        // Each announcement is probably its person (no service number to go by): every one goes to review.
        assertThat(announcements.getInt("toReview")).isEqualTo(600);
        assertThat(announcements.getInt("matched")).isZero();
        // Blocking: a few entries of the same surname prefix and birth year, never the whole register.
        assertThat(announcements.getDouble("comparisonsPerRow")).isBetween(1.0, 20.0);
    }

    private static JsonPath importAndWait(String csv) {
        String job = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED")));
        return given().header("Authorization", UA).get("/api/v1/missing-persons/imports/" + job).then().extract().jsonPath();
    }

    @Test
    void anImportStatesBrothersByAFamilyLabelAndJoinsTheGroupsTheyAreIn() {
        StringBuilder surnameOfThisRun = new StringBuilder("Гнатюкевич");
        new java.util.Random().ints(5, 0, 20).forEach(i -> surnameOfThisRun.append("абвгдежзиклмнопрстуф".charAt(i)));
        String surname = surnameOfThisRun.toString();
        String json = """
                {"reports": [
                  {"surname": "%1$s", "firstNames": "Андрій", "serviceNumber": "%1$s-1", "script": "Cyrl", "dateOfBirth": "1994-01-02",
                   "party": "UA", "category": "MILITARY", "source": "FAMILY_REPORT", "familyGroup": "family 1"},
                  {"surname": "%1$s", "firstNames": "Богдан", "serviceNumber": "%1$s-2", "script": "Cyrl", "dateOfBirth": "1996-03-04",
                   "party": "UA", "category": "MILITARY", "source": "FAMILY_REPORT", "familyGroup": "family 1"},
                  {"surname": "%1$s", "firstNames": "Василь", "serviceNumber": "%1$s-3", "script": "Cyrl", "dateOfBirth": "1990-05-06",
                   "party": "UA", "category": "MILITARY", "source": "FAMILY_REPORT"}]}""".formatted(surname);
        String job = given().header("Authorization", UA).contentType("application/json").body(json)
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED")));
        Map<String, String> ids = new java.util.HashMap<>();
        given().header("Authorization", UA).queryParam("name", surname).get("/api/v1/missing-persons").then()
                .statusCode(200).extract().jsonPath().getList("items", Map.class)
                .forEach(item -> ids.put((String) item.get("firstNames"), (String) item.get("id")));
        assertThat(ids).containsOnlyKeys("Андрій", "Богдан", "Василь");
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + ids.get("Андрій") + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", contains(ids.get("Богдан")));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + ids.get("Василь") + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());

        // A later import naming the third brother with one of them joins him to their group.
        String later = """
                {"reports": [
                  {"surname": "%1$s", "firstNames": "Богдан", "serviceNumber": "%1$s-2", "script": "Cyrl", "dateOfBirth": "1996-03-04",
                   "party": "UA", "category": "MILITARY", "source": "EXCHANGE_LIST", "familyGroup": "B"},
                  {"surname": "%1$s", "firstNames": "Василь", "serviceNumber": "%1$s-3", "script": "Cyrl", "dateOfBirth": "1990-05-06",
                   "party": "UA", "category": "MILITARY", "source": "EXCHANGE_LIST", "familyGroup": "B"}]}"""
                .formatted(surname);
        String second = given().header("Authorization", UA).contentType("application/json").body(later)
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + second).then().body("status", equalTo("COMPLETED")));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + ids.get("Андрій") + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", containsInAnyOrder(ids.get("Богдан"), ids.get("Василь")));
    }

    /**
     * The upload is read from the request stream (here chunked, without Content-Length, and larger than the
     * server's input buffer) and recognised by the hash of its bytes: the same bytes under the same key replay
     * the job, other bytes under that key are refused.
     */
    @Test
    void aStreamedUploadIsRecognisedOnRetryByTheHashOfItsBytes() throws Exception {
        byte[] csv = SyntheticRegister.officialCsv("UA", SyntheticRegister.people(300, 94))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.length).isGreaterThan(16 * 1024);
        String key = "import-" + UUID.randomUUID();
        java.util.function.Function<byte[], java.net.http.HttpResponse<String>> send = body -> {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                        + "/api/v1/missing-persons/imports"))
                        .header("Authorization", UA).header("Content-Type", "text/csv; charset=UTF-8")
                        .header("Idempotency-Key", key)
                        // An InputStream publisher has no known length: the body goes chunked.
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var first = send.apply(csv);
        assertThat(first.statusCode()).isEqualTo(201);
        String job = JsonPath.from(first.body()).getString("id");
        var again = send.apply(csv);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(JsonPath.from(again.body()).getString("id")).isEqualTo(job);
        byte[] other = csv.clone();
        other[other.length - 2] = other[other.length - 2] == '1' ? (byte) '2' : (byte) '1';
        assertThat(send.apply(other).statusCode()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED"))
                .body("totalRows", equalTo(300)));
    }

    @Test
    void oneFamilyLabelNamesOneParty() throws SQLException {
        long before = imports();
        String json = """
                {"reports": [
                  {"surname": "Гнатюк", "script": "Cyrl", "party": "UA", "category": "MILITARY",
                   "source": "FAMILY_REPORT", "familyGroup": "F"},
                  {"surname": "Гнатюк", "script": "Cyrl", "party": "MD", "category": "MILITARY",
                   "source": "FAMILY_REPORT", "familyGroup": "F"}]}""";
        given().header("Authorization", UA).contentType("application/json").body(json)
                .post("/api/v1/missing-persons/imports").then().statusCode(422)
                .body("violations.field", hasItem("rows[2].familyGroup"));
        assertThat(imports()).isEqualTo(before);
    }

    /** As the schema's owner (Flyway's role): what the application role may not do. */
    private static void asOwner(String sql) throws SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection owner = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class))) {
            owner.createStatement().execute(sql);
        }
    }

    @Test
    void aFailedImportIsListedCountedAndResumedWhereItStoppedWithoutLinkingARowTwice() throws Exception {
        List<SyntheticRegister.Person> people = SyntheticRegister.people(1_500, 77);
        // Past the first chunk of 1,000, every report breaks a rule the import cannot know of (a trigger of the
        // test's): the job fails with its first chunk committed.
        String job;
        try {
            asOwner("create or replace function test_refuse_after_1000() returns trigger language plpgsql as $$"
                    + " begin if (select count(*) from person_report where import_id = new.import_id) >= 1000 then"
                    + " raise check_violation using message = 'refused by the test'; end if; return new; end $$");
            asOwner("create trigger test_refuse_after_1000 before insert on person_report for each row"
                    + " execute function test_refuse_after_1000()");
            job = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                    .body(SyntheticRegister.officialCsv("UA", people)).post("/api/v1/missing-persons/imports").then()
                    .statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", UA)
                    .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("FAILED"))
                    .body("processedRows", equalTo(1000)));
        } finally {
            asOwner("drop trigger if exists test_refuse_after_1000 on person_report");
        }
        given().header("Authorization", UA).queryParam("status", "FAILED").get("/api/v1/missing-persons/imports")
                .then().statusCode(200).body("items.id", hasItem(job));
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator"))
                .queryParam("status", "FAILED").get("/api/v1/missing-persons/imports").then().statusCode(200)
                .body("items.id", not(hasItem(job)));
        await().atMost(Duration.ofSeconds(30)).until(() -> failedGauge() >= 1);
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator"))
                .post("/api/v1/missing-persons/imports/" + job + "/resume").then().statusCode(404);

        given().header("Authorization", UA).post("/api/v1/missing-persons/imports/" + job + "/resume").then()
                .statusCode(200).body("status", equalTo("QUEUED"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED"))
                .body("processedRows", equalTo(1500)));
        // Each row was linked once: 1,500 reports, not 2,500.
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("select count(*) from person_report where import_id = '" + job + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1500);
        }
        given().header("Authorization", UA).post("/api/v1/missing-persons/imports/" + job + "/resume").then()
                .statusCode(409);
    }

    /**
     * Two runners on one database (two replicas): the one that parsed a job but did not finish it keeps none of
     * its rows once it has nothing to work on, and neither does the one that finished it.
     */
    @Test
    void aReplicaThatDidNotFinishAnImportKeepsNoneOfItsRows() {
        ImportRunner second = new ImportRunner(entityManager, linkage, siblings, Clock.systemUTC(),
                new SimpleMeterRegistry(), Duration.ofDays(30), 1);
        String job = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(5_000, 91)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        UUID id = UUID.fromString(job);
        // The second replica takes a chunk when the first is between two (both take the job row SKIP LOCKED).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            QuarkusTransaction.requiringNew().run(() -> second.linkNextChunk(id));
            return second.parsedJobs() == 1;
        });
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED"))
                .body("processedRows", equalTo(5000)));

        second.runWaitingImports();
        assertThat(second.parsedJobs()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.parsedJobs() == 0);
    }

    /**
     * Parties take turns a chunk each: another party's small list is not held behind large uploads, even when
     * there are as many large ones as workers (oldest first, both workers would link the large ones to the end).
     */
    @Test
    void aSmallImportOfAnotherPartyIsNotHeldBehindLargeOnes() {
        String ru = TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
        List<String> large = List.of(95, 97).stream().map(seed -> given().header("Authorization", UA)
                .contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(5_000, seed)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().<String>path("id")).toList();
        String small = given().header("Authorization", ru).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("RU", SyntheticRegister.people(20, 96)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().header("Authorization", ru)
                .get("/api/v1/missing-persons/imports/" + small).then().body("status", equalTo("COMPLETED")));
        int linkedOfLarge = large.stream().mapToInt(id -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + id).then().statusCode(200).extract().<Integer>path("processedRows"))
                .sum();
        assertThat(linkedOfLarge).as("rows of the large imports linked when the small one was done").isLessThan(10_000);
        large.forEach(id -> await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + id).then().body("status", equalTo("COMPLETED"))));
    }

    /**
     * Imports of two parties are linked side by side, by as many workers as the replica allows (2 here): the
     * gauge counts chunks being linked under their job's lock, so two means two chunks at once.
     */
    @Test
    void twoPartiesImportsAreLinkedAtOnceUpToTheWorkerCap() {
        String ru = TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
        String ua = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(4_000, 98)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        String theirs = given().header("Authorization", ru).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("RU", SyntheticRegister.people(4_000, 99)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(5)).until(() -> {
            most.accumulateAndGet(runner.chunksLinking(), Math::max);
            return "COMPLETED".equals(given().header("Authorization", UA).get("/api/v1/missing-persons/imports/" + ua)
                    .then().extract().path("status")) && "COMPLETED".equals(given().header("Authorization", ru)
                    .get("/api/v1/missing-persons/imports/" + theirs).then().extract().path("status"));
        });
        assertThat(most.get()).as("chunks linked at once").isEqualTo(2);
    }

    @Test
    void aFailedImportsUploadIsDiscardedAfterItsRetentionAndCannotBeResumedThen() throws Exception {
        String job = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8")
                .body(SyntheticRegister.officialCsv("UA", SyntheticRegister.people(3, 93)))
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().body("status", equalTo("COMPLETED")));
        // As a job that failed 40 days ago with its upload still kept.
        asOwner("update register_import set status = 'FAILED', finished_at = now() - interval '40 days',"
                + " payload = 'surname' where id = '" + job + "'");

        assertThat(runner.discardUploadsFailedBefore(Instant.now().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);

        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("select payload from register_import where id = '" + job + "'")) {
            rows.next();
            assertThat(rows.getBytes(1)).isEmpty();
        }
        given().header("Authorization", UA).post("/api/v1/missing-persons/imports/" + job + "/resume").then()
                .statusCode(409).body("detail", containsString("discarded"));
    }

    /** The value of homeward_register_imports_failed on the metrics endpoint. */
    private static double failedGauge() {
        java.util.regex.Matcher gauge = java.util.regex.Pattern
                .compile("(?m)^homeward_register_imports_failed(?:\\{[^}]*})? ([0-9.Ee+-]+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }

    @Test
    void anImportIsLinkedInTheBackgroundWithProgressToPoll() {
        String json = """
                {"reports": [
                  {"surname": "Вакуленкович", "firstNames": "Назар", "script": "Cyrl", "language": "uk",
                   "dateOfBirth": "1993-04-05", "serviceNumber": "ЗСУ-77001", "party": "UA", "category": "MILITARY",
                   "source": "EXCHANGE_LIST"},
                  {"surname": "Vakulenkovych", "firstNames": "Nazar", "script": "Latn", "dateOfBirth": "1993-04-05",
                   "serviceNumber": "ЗСУ 77001", "party": "UA", "category": "MILITARY", "source": "OFFICIAL_NOTIFICATION"},
                  {"surname": "Вакуленкович", "firstNames": "Остап", "script": "Cyrl", "language": "uk",
                   "dateOfBirth": "1995", "party": "UA", "category": "MILITARY", "source": "OPEN_SOURCE",
                   "sourceAddress": "https://example.org/a/1"}]}""";
        String job = given().header("Authorization", UA).contentType("application/json").body(json)
                .post("/api/v1/missing-persons/imports").then().statusCode(201)
                .header("Location", containsString("/api/v1/missing-persons/imports/"))
                .body("status", equalTo("QUEUED")).body("totalRows", equalTo(3)).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", UA)
                .get("/api/v1/missing-persons/imports/" + job).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("processedRows", equalTo(3))
                .body("matched", equalTo(1)).body("newEntries", equalTo(2)).body("toReview", equalTo(0)));
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator"))
                .get("/api/v1/missing-persons/imports/" + job).then().statusCode(404);
        given().header("Authorization", UA).queryParam("name", "Vakulenkovych").get("/api/v1/missing-persons").then()
                .statusCode(200).body("items.size()", equalTo(2));
    }
}

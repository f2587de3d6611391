package org.homeward.identification.benchmark;

import com.ibm.icu.text.Transliterator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.SyntheticRegister;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Not a test (only the benchmarks profile runs it): 100,000 open-source rows imported against a 100,000-person
 * register, with the mean number of comparisons per row, against a baseline measured in the same run
 * (the same rows written to the same tables with plain JDBC batches, no linkage). Run:
 * {@code mvn -B -Pbenchmarks -pl identification-service test -Dtest=RegisterImportBenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class RegisterImportBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);
    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneHundredThousandOpenSourceRowsAgainstAOneHundredThousandPersonRegister() throws Exception {
        List<SyntheticRegister.Person> register = SyntheticRegister.people(ROWS, 2025);
        JsonPath seeded = importAndWait(SyntheticRegister.officialCsv("UA", register));

        // Half are people of the register as death announcements give them (BGN romanisation, every tenth
        // with a letter lost somewhere, the birth year only); half are people the register does not know.
        Random typos = new Random(7);
        List<SyntheticRegister.Person> announced = new ArrayList<>(register.subList(0, ROWS / 2));
        announced.addAll(SyntheticRegister.people(ROWS / 2, 2026));
        Transliterator bgn = Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII");
        List<String> surnames = new ArrayList<>();
        List<String> firstNames = new ArrayList<>();
        for (int i = 0; i < announced.size(); i++) {
            String surname = bgn.transliterate(announced.get(i).surname()).replace("'", "");
            int lost = 1 + typos.nextInt(Math.max(1, surname.length() - 1));
            surnames.add(i % 10 == 0 && surname.length() > 4 ? surname.substring(0, lost) + surname.substring(lost + 1) : surname);
            firstNames.add(bgn.transliterate(announced.get(i).firstNames()).replace("'", ""));
        }
        String openSource = SyntheticRegister.openSourceCsv("UA", announced, surnames, firstNames);
        long baselineNanos = jdbcBaseline(announced);
        long start = System.nanoTime();
        JsonPath linked = importAndWait(openSource);
        long linkedNanos = System.nanoTime() - start;

        System.out.printf("%nRegister import benchmark (%d open-source rows against a %d-person register)%n", ROWS, ROWS);
        System.out.printf("  register seeded: %d official rows in %.1f s, %.1f comparisons per row%n", ROWS,
                seeded.getDouble("seconds"), seeded.getDouble("comparisonsPerRow"));
        System.out.printf("  baseline, the same rows written to the same tables with JDBC batches (no linkage): %.1f s%n",
                baselineNanos / 1e9);
        System.out.printf("  open-source import with linkage: %.1f s (%.0f rows/s), %.2f times the baseline%n",
                linkedNanos / 1e9, ROWS / (linkedNanos / 1e9), (double) linkedNanos / baselineNanos);
        System.out.printf("  comparisons per row: %.1f (all pairs would be %d)%n",
                linked.getDouble("comparisonsPerRow"), ROWS);
        System.out.printf("  matched %d, sent to review %d, new entries %d%n%n", linked.getInt("matched"),
                linked.getInt("toReview"), linked.getInt("newEntries"));
        BenchmarkReport.record(new Figure("register import", String.format("%,d open-source rows against a %,d-person"
                + " register, with linkage", ROWS, ROWS), linkedNanos / 1e9, "s", "JDBC batches, no linkage",
                baselineNanos / 1e9, Target.valueAtMost(600.0 * ROWS / 100_000, "s")));
    }

    private JsonPath importAndWait(String csv) {
        long start = System.nanoTime();
        String job = given().header("Authorization", UA).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/missing-persons/imports").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .header("Authorization", UA).get("/api/v1/missing-persons/imports/" + job).then().extract()
                .path("status").equals("COMPLETED"));
        String body = given().header("Authorization", UA).get("/api/v1/missing-persons/imports/" + job).then()
                .extract().asString();
        return JsonPath.from(body.replaceFirst("\\{", "{\"seconds\": " + (System.nanoTime() - start) / 1e9 + ", "));
    }

    /**
     * The floor: the same rows written with plain JDBC batches straight into the register's two tables (an
     * entry and its report each, under a party of their own so that nothing links to them).
     */
    private long jdbcBaseline(List<SyntheticRegister.Person> people) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            try (PreparedStatement person = connection.prepareStatement("insert into missing_person (id, status, party,"
                    + " category, surname, first_names, name_script, birth_year, surname_key, given_name_key,"
                    + " blocking_prefix, created_at, version) values (?, 'MISSING', 'ZZ', 'MILITARY', ?, ?, 'Latn', ?, ?, ?, ?,"
                    + " now(), 0)");
                 PreparedStatement report = connection.prepareStatement("insert into person_report (id, person_id,"
                         + " original_person_id, source, source_address, surname, first_names, script, date_of_birth,"
                         + " linkage, reported_by_organisation, received_at) values (?, ?, ?, 'OPEN_SOURCE', ?, ?, ?,"
                         + " 'Latn', ?, 'NO_MATCH', 'benchmark', now())")) {
                for (int i = 0; i < people.size(); i++) {
                    SyntheticRegister.Person p = people.get(i);
                    UUID id = UUID.randomUUID();
                    person.setObject(1, id);
                    person.setString(2, p.surname());
                    person.setString(3, p.firstNames());
                    person.setInt(4, p.dateOfBirth().getYear());
                    person.setString(5, p.surname());
                    person.setString(6, p.firstNames());
                    person.setString(7, "zz");
                    person.addBatch();
                    report.setObject(1, UUID.randomUUID());
                    report.setObject(2, id);
                    report.setObject(3, id);
                    report.setString(4, "https://example.org/announcements/" + i);
                    report.setString(5, p.surname());
                    report.setString(6, p.firstNames());
                    report.setString(7, String.valueOf(p.dateOfBirth().getYear()));
                    report.addBatch();
                    if (i % 1000 == 999) {
                        person.executeBatch();
                        report.executeBatch();
                    }
                }
                person.executeBatch();
                report.executeBatch();
            }
            return System.nanoTime() - start;
        }
    }
}

package org.homeward.identification.kinship;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** A job the matching gave up on shows in the metrics and the operators' list, and runs again when re-driven. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class KinshipQueueTest {

    private static final String OPERATOR = TestTokens.bearer("org-homeward-ops", null, "operator");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedJobIsCountedListedAndRedriven() throws Exception {
        UUID job = UUID.randomUUID();
        // A job names a case that exists (the database holds it to its case); it has no profile to match.
        UUID subject = UUID.fromString(OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0));
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into kinship_job (id, kind, subject_id, party, enqueued_at, attempts, last_error)"
                        + " values (?, 'CASE', ?, 'UA', now(), 5, 'PersistenceException')")) {
            insert.setObject(1, job);
            insert.setObject(2, subject);
            insert.executeUpdate();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> failedGauge() >= 1);
        given().header("Authorization", OPERATOR).get("/api/v1/ops/kinship-jobs/failed").then().statusCode(200)
                .body("id", hasItem(job.toString())).body("lastError", hasItem("PersistenceException"));
        assertThat(attemptsOf(job)).isEqualTo(5);

        given().header("Authorization", OPERATOR).post("/api/v1/ops/kinship-jobs/failed/redrive").then().statusCode(200)
                .body("jobs", greaterThanOrEqualTo(1));
        // Its case has no DNA profile: the job runs, finds nothing to match, and is done.
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOf(job) == -1);
    }

    /** The value of homeward_kinship_jobs_failed on the metrics endpoint. */
    private static double failedGauge() {
        Matcher gauge = Pattern.compile("(?m)^homeward_kinship_jobs_failed(?:\\{[^}]*})? ([0-9.Ee+-]+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }

    private int attemptsOf(UUID job) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select attempts from kinship_job where id = ?")) {
            query.setObject(1, job);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
    }
}

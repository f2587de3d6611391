package org.homeward.platform.persistence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.CoreTestApplication;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request whose transaction PostgreSQL rolls back as a deadlock victim or serialization failure is run again
 * in-process, each attempt from scratch; only when every attempt loses does the client hear 503. The failures
 * are raised by the real database with their real SQLStates, through the real driver, ORM and transaction
 * manager.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = CoreTestApplication.DATABASE))
class LostRaceRerunTest {

    private static RequestSpecification coordinator() {
        return given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .contentType(io.restassured.http.ContentType.JSON);
    }

    private static int thingsNamed(String name) throws Exception {
        try (Connection db = CoreTestApplication.asOwner();
             PreparedStatement query = db.prepareStatement("select count(*) from thing where name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String aName() {
        return "race-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDeadlockVictimIsRunAgainAndOnlyTheWinningAttemptIsKept() throws Exception {
        String name = aName();
        coordinator().queryParam("name", name).queryParam("losses", 2).queryParam("state", "40P01")
                .post("/test/races").then().statusCode(200).body("attempts", equalTo(3));
        // The two lost attempts had flushed their rows before losing; their transactions took them back.
        assertThat(thingsNamed(name)).isEqualTo(1);
    }

    /** The usual deadlock: found at commit, after the method returned, so it arrives as a rolled-back commit. */
    @Test
    void aTransactionLostAtCommitIsRunAgain() throws Exception {
        try (Connection db = CoreTestApplication.asOwner()) {
            db.createStatement().execute("alter sequence commit_race_attempts restart with 1");
        }
        String name = "commit-race-" + UUID.randomUUID().toString().substring(0, 8);
        coordinator().queryParam("name", name).queryParam("losses", 0).post("/test/races").then().statusCode(200)
                .body("attempts", equalTo(3));
        assertThat(thingsNamed(name)).isEqualTo(1);
    }

    @Test
    void aSerializationFailureIsRunAgainToo() throws Exception {
        String name = aName();
        coordinator().queryParam("name", name).queryParam("losses", 1).queryParam("state", "40001")
                .post("/test/races").then().statusCode(200).body("attempts", equalTo(2));
        assertThat(thingsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRequestThatLosesEveryAttemptAnswers503WithRetryAfterAndChangesNothing() throws Exception {
        String name = aName();
        coordinator().queryParam("name", name).queryParam("losses", 100).queryParam("state", "40P01")
                .post("/test/races").then().statusCode(503).header("Retry-After", "1")
                .body("type", equalTo("urn:homeward:problem:unavailable"));
        coordinator().queryParam("name", name).get("/test/races").then().body("attempts", equalTo(3));
        assertThat(thingsNamed(name)).isZero();
    }

    @Test
    void otherFailuresAreNotRunAgain() throws Exception {
        String name = aName();
        // A unique violation (23505) is the request's own fault: running it again would only repeat it.
        coordinator().queryParam("name", name).queryParam("losses", 100).queryParam("state", "23505")
                .post("/test/races").then().statusCode(500)
                .body("type", equalTo("urn:homeward:problem:internal-error"));
        coordinator().queryParam("name", name).get("/test/races").then().body("attempts", equalTo(1));
        assertThat(thingsNamed(name)).isZero();
    }

    @Test
    void aRefusalOfTheServiceReachesTheClientAsItWasThrown() throws Exception {
        String name = aName();
        coordinator().queryParam("name", name).queryParam("losses", 100).queryParam("state", "rule")
                .post("/test/races").then().statusCode(422).body("detail", equalTo("A thing may not be named so"));
        coordinator().queryParam("name", name).get("/test/races").then().body("attempts", equalTo(1));
        assertThat(thingsNamed(name)).isZero();
    }

    @Test
    void insideATransactionItStartedElsewhereTheServiceDoesNotRunItAgain() throws Exception {
        String name = aName();
        coordinator().queryParam("name", name).queryParam("losses", 1).queryParam("inside", true)
                .post("/test/races").then().statusCode(503);
        coordinator().queryParam("name", name).get("/test/races").then().body("attempts", equalTo(1));
        assertThat(thingsNamed(name)).isZero();
    }
}

package org.homeward.platform.idempotency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.CoreTestApplication;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key as the IETF draft has it: replay, 422 for another body, 409 while the first is in flight. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = CoreTestApplication.DATABASE))
class IdempotencyKeyTest {

    private static Response create(String key, String body, String query) {
        return given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/test/things" + query);
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

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndCreatesOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "replayed-" + key;
        Response first = create(key, "{\"name\": \"" + name + "\"}", "");
        Response again = create(key, "{ \"name\" : \"" + name + "\" }", "");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(thingsNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        create(key, "{\"name\": \"one-" + key + "\"}", "").then().statusCode(201);
        create(key, "{\"name\": \"two-" + key + "\"}", "").then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:homeward:problem:idempotency-key-reused"));
        assertThat(thingsNamed("two-" + key)).isZero();
    }

    @Test
    void twoConcurrentRequestsWithOneKeyHaveOneEffectAndTheSecondIsToldToWait() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "concurrent-" + key;
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                create(key, "{\"name\": \"" + name + "\"}", "?slow=true"));
        Thread.sleep(500);
        Response second = create(key, "{\"name\": \"" + name + "\"}", "?slow=true");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.jsonPath().getString("type")).isEqualTo("urn:homeward:problem:idempotency-key-in-flight");
        assertThat(first.get().statusCode()).isEqualTo(201);
        assertThat(thingsNamed(name)).isEqualTo(1);
        assertThat(create(key, "{\"name\": \"" + name + "\"}", "?slow=true").header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aResponseCarryingASecretRestsEncryptedAndStillReplays() throws Exception {
        String key = UUID.randomUUID().toString();
        Response first = create(key, "{\"name\": \"secretive\"}", "?withSecret=true");
        String secret = first.jsonPath().getString("secret");
        assertThat(secret).startsWith("whsec_");
        List<String> stored = storedBodies(key);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).startsWith(IdempotentCreation.SEALED).doesNotContain(secret).doesNotContain("secretive");
        Response replay = create(key, "{\"name\": \"secretive\"}", "?withSecret=true");
        assertThat(replay.jsonPath().getString("secret")).isEqualTo(secret);
    }

    @Test
    void aResponseWithoutASecretIsStoredAsItIs() throws Exception {
        String key = UUID.randomUUID().toString();
        create(key, "{\"name\": \"plain\"}", "").then().statusCode(201);
        assertThat(storedBodies(key)).singleElement().asString().startsWith("{").contains("plain");
    }

    private static List<String> storedBodies(String key) throws Exception {
        try (Connection db = CoreTestApplication.asOwner();
             PreparedStatement query = db.prepareStatement(
                     "select response_body from idempotency_record where idempotency_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                List<String> bodies = new java.util.ArrayList<>();
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
                return bodies;
            }
        }
    }
}

package org.homeward.platform.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.CoreTestApplication;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every problem type, each from a real request through the HTTP stack: the wire format (RFC 9457 JSON with
 * a stable type URI) is what clients branch on, so it is pinned here, once for every service.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = CoreTestApplication.DATABASE))
class ProblemResponsesTest {

    @TestHTTPResource("/test/uploads")
    URI uploads;

    private static String coordinator() {
        return TestTokens.bearer("org-ua", "UA", "coordinator");
    }

    private static ValidatableResponse post(String path, String body) {
        return given().header("Authorization", coordinator()).contentType(ContentType.JSON).body(body)
                .post(path).then().contentType("application/problem+json").body("stackTrace", nullValue());
    }

    private static int things() throws Exception {
        try (Connection db = CoreTestApplication.asOwner();
             ResultSet rows = db.createStatement().executeQuery("select count(*) from thing")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aRequestThatMeetsAnotherTransactionsLockIsToldToRetryNotAnInternalError() throws Exception {
        String id = given().header("Authorization", coordinator()).contentType(ContentType.JSON)
                .body("{\"name\": \"locked\"}").post("/test/things").then().statusCode(201).extract().path("id");
        try (Connection holder = CoreTestApplication.asOwner()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select * from thing where id = '" + id + "' for update");
            post("/test/things/" + id + "/touch", "{}").statusCode(503)
                    .header("Retry-After", "1")
                    .body("type", equalTo("urn:homeward:problem:unavailable"))
                    .body("detail", containsString("nothing was changed"));
            holder.rollback();
        }
        given().header("Authorization", coordinator()).contentType(ContentType.JSON).body("{}")
                .post("/test/things/" + id + "/touch").then().statusCode(200).body("name", equalTo("locked"));
    }

    @Test
    void theProblemJsonHasItsPinnedShape() {
        post("/test/things", "{\"name\": \"\"}").statusCode(400)
                .body("type", equalTo("urn:homeward:problem:validation-failed"))
                .body("title", equalTo("The request is not valid"))
                .body("status", equalTo(400))
                .body("detail", equalTo("1 field(s) are invalid"))
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", not(nullValue()));
    }

    @Test
    void badJsonOfEveryKindIsA400AndChangesNothing() throws Exception {
        int before = things();
        post("/test/things", "{\"name\": ").statusCode(400).body("type", equalTo("urn:homeward:problem:malformed-json"));
        post("/test/things", "{\"name\": \"a\", \"colour\": \"red\"}").statusCode(400)
                .body("type", equalTo("urn:homeward:problem:unknown-field")).body("violations.field", hasItem("colour"));
        post("/test/things", "{\"name\": \"a\", \"count\": \"seven\"}").statusCode(400)
                .body("type", equalTo("urn:homeward:problem:invalid-field-type"));
        // Strict reading: a key given twice, a number where a name belongs, a string where a number belongs,
        // a fraction where an integer belongs, a number where a boolean belongs.
        post("/test/things", "{\"name\": \"a\", \"name\": \"b\"}").statusCode(400)
                .body("type", equalTo("urn:homeward:problem:malformed-json"))
                .body("detail", equalTo("A key appears twice in one JSON object"));
        post("/test/things", "{\"name\": 1e309}").statusCode(400)
                .body("type", equalTo("urn:homeward:problem:invalid-field-type")).body("violations.field", hasItem("name"));
        post("/test/things", "{\"name\": \"a\", \"count\": \"3\"}").statusCode(400)
                .body("violations.field", hasItem("count"));
        post("/test/things", "{\"name\": \"a\", \"count\": 2.5}").statusCode(400)
                .body("violations.field", hasItem("count"));
        post("/test/things", "{\"name\": \"a\", \"urgent\": 1}").statusCode(400)
                .body("violations.field", hasItem("urgent"));
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void authenticationAndRoles() {
        given().contentType(ContentType.JSON).body("{\"name\": \"a\"}").post("/test/things").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:homeward:problem:unauthenticated"));
        given().header("Authorization", TestTokens.forgedBearer("org-ua", "UA", "coordinator"))
                .contentType(ContentType.JSON).body("{\"name\": \"a\"}").post("/test/things").then().statusCode(401)
                .body("type", equalTo("urn:homeward:problem:unauthenticated"));
        given().header("Authorization", TestTokens.bearer("org-press", null, "observer"))
                .contentType(ContentType.JSON).body("{\"name\": \"a\"}").post("/test/things").then().statusCode(403)
                .body("type", equalTo("urn:homeward:problem:forbidden"));
    }

    @Test
    void addressesMethodsAndMediaTypes() {
        given().header("Authorization", coordinator()).get("/test/nothing-here").then().statusCode(404)
                .body("type", equalTo("urn:homeward:problem:not-found"));
        given().header("Authorization", coordinator()).get("/test/things/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:homeward:problem:not-found"));
        given().header("Authorization", coordinator()).get("/test/things/not-a-uuid").then().statusCode(400)
                .body("type", equalTo("urn:homeward:problem:bad-request"));
        given().header("Authorization", coordinator()).delete("/test/things").then().statusCode(405)
                .body("type", equalTo("urn:homeward:problem:method-not-allowed"));
        given().header("Authorization", coordinator()).contentType(ContentType.XML).body("<thing/>")
                .post("/test/things").then().statusCode(415)
                .body("type", equalTo("urn:homeward:problem:unsupported-media-type"));
        given().header("Authorization", coordinator()).accept(ContentType.XML).get("/test/things").then()
                .statusCode(406).body("type", equalTo("urn:homeward:problem:not-acceptable"));
    }

    @Test
    void domainRulesConflictsAndPreconditions() {
        post("/test/rules", "{}").statusCode(422).body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("violations.field", hasItem("name"));
        post("/test/transitions", "{}").statusCode(409).body("type", equalTo("urn:homeward:problem:conflict"));
        String id = given().header("Authorization", coordinator()).contentType(ContentType.JSON)
                .body("{\"name\": \"first\"}").post("/test/things").then().statusCode(201).extract().path("id");
        given().header("Authorization", coordinator()).contentType(ContentType.JSON).body("{\"name\": \"second\"}")
                .put("/test/things/" + id).then().statusCode(428)
                .body("type", equalTo("urn:homeward:problem:precondition-required"));
        given().header("Authorization", coordinator()).header("If-Match", "7").contentType(ContentType.JSON)
                .body("{\"name\": \"second\"}").put("/test/things/" + id).then().statusCode(412)
                .body("type", equalTo("urn:homeward:problem:precondition-failed"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndNothingElse() {
        post("/test/failures", "{}").statusCode(500).body("type", equalTo("urn:homeward:problem:internal-error"))
                .body("detail", containsString("Error id")).body("detail", not(containsString("Ivanov")));
    }

    @Test
    void pagesBeyondTheAddressableRangeAreBadRequestsNot500() {
        given().header("Authorization", coordinator()).queryParam("page", 21474836).queryParam("size", 100)
                .get("/test/things").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:bad-request"));
        given().header("Authorization", coordinator()).queryParam("size", 1000).get("/test/things").then()
                .statusCode(400).body("type", equalTo("urn:homeward:problem:validation-failed"));
        given().header("Authorization", coordinator()).queryParam("page", -1).get("/test/things").then()
                .statusCode(400);
    }

    @Test
    void aBodyOverTheEndpointsLimitIsRefusedWithOrWithoutContentLength() throws Exception {
        String small = "{\"name\": \"" + "x".repeat(2000) + "\"}";
        post("/test/things", small).statusCode(413).body("type", equalTo("urn:homeward:problem:body-too-large"));

        HttpClient http = HttpClient.newHttpClient();
        // Chunked: no Content-Length, so only counting the bytes as they come can enforce the limit.
        HttpResponse<String> chunkedTooLarge = http.send(chunked(uploads, "\"" + "y".repeat(20_000) + "\""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedTooLarge.statusCode()).isEqualTo(413);
        assertThat(chunkedTooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(chunkedTooLarge.body()).contains("urn:homeward:problem:body-too-large");

        HttpResponse<String> chunkedWithinLimit = http.send(chunked(uploads, "\"" + "y".repeat(5_000) + "\""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedWithinLimit.statusCode()).isEqualTo(200);
        assertThat(chunkedWithinLimit.body()).isEqualTo("{\"bytes\":5002}");
    }

    private static HttpRequest chunked(URI target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(target).header("Authorization", coordinator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    }
}

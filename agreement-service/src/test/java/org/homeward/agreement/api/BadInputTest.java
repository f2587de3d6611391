package org.homeward.agreement.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/**
 * Bad input of every kind gets a problem+json 4xx, never a 500, never an echo of submitted values, and
 * changes nothing: no agreement, no outbox row, no idempotency record.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class BadInputTest {

    @Inject
    EntityManager entityManager;

    private long rowsBefore;

    private long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select (select count(*) from agreement) + (select count(*) from outbox_event)"
                        + " + (select count(*) from idempotency_record)").getSingleResult()).longValue());
    }

    @BeforeEach
    void countRows() {
        rowsBefore = rows();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(rows()).as("rows written by a rejected request").isEqualTo(rowsBefore);
    }

    private ValidatableResponse post(String token, String body) {
        var request = given().header("Idempotency-Key", "bad-input-" + System.nanoTime()).contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.post("/api/v1/agreements").then().contentType("application/problem+json")
                .body("detail", not(containsString("Secret Name")));
    }

    @Test
    void malformedJson() {
        post(AgreementApiTest.uaCoordinator(), "{\"reference\": \"Secret Name\", ")
                .statusCode(400).body("type", equalTo("urn:homeward:problem:malformed-json"));
    }

    @Test
    void unknownField() {
        String body = AgreementApiTest.istanbul("IST-X").replace("\"venue\"", "\"signatory\": \"Secret Name\", \"venue\"");
        post(AgreementApiTest.uaCoordinator(), body)
                .statusCode(400).body("type", equalTo("urn:homeward:problem:unknown-field"))
                .body("violations.field", hasItem("signatory"));
    }

    @Test
    void wrongType() {
        String body = AgreementApiTest.istanbul("IST-X").replace("\"2025-06-02\"", "\"Secret Name\"");
        post(AgreementApiTest.uaCoordinator(), body)
                .statusCode(400).body("type", equalTo("urn:homeward:problem:invalid-field-type"))
                .body("violations.field", hasItem("concludedOn"));
    }

    @Test
    void missingAndInvalidFieldsAreListedOneByOne() {
        post(AgreementApiTest.uaCoordinator(), "{\"title\": \"\", \"parties\": [{\"code\": \"ua\", \"name\": \"Secret Name\"}]}")
                .statusCode(400).body("type", equalTo("urn:homeward:problem:validation-failed"))
                .body("violations.field", hasItem("reference"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("parties"))
                .body("violations.field", hasItem("parties[0].code"));
    }

    @Test
    void aPartyThatIsNotACountryBreaksADomainRule() {
        String body = AgreementApiTest.istanbul("IST-X").replace("\"RU\"", "\"XX\"");
        post(AgreementApiTest.uaCoordinator(), body)
                .statusCode(422).body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("violations.field", hasItem("parties[1].code"));
    }

    @Test
    void missingToken() {
        post(null, AgreementApiTest.istanbul("IST-X"))
                .statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:homeward:problem:unauthenticated"));
    }

    @Test
    void forgedToken() {
        post(TestTokens.forgedBearer("org-ua-coordination", "UA", "coordinator"), AgreementApiTest.istanbul("IST-X"))
                .statusCode(401).body("type", equalTo("urn:homeward:problem:unauthenticated"));
    }

    @Test
    void wrongRole() {
        post(TestTokens.bearer("org-press", null, "observer"), AgreementApiTest.istanbul("IST-X"))
                .statusCode(403).body("type", equalTo("urn:homeward:problem:forbidden"));
    }

    @Test
    void oversizedBody() {
        String padding = "x".repeat(70_000);
        String body = AgreementApiTest.istanbul("IST-X").replace("\"Istanbul\"}", "\"Istanbul\"}").replace("\"venue\": \"Istanbul\"", "\"venue\": \"" + padding + "\"");
        post(AgreementApiTest.uaCoordinator(), body)
                .statusCode(413).body("type", equalTo("urn:homeward:problem:body-too-large"));
    }

    @Test
    void unknownPathAndBadParametersAreProblemsToo() {
        given().header("Authorization", AgreementApiTest.uaCoordinator()).get("/api/v1/agreements/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:bad-request"));
        given().header("Authorization", AgreementApiTest.uaCoordinator())
                .get("/api/v1/agreements?status=SIGNED_TWICE").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", AgreementApiTest.uaCoordinator()).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("stackTrace", nullValue());
    }

    @Test
    void invalidPaging() {
        given().header("Authorization", AgreementApiTest.uaCoordinator()).queryParam("size", 1000).get("/api/v1/agreements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:validation-failed"));
    }
}

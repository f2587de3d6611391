package org.homeward.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The platform every service stands on: health of its dependencies, authentication, problems, audit. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class PlatformTest {

    @Test
    void readinessCoversTheDatabaseAndReportsTheRelayAndConsumers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem("event-consumers"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everythingElseNeedsATrustedTokenAndTheRightRole() {
        given().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:unauthenticated"));
        given().header("Authorization", TestTokens.forgedBearer("org-oversight", null, "auditor"))
                .get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void auditorsReadTheAuditLogAndTheirReadingIsAuditedToo() {
        String auditor = TestTokens.bearer("org-oversight", null, "auditor");
        given().header("Authorization", auditor).header("Homeward-Purpose", "annual-review").get("/api/v1/audit")
                .then().statusCode(200);
        given().header("Authorization", auditor).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("audit.read"))
                .body("items.purpose", hasItem("annual-review"));
        given().header("Authorization", auditor).queryParam("size", 0).get("/api/v1/audit")
                .then().statusCode(400).body("type", equalTo("urn:homeward:problem:validation-failed"));
    }
}

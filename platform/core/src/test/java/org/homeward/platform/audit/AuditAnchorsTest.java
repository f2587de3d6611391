package org.homeward.platform.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.CoreTestApplication;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The chain's head is anchored and listed for auditors to keep; a chain cut short by the database's owner
 * (entries, links and stored anchors removed together, every remaining link intact) is found by a kept anchor.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = CoreTestApplication.DATABASE))
class AuditAnchorsTest {

    @Inject
    AuditChain chain;

    @Inject
    AuditAnchors anchors;

    private static String auditor() {
        return TestTokens.bearer("org-oversight", null, "auditor");
    }

    private static void createThing(String name) {
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .header("Homeward-Purpose", "anchor-test").contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}").post("/test/things").then().statusCode(201);
    }

    @Test
    void aKeptAnchorShowsAChainCutShortByTheDatabaseOwner() throws Exception {
        createThing("anchored-1");
        createThing("anchored-2");
        chain.sealPending();
        AuditAnchor anchor = anchors.anchor().orElseThrow();
        assertThat(anchors.anchor()).as("the head did not move").isEmpty();
        given().header("Authorization", auditor()).get("/api/v1/audit/anchors").then().statusCode(200)
                .body("items[0].seq", equalTo((int) anchor.seq())).body("items[0].headHash", equalTo(anchor.headHash()));
        String kept = anchor.seq() + ":" + anchor.headHash();
        given().header("Authorization", auditor()).queryParam("anchor", kept).get("/api/v1/audit/verification").then()
                .statusCode(200).body("valid", equalTo(true)).body("anchorsChecked", greaterThanOrEqualTo(2));
        given().header("Authorization", auditor()).queryParam("anchor", "12:not-a-hash")
                .get("/api/v1/audit/verification").then().statusCode(400);

        // The owner removes the anchored tail: entries, their links and the stored anchors. What remains is a
        // chain whose every link holds.
        try (Connection owner = CoreTestApplication.asOwner(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.executeUpdate("delete from audit_anchor where seq >= " + anchor.seq());
            sql.executeUpdate("create temporary table cut as select audit_id from audit_seal where seq >= "
                    + anchor.seq());
            sql.executeUpdate("delete from audit_seal where seq >= " + anchor.seq());
            sql.executeUpdate("delete from audit_log where id in (select audit_id from cut)");
            owner.commit();
        }
        assertThat(chain.verify().valid()).as("the chain alone cannot tell").isTrue();

        given().header("Authorization", auditor()).queryParam("anchor", kept).get("/api/v1/audit/verification").then()
                .statusCode(200).body("valid", equalTo(false)).body("firstBrokenAnchorSeq", equalTo((int) anchor.seq()));
    }
}

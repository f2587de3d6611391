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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** The audit log is append-only by privilege and tamper-evident by its hash chain; auditors verify and export it. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = CoreTestApplication.DATABASE))
class AuditChainTest {

    @Inject
    AuditChain chain;

    private static String auditor() {
        return TestTokens.bearer("org-oversight", null, "auditor");
    }

    private static String createThing(String name) {
        return given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .header("Homeward-Purpose", "chain-test").contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}").post("/test/things").then().statusCode(201).extract().path("id");
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorRemoveAuditEntries() throws Exception {
        createThing("append-only");
        try (Connection db = CoreTestApplication.asApplication(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_log set purpose = 'rewritten'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_seal"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theStartGuardTellsARoleThatCouldRewriteHistoryFromOneThatCannot() throws Exception {
        try (Connection owner = CoreTestApplication.asOwner(); Connection application = CoreTestApplication.asApplication()) {
            assertThat(mayRewrite(owner)).as("the owner of the tables").isTrue();
            assertThat(mayRewrite(application)).as("the application role").isFalse();
        }
    }

    private static boolean mayRewrite(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             var result = sql.executeQuery(AuditLogGuard.MAY_REWRITE_AUDIT_LOG)) {
            result.next();
            return result.getBoolean(1);
        }
    }

    @Test
    void aChangedEntryBreaksTheChainFromItsLinkOnAndAuditorsAreTold() throws Exception {
        for (int i = 0; i < 5; i++) {
            createThing("chained-" + i);
        }
        given().header("Authorization", auditor()).get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("unsealedEntries", equalTo(0)); // its own entry was sealed first
        chain.sealPending();
        AuditChain.Verification intact = chain.verify();
        assertThat(intact.valid()).isTrue();
        assertThat(intact.unsealedEntries()).isZero();

        long tampered;
        try (Connection owner = CoreTestApplication.asOwner(); Statement sql = owner.createStatement()) {
            var rows = sql.executeQuery("select s.seq, s.audit_id from audit_seal s join audit_log a on a.id = s.audit_id"
                    + " where a.action = 'thing.create' order by s.seq desc limit 1 offset 2");
            rows.next();
            tampered = rows.getLong(1);
            // The owner role can change rows (it ran the migrations); the chain shows that it did.
            sql.executeUpdate("update audit_log set purpose = 'nothing-to-see' where id = " + rows.getLong(2));
        }
        AuditChain.Verification broken = chain.verify();
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(tampered);
        given().header("Authorization", auditor()).get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo((int) tampered));
        try (Connection owner = CoreTestApplication.asOwner(); Statement sql = owner.createStatement()) {
            sql.executeUpdate("update audit_log set purpose = 'chain-test' where purpose = 'nothing-to-see'");
        }
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void anAuditorExportsAPeriodAsJsonLinesWithEachEntrysLink() {
        Instant from = Instant.now().minusSeconds(1);
        String id = createThing("exported");
        chain.sealPending();
        Instant to = Instant.now().plusSeconds(1);
        String lines = given().header("Authorization", auditor()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/audit/export").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<Map<String, Object>> entries = lines.lines().map(line -> io.restassured.path.json.JsonPath.from(line)
                .<String, Object>getMap("")).toList();
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("thing.create");
            assertThat(entry.get("resourceId")).isEqualTo(id);
            assertThat((String) entry.get("hash")).hasSize(64);
            assertThat((String) entry.get("prevHash")).hasSize(64);
        });
        given().header("Authorization", auditor()).queryParam("from", to.toString()).queryParam("to", from.toString())
                .get("/api/v1/audit/export").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("org-ua", "UA", "coordinator"))
                .get("/api/v1/audit/verification").then().statusCode(403);
    }
}

package org.homeward.identification.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention runbook's erasure of a returned case, as the database owner: its DNA profile and its kinship
 * job go with it (the database holds them to the case), so none is left naming nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseErasureTest {

    private static final String EXAMINER = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    /** The runbook's tables, in its order (docs/operators.md, retention and erasure). */
    private static final List<String> RUNBOOK = List.of("family_notification", "identification_proposal",
            "case_closure_proposal", "examination", "custody_entry", "case_history", "remains_case_organisation");

    @Test
    void erasingACaseTakesItsDnaProfileAndKinshipJobWithIt() throws SQLException {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-ERASE", "loci", Map.of("D3S1358", List.of("15", "16"),
                        "TH01", List.of("6", "9.3"))))
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200);
        UUID id = UUID.fromString(caseId);
        try (Connection owner = owner()) {
            assertThat(count(owner, "select count(*) from dna_profile where subject_id = ?", id)).isEqualTo(1);
            owner.setAutoCommit(false);
            for (String table : RUNBOOK) {
                try (PreparedStatement delete = owner.prepareStatement("delete from " + table + " where case_id = ?")) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = owner.prepareStatement("delete from remains_case where id = ?")) {
                delete.setObject(1, id);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            owner.commit();
            assertThat(count(owner, "select count(*) from dna_profile where subject_id = ?", id)).isZero();
            assertThat(count(owner, "select count(*) from kinship_job where subject_id = ?", id)).isZero();
        }
    }

    private static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    private static long count(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

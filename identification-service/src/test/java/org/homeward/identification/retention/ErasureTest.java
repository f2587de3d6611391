package org.homeward.identification.retention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Erasure past retention by two operators, through the API: one asks, a second confirms, and only then is the
 * subject erased with everything recorded about it; audited under the purpose "erasure". The subjects are
 * aged by hand (as the schema's owner): the tests cannot wait ten years.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class ErasureTest {

    private static final String FIRST = TestTokens.bearerOf("operator-kovalenko", "org-ops", null, "operator");
    private static final String SECOND = TestTokens.bearerOf("operator-shevchuk", "org-ops", null, "operator");
    private static final String EXAMINER = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private static RequestSpecification erasing(String token) {
        return as(token).header("Homeward-Purpose", "erasure");
    }

    private static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    private static void asOwner(String sql, UUID id) throws SQLException {
        try (Connection owner = owner(); PreparedStatement statement = owner.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    private static long count(String sql, UUID id) throws SQLException {
        try (Connection owner = owner(); PreparedStatement query = owner.prepareStatement(sql)) {
            for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i++) {
                query.setObject(i, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String ask(String subject, String id) {
        return erasing(FIRST).body(Map.of("subject", subject, "subjectId", id, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().path("id");
    }

    @Test
    void aCaseReturnedTenYearsAgoIsErasedWithItsRecordsOnlyWhenASecondOperatorConfirms() throws SQLException {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        UUID id = UUID.fromString(caseId);
        as(EXAMINER).body(Map.of("sampleId", "PM-ERASE", "loci", Map.of("D3S1358", List.of("15", "16"),
                "TH01", List.of("6", "9.3")))).put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200);

        // Not closed yet: nothing to erase.
        erasing(FIRST).body(Map.of("subject", "CASE", "subjectId", caseId, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422).body("violations.field", hasItem("subjectId"));
        asOwner("update remains_case set status = 'RETURNED', returned_to = 'FAMILY',"
                + " returned_at = now() - interval '10 years 1 day' where id = ?", id);

        as(FIRST).queryParam("subject", "CASE").queryParam("size", 100).get("/api/v1/ops/erasures/due").then()
                .statusCode(200).body("items.id", hasItem(caseId));
        // The purpose is declared, or nothing happens.
        as(FIRST).body(Map.of("subject", "CASE", "subjectId", caseId, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422);
        String request = ask("CASE", caseId);
        erasing(SECOND).body(Map.of("subject", "CASE", "subjectId", caseId, "reason", "Again"))
                .post("/api/v1/ops/erasures").then().statusCode(409);

        // The operator who asked cannot confirm; nor can the second without the purpose.
        erasing(FIRST).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(409);
        as(SECOND).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(422);
        assertThat(count("select count(*) from remains_case where id = ?", id)).isEqualTo(1);

        erasing(SECOND).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(200)
                .body("status", equalTo("DONE")).body("requestedBy", equalTo("operator-kovalenko"))
                .body("confirmedBy", equalTo("operator-shevchuk"));
        for (String table : List.of("remains_case where id", "case_history where case_id",
                "custody_entry where case_id", "remains_case_organisation where case_id",
                "dna_profile where subject_id", "kinship_job where subject_id")) {
            assertThat(count("select count(*) from " + table + " = ?", id)).as(table).isZero();
        }
        as(EXAMINER).get("/api/v1/cases/" + caseId).then().statusCode(404);
        assertThat(count("select count(*) from audit_log where action = 'retention.erased' and resource_id = ?::text"
                + " and purpose = 'erasure' and actor_subject = 'operator-shevchuk'", id)).isEqualTo(1);
        erasing(SECOND).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(409);
    }

    @Test
    void aRegisterEntryGoesWithTheEntriesMergedIntoItAndTheirReports() throws SQLException {
        String surname = "Erasenko-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> report = new java.util.HashMap<>(Map.of("surname", surname, "firstNames", "Taras",
                "script", "Latn", "dateOfBirth", "1990-04-05", "party", "UA", "category", "MILITARY",
                "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"));
        String person = as(UA).body(report).post("/api/v1/missing-persons").then().statusCode(201)
                .extract().path("personId");
        report.put("dateOfBirth", "1990");
        report.put("source", "OPEN_SOURCE");
        report.put("sourceAddress", "https://example.org/obituaries/erasure");
        var probable = as(UA).body(report).post("/api/v1/missing-persons").then().statusCode(201)
                .body("linkage", equalTo("PROBABLE")).extract().jsonPath();
        String merged = probable.getString("personId");
        as(EXAMINER).body(Map.of("decision", "MERGE")).post("/api/v1/missing-persons/reviews/"
                + probable.getString("reviewId") + "/decision").then().statusCode(200);

        UUID id = UUID.fromString(person);
        // Missing for eleven years, then identified today: the change of status dates the entry today (the
        // database's trigger), so it is not yet due.
        asOwner("update missing_person set status_since = now() - interval '11 years' where id = ?", id);
        asOwner("update missing_person set status = 'IDENTIFIED_DEAD' where id = ?", id);
        erasing(FIRST).body(Map.of("subject", "REGISTER_ENTRY", "subjectId", person, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422);
        asOwner("update missing_person set status_since = now() - interval '10 years 1 day' where id = ?", id);

        String request = ask("REGISTER_ENTRY", person);
        // Withdrawn and asked again: a withdrawn request erases nothing.
        as(SECOND).post("/api/v1/ops/erasures/" + request + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        erasing(SECOND).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(409);
        as(FIRST).get("/api/v1/ops/erasures").then().statusCode(200).body("items.id", not(hasItem(request)));
        String again = ask("REGISTER_ENTRY", person);
        erasing(SECOND).post("/api/v1/ops/erasures/" + again + "/confirmation").then().statusCode(200)
                .body("status", equalTo("DONE"));

        for (String entry : List.of(person, merged)) {
            UUID entryId = UUID.fromString(entry);
            assertThat(count("select count(*) from missing_person where id = ?", entryId)).isZero();
            assertThat(count("select count(*) from person_report where person_id = ? or original_person_id = ?",
                    entryId)).isZero();
            assertThat(count("select count(*) from linkage_review where entry_id = ? or candidate_id = ?", entryId))
                    .isZero();
            as(UA).get("/api/v1/missing-persons/" + entry).then().statusCode(404);
        }
    }
}

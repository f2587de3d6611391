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
    private static final String SECOND_EXAMINER = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA",
            "forensic-examiner");

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

    /**
     * Dates a subject's status back, as only the schema's owner can: the database keeps status_since itself
     * (a trigger), so the owner sets it with the trigger off, in one transaction.
     */
    private static void closedLongAgo(String table, UUID id) throws SQLException {
        try (Connection owner = owner()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("alter table " + table + " disable trigger " + table + "_status_changed");
            try (PreparedStatement age = owner.prepareStatement("update " + table
                    + " set status_since = now() - interval '10 years 1 day' where id = ?")) {
                age.setObject(1, id);
                assertThat(age.executeUpdate()).isEqualTo(1);
            }
            owner.createStatement().execute("alter table " + table + " enable trigger " + table + "_status_changed");
            owner.commit();
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
        // A fragment of the same person from another handover, joined to the case by two examiners: it goes with it.
        String fragmentId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        UUID fragment = UUID.fromString(fragmentId);
        as(EXAMINER).body(Map.of("inventory", List.of(Map.of("element", "ULNA", "side", "RIGHT", "count", 1))))
                .post("/api/v1/cases/" + fragmentId + "/post-mortem").then().statusCode(201);
        String join = as(EXAMINER).body(Map.of("fragmentCaseId", fragmentId, "reason", "The right ulna fits"))
                .post("/api/v1/cases/" + caseId + "/join-proposals").then().statusCode(201).extract().path("id");
        as(SECOND_EXAMINER).body(Map.of("decision", "CONFIRM", "reason", "Agreed"))
                .post("/api/v1/cases/" + caseId + "/commingling-proposals/" + join + "/decision").then().statusCode(200);

        // Not closed yet: nothing to erase.
        erasing(FIRST).body(Map.of("subject", "CASE", "subjectId", caseId, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422).body("violations.field", hasItem("subjectId"));
        // Returned, with a handover stated as of eleven years ago: retention runs from when the database saw the
        // status change (today), never from a date a client states.
        asOwner("update remains_case set status = 'RETURNED', returned_to = 'FAMILY',"
                + " returned_at = now() - interval '11 years' where id = ?", id);
        erasing(FIRST).body(Map.of("subject", "CASE", "subjectId", caseId, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422);
        // And the owner's function refuses it too, whoever calls it (a temporary table of the caller named like
        // the case table does not stand in for it: the function's search path puts pg_temp last).
        try (Connection owner = owner()) {
            owner.createStatement().execute("create temporary table remains_case (id uuid, status varchar(30),"
                    + " status_since timestamptz)");
            try (PreparedStatement fake = owner.prepareStatement("insert into pg_temp.remains_case values"
                    + " (?, 'RETURNED', now() - interval '20 years')")) {
                fake.setObject(1, id);
                fake.executeUpdate();
            }
            try (PreparedStatement erase = owner.prepareStatement("select erase_returned_case(?)")) {
                erase.setObject(1, id);
                try (ResultSet result = erase.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).isZero();
                }
            }
        }
        assertThat(count("select count(*) from case_history where case_id = ?", id)).isPositive();
        closedLongAgo("remains_case", id);

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
                "dna_profile where subject_id", "kinship_job where subject_id", "commingling_proposal where case_id")) {
            assertThat(count("select count(*) from " + table + " = ?", id)).as(table).isZero();
        }
        for (String table : List.of("remains_case where id", "case_history where case_id", "post_mortem_record where case_id")) {
            assertThat(count("select count(*) from " + table + " = ?", fragment)).as("the joined fragment's " + table).isZero();
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
        closedLongAgo("missing_person", id);
        asOwner("update missing_person set status = 'IDENTIFIED_DEAD' where id = ?", id);
        erasing(FIRST).body(Map.of("subject", "REGISTER_ENTRY", "subjectId", person, "reason", "Retention ran out"))
                .post("/api/v1/ops/erasures").then().statusCode(422);
        closedLongAgo("missing_person", id);
        // His family's reference donor, with a profile: erased with him.
        String donor = as(EXAMINER).body(Map.of("personId", person, "relationship", "PARENT", "donorName", "Maria",
                        "consent", Map.of("givenBy", "Maria", "givenAt", "2025-06-02T10:00:00Z", "use", "Identification"),
                        "sampleIds", List.of("REF-ERASE-1")))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        UUID donorId = UUID.fromString(donor);
        as(EXAMINER).body(Map.of("sampleId", "REF-ERASE-1", "loci", Map.of("D3S1358", List.of("15", "16"),
                "TH01", List.of("6", "9.3")))).put("/api/v1/donors/" + donor + "/dna-profile").then().statusCode(200);
        assertThat(count("select count(*) from dna_profile where subject_id = ?", donorId)).isEqualTo(1);
        // His ante-mortem record: erased with him.
        as(EXAMINER).body(Map.of("stature", Map.of("range", Map.of("min", 176, "max", 180), "source", "MILITARY_RECORD")))
                .post("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(201);
        // A newer report of him, probably: an open review of another entry whose candidate he is.
        report.put("firstNames", "Taras");
        report.put("sourceAddress", "https://example.org/obituaries/erasure-2");
        var later = as(UA).body(report).post("/api/v1/missing-persons").then().statusCode(201)
                .body("linkage", equalTo("PROBABLE")).extract().jsonPath();

        String request = ask("REGISTER_ENTRY", person);
        // Withdrawn and asked again: a withdrawn request erases nothing.
        as(SECOND).post("/api/v1/ops/erasures/" + request + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("operator-shevchuk"))
                .body("confirmedBy", org.hamcrest.Matchers.nullValue());
        erasing(SECOND).post("/api/v1/ops/erasures/" + request + "/confirmation").then().statusCode(409);
        as(FIRST).get("/api/v1/ops/erasures").then().statusCode(200).body("items.id", not(hasItem(request)));
        String again = ask("REGISTER_ENTRY", person);
        // The open review waits on him: settled first, then the erasure goes through.
        erasing(SECOND).post("/api/v1/ops/erasures/" + again + "/confirmation").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("open linkage review"));
        assertThat(count("select count(*) from missing_person where id = ?", id)).isEqualTo(1);
        as(EXAMINER).body(Map.of("decision", "SEPARATE")).post("/api/v1/missing-persons/reviews/"
                + later.getString("reviewId") + "/decision").then().statusCode(200);
        erasing(SECOND).post("/api/v1/ops/erasures/" + again + "/confirmation").then().statusCode(200)
                .body("status", equalTo("DONE"));
        assertThat(count("select count(*) from family_donor where id = ?", donorId)).isZero();
        assertThat(count("select count(*) from dna_profile where subject_id = ?", donorId)).isZero();
        assertThat(count("select count(*) from ante_mortem_record where person_id = ?", id)).isZero();
        // The later report's own entry stands.
        as(UA).get("/api/v1/missing-persons/" + later.getString("personId")).then().statusCode(200);

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

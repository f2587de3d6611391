package org.homeward.identification.register;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A report whose blocking key holds more entries than one report is compared with (10,000) is not compared
 * with them all: it becomes its own entry with a review naming no candidate, and the reviewer names the entry
 * to merge into after searching. Its service number is still compared, so a numbered soldier is still found.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class OversizedBlockTest {

    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    private static final String LAB = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");

    private static Map<String, Object> report(String surname, String firstNames, String serviceNumber) {
        Map<String, Object> report = new HashMap<>();
        report.put("surname", surname);
        report.put("firstNames", firstNames);
        report.put("script", "Latn");
        report.put("dateOfBirth", "1931-02-03");
        if (serviceNumber != null) {
            report.put("serviceNumber", serviceNumber);
        }
        report.put("party", "UA");
        report.put("category", "MILITARY");
        report.put("source", "FAMILY_REPORT");
        report.put("reportedOn", "2025-06-01");
        return report;
    }

    private static JsonPath submit(Map<String, Object> report) {
        return given().header("Authorization", UA).contentType(ContentType.JSON).body(report)
                .post("/api/v1/missing-persons").then().statusCode(201).extract().jsonPath();
    }

    /** Copies an entry {@code copies} times into its own block, as the schema's owner (no linkage runs). */
    private static void fillItsBlock(String personId, int copies) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
             PreparedStatement copy = owner.prepareStatement("""
                     insert into missing_person (id, status, party, category, surname, first_names, name_script,
                         birth_year, surname_key, given_name_key, blocking_prefix, created_at, version)
                     select gen_random_uuid(), status, party, category, surname, 'Copy ' || g, name_script,
                         birth_year, surname_key, given_name_key || g, blocking_prefix, created_at, 0
                     from missing_person, generate_series(1, ?) g where id = ?""")) {
            copy.setInt(1, copies);
            copy.setObject(2, UUID.fromString(personId));
            assertThat(copy.executeUpdate()).isEqualTo(copies);
        }
    }

    @Test
    void aReportInABlockTooLargeToCompareGoesToReviewAndIsMergedIntoTheEntryTheReviewerNames() throws Exception {
        // A surname prefix of this run alone ("Qx" and two random letters), in one birth year.
        String surname = "Qx" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26)) + "enko";
        String number = "QX-" + UUID.randomUUID().toString().substring(0, 8);
        String first = submit(report(surname, "Taras", number)).getString("personId");
        fillItsBlock(first, 10_000);

        // Named by his service number: still compared with the entries of that number, and found.
        JsonPath again = submit(report(surname, "Taras", number));
        assertThat(again.getString("linkage")).isEqualTo("MATCHED");
        assertThat(again.getString("personId")).isEqualTo(first);

        // His service number with another first name: a conflict with him, the one lead there is, named in the review.
        JsonPath conflicting = submit(report(surname, "Petro", number));
        assertThat(conflicting.getString("linkage")).isEqualTo("CONFLICT");
        given().header("Authorization", LAB).queryParam("personId", conflicting.getString("personId"))
                .get("/api/v1/missing-persons/reviews").then().statusCode(200)
                .body("items.find { it.id == '" + conflicting.getString("reviewId") + "' }.candidateId", equalTo(first));

        // Without one: 10,001 entries share its key, so it is not compared; a reviewer decides.
        JsonPath uncompared = submit(report(surname, "Taras", null));
        assertThat(uncompared.getString("linkage")).isEqualTo("UNCOMPARED");
        String entry = uncompared.getString("personId");
        String review = uncompared.getString("reviewId");
        assertThat(entry).isNotEqualTo(first);
        assertThat(review).isNotNull();
        given().header("Authorization", LAB).queryParam("personId", entry).get("/api/v1/missing-persons/reviews")
                .then().statusCode(200).body("items.find { it.id == '" + review + "' }.outcome", equalTo("UNCOMPARED"))
                .body("items.find { it.id == '" + review + "' }.candidateId", nullValue());

        // A merge must name the entry; only an entry of the party that stands will do.
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(Map.of("decision", "MERGE"))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(422)
                .body("violations.field", hasItem("candidateId"));
        given().header("Authorization", LAB).contentType(ContentType.JSON)
                .body(Map.of("decision", "MERGE", "candidateId", entry))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(422);
        given().header("Authorization", LAB).contentType(ContentType.JSON)
                .body(Map.of("decision", "MERGE", "candidateId", UUID.randomUUID().toString()))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(422);
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + entry).then().body("status", equalTo("MISSING"));

        given().header("Authorization", LAB).contentType(ContentType.JSON)
                .body(Map.of("decision", "MERGE", "candidateId", first))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(200)
                .body("status", equalTo("MERGED")).body("candidateId", equalTo(first));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + entry).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(first));
        given().header("Authorization", LAB).post("/api/v1/missing-persons/reviews/" + review + "/merge-undo").then()
                .statusCode(200).body("status", equalTo("MERGE_UNDONE"));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + entry).then().body("status", equalTo("MISSING"));
    }
}

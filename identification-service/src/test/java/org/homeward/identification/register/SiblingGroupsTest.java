package org.homeward.identification.register;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

/** Brothers missing together, as the register states them: groups join, and nothing else may be stated. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class SiblingGroupsTest {

    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    private static final String RU = TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    private static final String LAB = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");

    private static String person(String token, String party, String firstName) {
        String surname = "Брат-" + Integer.toString((int) (Math.random() * 1_000_000_000), 36);
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("surname", surname, "firstNames", firstName, "script", "Cyrl", "party", party,
                        "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"))
                .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
    }

    private static ValidatableResponse state(String token, String person, String sibling) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("personId", sibling))
                .post("/api/v1/missing-persons/" + person + "/full-siblings").then();
    }

    @Test
    void brothersStatedPairwiseFormOneGroupAndTwoGroupsJoin() {
        String a = person(UA, "UA", "Андрій");
        String b = person(UA, "UA", "Богдан");
        String c = person(UA, "UA", "Василь");
        String d = person(UA, "UA", "Григорій");
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + a + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());

        state(UA, a, b).statusCode(200).body("fullSiblings", containsInAnyOrder(b));
        state(LAB, c, d).statusCode(200).body("fullSiblings", containsInAnyOrder(d));
        // b and c are brothers too: the two groups are one family of four.
        state(UA, b, c).statusCode(200).body("fullSiblings", containsInAnyOrder(a, c, d));
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + d + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", containsInAnyOrder(a, b, c));
        // Said again, nothing changes.
        state(UA, a, b).statusCode(200).body("fullSiblings", containsInAnyOrder(b, c, d));

        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("size", 500).get("/api/v1/audit").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(audit).contains("register.full-siblings.state")
                .contains("register.full-siblings.read");
    }

    /**
     * The register-entry runbook's erasure, as the database owner: a brother's entry goes, and what was stated
     * about him (his sibling group, his children) goes with it instead of stopping the erasure.
     */
    @Test
    void erasingAnEntryTakesWhatWasStatedAboutHimWithIt() throws Exception {
        String erased = person(UA, "UA", "Андрій");
        String brother = person(UA, "UA", "Богдан");
        String son = person(UA, "UA", "Тарас");
        state(UA, erased, brother).statusCode(200);
        given().header("Authorization", UA).contentType(ContentType.JSON).body(Map.of("personId", son))
                .post("/api/v1/missing-persons/" + erased + "/children").then().statusCode(200);
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
             java.sql.Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            String id = "'" + erased + "'";
            long generation = generation(sql);
            sql.executeUpdate("delete from family_donor where person_id = " + id);
            sql.executeUpdate("delete from linkage_review where entry_id = " + id + " or candidate_id = " + id);
            sql.executeUpdate("delete from person_report where person_id = " + id + " or original_person_id = " + id);
            sql.executeUpdate("update prisoner_check set person_id = null where person_id = " + id);
            org.assertj.core.api.Assertions.assertThat(sql.executeUpdate("delete from missing_person where id = " + id))
                    .isEqualTo(1);
            owner.commit();
            // Every replica reloads the party's families: the erased brother is in no one's index any more.
            org.assertj.core.api.Assertions.assertThat(generation(sql)).isGreaterThan(generation);
        }
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + brother + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + erased).then().statusCode(404);
    }

    private static long generation(java.sql.Statement sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rows = sql.executeQuery("select coalesce(max(generation), 0) from kinship_generation"
                + " where party = 'UA' and subject_kind = 'DONOR'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aStatementMadeInErrorIsWithdrawnAndAGroupOfOneIsNoGroup() {
        String a = person(UA, "UA", "Андрій");
        String b = person(UA, "UA", "Богдан");
        String c = person(UA, "UA", "Василь");
        state(UA, a, b).statusCode(200);
        state(UA, b, c).statusCode(200).body("fullSiblings", containsInAnyOrder(a, c));

        given().header("Authorization", LAB).delete("/api/v1/missing-persons/" + c + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + a + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", containsInAnyOrder(b));
        given().header("Authorization", UA).delete("/api/v1/missing-persons/" + a + "/full-siblings").then()
                .statusCode(200);
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + b + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
        // Withdrawn twice, nothing changes; another party's entry is not the caller's to know.
        given().header("Authorization", UA).delete("/api/v1/missing-persons/" + a + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
        given().header("Authorization", RU).delete("/api/v1/missing-persons/" + b + "/full-siblings").then()
                .statusCode(404);
        // And they can be stated again.
        state(UA, c, a).statusCode(200).body("fullSiblings", containsInAnyOrder(a));

        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("size", 500).get("/api/v1/audit").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(audit).contains("register.full-siblings.withdraw");
    }

    private static ValidatableResponse child(String token, String parent, String child) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("personId", child))
                .post("/api/v1/missing-persons/" + parent + "/children").then();
    }

    @Test
    void aFatherAndHisSonMissingTogetherAreStatedAndCanBeWithdrawn() {
        String father = person(UA, "UA", "Петро");
        String son = person(UA, "UA", "Андрій");
        String brother = person(UA, "UA", "Богдан");
        child(UA, father, son).statusCode(200).body("children", containsInAnyOrder(son)).body("parents", empty());
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + son + "/children").then()
                .statusCode(200).body("parents", containsInAnyOrder(father)).body("children", empty());
        // Said again, nothing changes; the other way round, or a brother stated as a son, is refused.
        child(LAB, father, son).statusCode(200).body("children", containsInAnyOrder(son));
        child(UA, son, father).statusCode(422).body("violations.field", hasItem("personId"));
        state(UA, son, brother).statusCode(200);
        child(UA, son, brother).statusCode(422);
        state(UA, father, son).statusCode(422);
        // Joining the father to the son's brothers would make him his son's brother: refused, nothing changes.
        state(UA, father, brother).statusCode(422);
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + father + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
        child(UA, father, father).statusCode(422);
        // Nobody is his own grandfather.
        String grandson = person(UA, "UA", "Остап");
        child(UA, son, grandson).statusCode(200);
        child(UA, grandson, father).statusCode(422);
        state(UA, father, grandson).statusCode(422);
        // A child has two parents at most.
        String mother = person(UA, "UA", "Олена");
        child(UA, mother, son).statusCode(200);
        child(UA, person(UA, "UA", "Іван"), son).statusCode(422);
        // Another party's entry is not the caller's to know.
        child(RU, father, son).statusCode(404);
        given().header("Authorization", RU).delete("/api/v1/missing-persons/" + father + "/children/" + son).then()
                .statusCode(404);

        given().header("Authorization", LAB).delete("/api/v1/missing-persons/" + father + "/children/" + son).then()
                .statusCode(200).body("children", empty());
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + son + "/children").then()
                .statusCode(200).body("parents", containsInAnyOrder(mother));
        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("size", 500).get("/api/v1/audit").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(audit).contains("register.children.state")
                .contains("register.children.read").contains("register.children.withdraw");
    }

    @Test
    void nobodyIsHisOwnBrotherNorABrotherAcrossRegistersOrOutOfScope() {
        String a = person(UA, "UA", "Андрій");
        String ru = person(RU, "RU", "Андрей");
        state(UA, a, a).statusCode(422).body("violations.field", hasItem("personId"));
        // Another party's entry is not the caller's to know: 404, as for one that does not exist.
        state(UA, a, ru).statusCode(404);
        state(UA, a, UUID.randomUUID().toString()).statusCode(404);
        state(RU, a, ru).statusCode(404);
        given().header("Authorization", TestTokens.bearer("org-press", null, "observer"))
                .get("/api/v1/missing-persons/" + a + "/full-siblings").then().statusCode(403);
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + a + "/full-siblings").then()
                .statusCode(200).body("fullSiblings", empty());
    }
}

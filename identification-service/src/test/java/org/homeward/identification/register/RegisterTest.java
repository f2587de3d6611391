package org.homeward.identification.register;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The register of the missing against real PostgreSQL: reports from three sources become one person,
 * two people stay two, a reviewer merges and undoes, and a donor's withdrawn consent erases his data.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class RegisterTest {

    private static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    private static final String LAB = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String SECOND_EXAMINER = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");

    /** A report with a unique surname per test run, so runs and tests never meet each other's people. */
    private static Map<String, Object> report(String surname, String firstNames, String script, String language,
                                              String dateOfBirth, String serviceNumber, String source, String address) {
        Map<String, Object> report = new HashMap<>();
        report.put("surname", surname);
        report.put("firstNames", firstNames);
        report.put("script", script);
        if (language != null) {
            report.put("language", language);
        }
        if (dateOfBirth != null) {
            report.put("dateOfBirth", dateOfBirth);
        }
        if (serviceNumber != null) {
            report.put("serviceNumber", serviceNumber);
        }
        report.put("party", "UA");
        report.put("category", "MILITARY");
        report.put("source", source);
        if (address != null) {
            report.put("sourceAddress", address);
        }
        report.put("reportedOn", "2025-06-01");
        return report;
    }

    private static JsonPath submit(Map<String, Object> report) {
        return given().header("Authorization", UA).contentType(ContentType.JSON).body(report)
                .post("/api/v1/missing-persons").then().statusCode(201).extract().jsonPath();
    }

    /** A surname of its own for each test: Cyrillic and its BGN romanisation, unlike anyone else's. */
    private static String[] uniqueSurname() {
        String[] cyrillic = {"Бурлака", "Гайдамака", "Задорожний", "Кучерявий", "Нечипорук", "Остапчук", "Ярмоленко"};
        String[] latin = {"Burlaka", "Haidamaka", "Zadorozhnyi", "Kucheriavyi", "Nechyporuk", "Ostapchuk", "Iarmolenko"};
        int i = (int) (Math.random() * cyrillic.length);
        String suffix = Integer.toString((int) (Math.random() * 1_000_000), 36);
        return new String[]{cyrillic[i] + "-" + suffix, latin[i] + "-" + suffix};
    }

    @Test
    void aFamilyReportAnOfficialNotificationAndAnOpenSourceReportBecomeOnePersonAndTwoPeopleStayTwo() {
        String[] surname = uniqueSurname();
        String number = "ВС-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath family = submit(report(surname[0], "Тарас Григорович", "Cyrl", "uk", "1991-03-09", number,
                "FAMILY_REPORT", null));
        assertThat(family.getString("linkage")).isEqualTo("NO_MATCH");
        String person = family.getString("personId");

        // The ministry's notification, romanised, with the service number written its own way: the same man.
        JsonPath official = submit(report(surname[1], "Taras", "Latn", null, "1991-03-09",
                number.replace("-", " "), "OFFICIAL_NOTIFICATION", null));
        assertThat(official.getString("linkage")).isEqualTo("MATCHED");
        assertThat(official.getString("personId")).isEqualTo(person);

        // A death announcement gives the name and the year only: probably him, a person decides.
        JsonPath openSource = submit(report(surname[1], "Taras", "Latn", null, "1991", null, "OPEN_SOURCE",
                "https://example.org/obituaries/12345"));
        assertThat(openSource.getString("linkage")).isEqualTo("PROBABLE");
        String announcementEntry = openSource.getString("personId");
        String review = openSource.getString("reviewId");
        JsonPath queue = given().header("Authorization", LAB).queryParam("personId", person)
                .get("/api/v1/missing-persons/reviews").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.id", String.class)).contains(review);
        assertThat(queue.getList("items.find { it.id == '" + review + "' }.reasons", String.class))
                .anyMatch(r -> r.startsWith("surname")).anyMatch(r -> r.startsWith("firstName"))
                .contains("dateOfBirth (YEAR_AGREES)");
        given().header("Authorization", UA).contentType(ContentType.JSON).body(Map.of("decision", "MERGE"))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(403);
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(Map.of("decision", "MERGE"))
                .post("/api/v1/missing-persons/reviews/" + review + "/decision").then().statusCode(200)
                .body("status", equalTo("MERGED"));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + announcementEntry).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(person)).body("reports", hasSize(0));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then().statusCode(200)
                .body("reports.source", equalTo(List.of("FAMILY_REPORT", "OFFICIAL_NOTIFICATION", "OPEN_SOURCE")))
                .body("reports[2].sourceAddress", equalTo("https://example.org/obituaries/12345"))
                .body("surname", equalTo(surname[0])).body("dateOfBirth", equalTo("1991-03-09"));

        // His sister: the same surname and date of birth, another first name: another person.
        JsonPath sister = submit(report(surname[0], "Оксана", "Cyrl", "uk", "1991-03-09", null, "FAMILY_REPORT", null));
        assertThat(sister.getString("linkage")).isEqualTo("NO_MATCH");
        assertThat(sister.getString("personId")).isNotEqualTo(person);

        // The merge is undone: the announcement's entry stands again with exactly its report.
        given().header("Authorization", LAB).post("/api/v1/missing-persons/reviews/" + review + "/merge-undo").then()
                .statusCode(200).body("status", equalTo("MERGE_UNDONE"));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + announcementEntry).then().statusCode(200)
                .body("status", equalTo("MISSING")).body("mergedInto", nullValue())
                .body("reports.source", equalTo(List.of("OPEN_SOURCE")));
        given().header("Authorization", UA).get("/api/v1/missing-persons/" + person).then()
                .body("reports.source", equalTo(List.of("FAMILY_REPORT", "OFFICIAL_NOTIFICATION")));
        given().header("Authorization", LAB).post("/api/v1/missing-persons/reviews/" + review + "/merge-undo").then()
                .statusCode(409);
    }

    @Test
    void theRegisterIsReadOnlyByThePartyAndItsLaboratoriesAndEveryReadIsAudited() {
        String person = submit(report(uniqueSurname()[0], "Петро", "Cyrl", "uk", "1980", null, "FAMILY_REPORT", null))
                .getString("personId");
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator"))
                .get("/api/v1/missing-persons/" + person).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("lab-ru-rostov", "RU", "forensic-examiner"))
                .get("/api/v1/missing-persons/" + person).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary"))
                .get("/api/v1/missing-persons/" + person).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("org-press", null, "observer"))
                .get("/api/v1/missing-persons").then().statusCode(403);
        given().header("Authorization", LAB).get("/api/v1/missing-persons/" + person).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("org-ru-coordination", "RU", "coordinator")).contentType(ContentType.JSON)
                .body(report("Петров", "Петро", "Cyrl", "ru", null, null, "FAMILY_REPORT", null))
                .post("/api/v1/missing-persons").then().statusCode(403);
        given().header("Authorization", UA).contentType(ContentType.JSON)
                .body(report("Петров", "Петро", "Cyrl", "ru", "1990-02-30", null, "OPEN_SOURCE", null))
                .post("/api/v1/missing-persons").then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("Петров")));
        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "lab-ua-kyiv").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertThat(audit).contains("register.read").contains(person);
    }

    @Test
    void withdrawingADonorsConsentErasesHisReferenceDataAndIsAudited() {
        String person = submit(report(uniqueSurname()[0], "Андрій", "Cyrl", "uk", "1999", null, "FAMILY_REPORT", null))
                .getString("personId");
        Map<String, Object> donor = Map.of("personId", person, "relationship", "PARENT", "donorName", "Марія",
                "consent", Map.of("givenBy", "Марія", "givenAt", "2025-06-02T10:00:00Z", "use", "Identification of her son"),
                "sampleIds", List.of("REF-0001", "REF-0002"));
        given().header("Authorization", UA).contentType(ContentType.JSON).body(donor).post("/api/v1/donors").then()
                .statusCode(403);
        // A donor registered without the samples his consent covers could have any profile filed under him.
        Map<String, Object> withoutSamples = new java.util.HashMap<>(donor);
        withoutSamples.put("sampleIds", List.of());
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(withoutSamples).post("/api/v1/donors")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem(containsString("sampleIds")));
        String id = given().header("Authorization", LAB).contentType(ContentType.JSON).body(donor).post("/api/v1/donors")
                .then().statusCode(201).body("status", equalTo("CONSENTED")).body("donorName", nullValue())
                .extract().path("id");
        given().header("Authorization", LAB).queryParam("personId", person).get("/api/v1/donors").then().statusCode(200)
                .body("[0].sampleIds", hasSize(2)).body("[0].relationship", equalTo("PARENT"));
        // Another party's laboratory: the donor does not exist for it, and the answer names no one else.
        Map<String, String> reason = Map.of("reason", "The family asked for the sample to be destroyed");
        given().header("Authorization", TestTokens.bearer("lab-md-chisinau", "MD", "forensic-examiner"))
                .contentType(ContentType.JSON).body(reason)
                .post("/api/v1/donors/" + id + "/consent-withdrawal").then().statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString(person)));
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/v1/donors/" + id + "/consent-withdrawal").then().statusCode(400);
        // One examiner records it; the references stand until a second examiner confirms.
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/donors/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("CONSENTED")).body("withdrawalRequestedBy", equalTo("examiner-hnatiuk"))
                .body("withdrawalReason", equalTo(reason.get("reason"))).body("sampleIds", hasSize(2));
        given().header("Authorization", LAB).post("/api/v1/donors/" + id + "/consent-withdrawal/confirmation").then()
                .statusCode(422).body("detail", containsString("Four eyes"));
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/donors/" + id + "/consent-withdrawal").then().statusCode(409);
        given().header("Authorization", SECOND_EXAMINER).post("/api/v1/donors/" + id + "/consent-withdrawal/confirmation")
                .then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("donorName", nullValue()).body("relationship", nullValue())
                .body("sampleIds", hasSize(0)).body("withdrawnAt", org.hamcrest.Matchers.notNullValue())
                .body("withdrawnBy", equalTo("examiner-melnyk")).body("withdrawalReason", equalTo(reason.get("reason")));
        given().header("Authorization", LAB).queryParam("personId", person).get("/api/v1/donors").then().statusCode(200)
                .body("[0].donorName", nullValue()).body("[0].consentGivenBy", nullValue());
        given().header("Authorization", SECOND_EXAMINER).post("/api/v1/donors/" + id + "/consent-withdrawal/confirmation")
                .then().statusCode(409);
        given().header("Authorization", LAB).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/donors/" + id + "/consent-withdrawal").then().statusCode(409);
        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "lab-ua-kyiv").queryParam("size", 500).get("/api/v1/audit").then()
                .extract().asString();
        assertThat(audit).contains("donor.consent-withdrawal.requested").contains("donor.consent-withdrawn.erased")
                .contains(id).doesNotContain("Марія");
    }
}

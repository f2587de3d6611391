package org.homeward.identification.dvi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The DVI records and their reconciliation through the API, against real PostgreSQL and Kafka: versions and history,
 * the ranking with its reasons, who may read and write them, and hostile input that changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class DviRecordsTest {

    static final String EXAMINER = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String OTHER_LAB = TestTokens.bearerOf("examiner-sokol", "lab-ua-dnipro", "UA", "forensic-examiner");
    private static final String RU_LAB = TestTokens.bearerOf("examiner-rostov", "lab-ru-rostov", "RU", "forensic-examiner");
    static final String UA = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    private static final String RU = TestTokens.bearer("org-ru-coordination", "RU", "coordinator");

    /** The chart of the missing person the story's remains are: 4 points of concordance with the remains'. */
    static final List<Map<String, Object>> CHART = List.of(
            Map.of("tooth", 16, "state", "PRESENT", "filling", "MOD"),
            Map.of("tooth", 26, "state", "PRESENT", "filling", "O"),
            Map.of("tooth", 36, "state", "MISSING_ANTE_MORTEM"),
            Map.of("tooth", 21, "state", "PRESENT", "crown", true, "rootCanal", true),
            Map.of("tooth", 11, "state", "PRESENT"));

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    static String person(String firstName, String sex, String birth) {
        Map<String, Object> report = new HashMap<>(Map.of("surname", "ДВІ-" + Integer.toString((int) (Math.random() * 1e9), 36),
                "firstNames", firstName, "script", "Cyrl", "language", "uk", "party", "UA", "category", "MILITARY",
                "source", "FAMILY_REPORT", "reportedOn", "2025-06-01", "dateOfBirth", birth));
        report.put("sex", sex);
        return as(UA).body(report).post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
    }

    private static JsonPath reconciliation(String caseId) {
        return as(EXAMINER).queryParam("limit", 200).get("/api/v1/cases/" + caseId + "/reconciliation").then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> candidate(JsonPath reconciliation, String person) {
        return reconciliation.<Map<String, Object>>getList("candidates").stream()
                .filter(c -> c.get("missingPersonId").equals(person)).findFirst().orElseThrow();
    }

    @Test
    void recordsAreVersionsAndTheReconciliationRanksThePersonsWithItsReasons() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String right = person("Андрій", "MALE", "1995-04-01");
        String extracted = person("Богдан", "MALE", "1994-02-02");
        String woman = person("Олена", "FEMALE", "1996-03-03");
        as(EXAMINER).body(Map.of("disappearedOn", Map.of("date", "2024-08-01", "source", "MILITARY_RECORD"),
                        "stature", Map.of("range", Map.of("min", 178, "max", 178), "source", "MILITARY_RECORD"),
                        "dental", Map.of("teeth", CHART, "chartedOn", "2023-03-01", "source", "DENTAL_RECORD"),
                        "marks", List.of(Map.of("kind", "TATTOO", "region", "LEFT_FOREARM", "description", "Trident 2014",
                                "source", "FAMILY_INTERVIEW"))))
                .post("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(201)
                .body("version", equalTo(1)).body("record.dental.source", equalTo("DENTAL_RECORD"));
        as(EXAMINER).body(Map.of("dental", Map.of("teeth", List.of(Map.of("tooth", 16, "state", "MISSING_ANTE_MORTEM")),
                        "source", "DENTAL_RECORD")))
                .post("/api/v1/missing-persons/" + extracted + "/ante-mortem").then().statusCode(201);
        as(EXAMINER).body(Map.of("stature", Map.of("range", Map.of("min", 155, "max", 160), "source", "FAMILY_INTERVIEW")))
                .post("/api/v1/missing-persons/" + woman + "/ante-mortem").then().statusCode(201);

        // The anthropologist's findings first, the odontologist's chart from his examination next.
        as(EXAMINER).body(Map.of("sex", Map.of("value", "MALE", "method", "Pelvic morphology"),
                        "age", Map.of("range", Map.of("min", 25, "max", 35), "method", "Pubic symphysis"),
                        "stature", Map.of("range", Map.of("min", 172, "max", 182), "method", "Femur, Trotter-Gleser")))
                .post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(201).body("version", equalTo(1));
        String examination = as(EXAMINER).body(Map.of("kind", "ODONTOLOGY", "examiner", "Dr. Hnatiuk",
                        "examinedOn", "2025-06-13", "method", "Dental charting", "findings", "Charted on the DVI form"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(201).extract().path("id");
        as(EXAMINER).header("Idempotency-Key", "pm-dental-" + caseId).body(Map.of("dental", CHART, "examinationId", examination,
                        "marks", List.of(Map.of("kind", "TATTOO", "region", "LEFT_FOREARM", "description", "trident, 2014"))))
                .post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(201).body("version", equalTo(2));
        // Sent again with its key: the same version, not a third.
        as(EXAMINER).header("Idempotency-Key", "pm-dental-" + caseId).body(Map.of("dental", CHART, "examinationId", examination,
                        "marks", List.of(Map.of("kind", "TATTOO", "region", "LEFT_FOREARM", "description", "trident, 2014"))))
                .post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(201).body("version", equalTo(2));

        as(EXAMINER).get("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(200)
                .body("history", hasSize(2))
                .body("history[0].sections", equalTo(List.of("sex", "age", "stature")))
                .body("history[0].record.dental", nullValue())
                .body("history[1].sections", equalTo(List.of("dental", "marks")))
                .body("history[1].examinationId", equalTo(examination))
                .body("current.sex.value", equalTo("MALE")).body("current.dental", hasSize(5))
                .body("current.age.range.min", equalTo(25));
        as(EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("UNDER_EXAMINATION"));

        JsonPath ranked = reconciliation(caseId);
        assertThat(ranked.getInt("postMortemVersion")).isEqualTo(2);
        assertThat(ranked.getString("candidates[0].missingPersonId")).isEqualTo(right);
        Map<String, Object> best = candidate(ranked, right);
        assertThat(best).containsEntry("strength", "PRIMARY").containsEntry("dentalPoints", 4)
                .containsEntry("primaryIdentifiers", List.of("ODONTOLOGY")).containsEntry("anteMortemVersion", 1);
        assertThat(best.get("concordances").toString()).contains("MARKS", "tooth 16").doesNotContain("STATURE");
        Map<String, Object> excluded = candidate(ranked, extracted);
        assertThat(excluded).containsEntry("strength", "EXCLUDED");
        assertThat(excluded.get("exclusions").toString()).contains("ODONTOLOGY", "unexplainable discrepancy, tooth 16");
        Map<String, Object> otherSex = candidate(ranked, woman);
        assertThat(otherSex.get("exclusions").toString()).contains("SEX", "STATURE");
        List<String> order = ranked.getList("candidates.missingPersonId");
        assertThat(order.indexOf(right)).isLessThan(order.indexOf(extracted)).isLessThan(order.size());

        // A correction of the ante-mortem record is its next version; the first stays in the history.
        as(EXAMINER).body(Map.of("stature", Map.of("range", Map.of("min", 176, "max", 180), "source", "MEDICAL_RECORD")))
                .post("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(201).body("version", equalTo(2))
                .body("record.dental.teeth", hasSize(5));
        as(EXAMINER).get("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(200)
                .body("history", hasSize(2)).body("history[0].record.stature.source", equalTo("MILITARY_RECORD"))
                .body("current.stature.source", equalTo("MEDICAL_RECORD"));

        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "lab-ua-kyiv").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertThat(audit).contains("case.post-mortem.record", "case.reconciliation.read", "register.ante-mortem.read",
                "register.ante-mortem.record", right).doesNotContain("Андрій", "Trident");
    }

    @Test
    void onlyTheLaboratoryReadsAndWritesTheRecords() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String person = person("Василь", "MALE", "1990-01-01");
        Map<String, Object> stature = Map.of("stature", Map.of("range", Map.of("min", 170, "max", 175), "method", "Femur"));
        // The case's own laboratory only: another laboratory of the party does not see the case, its coordinators may not.
        as(OTHER_LAB).body(stature).post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(404);
        as(UA).body(stature).post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(403);
        as(RU).get("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(403);
        as(UA).get("/api/v1/cases/" + caseId + "/reconciliation").then().statusCode(403);
        as(RU_LAB).get("/api/v1/cases/" + caseId + "/reconciliation").then().statusCode(404);
        // Ante-mortem records follow the DNA column: the party's laboratories, not its coordinators; another party's
        // entry does not exist.
        Map<String, Object> am = Map.of("stature", Map.of("range", Map.of("min", 170, "max", 175), "source", "FAMILY_INTERVIEW"));
        as(UA).body(am).post("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(403);
        as(UA).get("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(403);
        as(RU_LAB).body(am).post("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(404);
        as(RU_LAB).get("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(404);
        as(RU).get("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(403);
        as(OTHER_LAB).body(am).post("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(201);
        as(EXAMINER).get("/api/v1/missing-persons/" + person + "/ante-mortem").then().statusCode(200).body("history", hasSize(1));
        as(EXAMINER).get("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(200).body("history", hasSize(0))
                .body("current", nullValue());
        as(EXAMINER).get("/api/v1/cases/" + caseId + "/reconciliation").then().statusCode(200)
                .body("postMortemVersion", nullValue()).body("candidates", hasSize(0));
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String otherCase = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String person = person("Григорій", "MALE", "1991-01-01");
        String otherExamination = as(EXAMINER).body(Map.of("kind", "ANTHROPOLOGY", "examiner", "Dr. Hnatiuk",
                        "examinedOn", "2025-06-13", "method", "Inventory", "findings", "Complete skeleton"))
                .post("/api/v1/cases/" + otherCase + "/examinations").then().statusCode(201).extract().path("id");
        String pm = "/api/v1/cases/" + caseId + "/post-mortem";
        problem(pm, Map.of(), 422, "at least one section");
        problem(pm, Map.of("dental", List.of(Map.of("tooth", 19, "state", "PRESENT"))), 422, "FDI");
        problem(pm, Map.of("dental", List.of(Map.of("tooth", 16, "state", "PRESENT"), Map.of("tooth", 16, "state", "PRESENT"))),
                422, "charted twice");
        problem(pm, Map.of("dental", List.of(Map.of("tooth", 16, "state", "IMPLANT", "filling", "O"))), 422, "PRESENT");
        problem(pm, Map.of("dental", List.of(Map.of("tooth", 16, "state", "PRESENT", "filling", "X"))), 400, "filling");
        problem(pm, Map.of("dental", List.of(Map.of("tooth", 16, "state", "ROTTEN"))), 400, null);
        problem(pm, Map.of("age", Map.of("range", Map.of("min", 40, "max", 30), "method", "x")), 422, "range");
        problem(pm, Map.of("age", Map.of("range", Map.of("min", 40, "max", 200), "method", "x")), 422, "130");
        problem(pm, Map.of("stature", Map.of("range", Map.of("min", 170, "max", 175), "method", "x"), "colour", "red"), 400, null);
        problem(pm, Map.of("sex", Map.of("value", "MALE", "method", "x\u0000")), 400, "sex.method");
        problem(pm, Map.of("marks", List.of(Map.of("kind", "SCAR", "region", "CHEST", "description", "x",
                "source", "FAMILY_INTERVIEW"))), 422, "no source");
        problem(pm, Map.of("fingerprints", Map.of("taken", false, "comparisons", List.of(Map.of("missingPersonId", person,
                "result", "IDENTIFICATION", "afisReference", "AFIS-1", "comparedOn", "2025-06-12")))), 422, "could not be taken");
        problem(pm, Map.of("fingerprints", Map.of("taken", true, "comparisons", List.of(Map.of("missingPersonId",
                UUID.randomUUID().toString(), "result", "IDENTIFICATION", "afisReference", "AFIS-1",
                "comparedOn", "2025-06-12")))), 422, "No missing person");
        String other = person("Гнат", "MALE", "1992-02-02");
        problem(pm, Map.of("fingerprints", Map.of("taken", true, "comparisons", List.of(
                Map.of("missingPersonId", person, "result", "IDENTIFICATION", "afisReference", "AFIS-1", "comparedOn", "2025-06-12"),
                Map.of("missingPersonId", other, "result", "IDENTIFICATION", "afisReference", "AFIS-2", "comparedOn", "2025-06-12")))),
                422, "identify one person");
        problem(pm, Map.of("fingerprints", Map.of("taken", true, "comparisons", List.of(Map.of("missingPersonId", person,
                "result", "IDENTIFICATION", "afisReference", "AFIS-1", "comparedOn", "2999-06-12")))), 400, "comparedOn");
        problem(pm, Map.of("stature", Map.of("range", Map.of("min", 170, "max", 175), "method", "x"),
                "examinationId", otherExamination), 422, "No examination");
        as(EXAMINER).body("{\"age\": {\"range\": {\"min\": 1, \"min\": 2}}}").post(pm).then().statusCode(400)
                .contentType("application/problem+json");
        as(EXAMINER).get(pm).then().statusCode(200).body("history", hasSize(0));
        as(EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("RECEIVED"));
        as(EXAMINER).queryParam("limit", 0).get("/api/v1/cases/" + caseId + "/reconciliation").then().statusCode(400);
        as(EXAMINER).queryParam("limit", "many").get("/api/v1/cases/" + caseId + "/reconciliation").then().statusCode(400);

        String am = "/api/v1/missing-persons/" + person + "/ante-mortem";
        problem(am, Map.of("marks", List.of(Map.of("kind", "SCAR", "region", "CHEST", "description", "x"))), 422, "source");
        problem(am, Map.of("dental", Map.of("teeth", List.of(Map.of("tooth", 48, "state", "PRESENT")))), 400, "dental.source");
        problem(am, Map.of("disappearedOn", Map.of("date", "2999-01-01", "source", "FAMILY_INTERVIEW")), 400, "disappearedOn.date");
        problem(am, Map.of("sex", "MALE"), 400, null);
        as(EXAMINER).get(am).then().statusCode(200).body("history", hasSize(0));
    }

    private static void problem(String path, Object body, int status, String detail) {
        var response = as(EXAMINER).body(body).post(path).then().statusCode(status).contentType("application/problem+json");
        if (detail != null) {
            response.body(containsString(detail));
        }
    }
}

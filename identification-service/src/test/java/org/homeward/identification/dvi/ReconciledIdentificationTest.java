package org.homeward.identification.dvi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import io.restassured.path.json.JsonPath;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.homeward.identification.dvi.DviRecordsTest.CHART;
import static org.homeward.identification.dvi.DviRecordsTest.EXAMINER;
import static org.homeward.identification.dvi.DviRecordsTest.as;
import static org.homeward.identification.dvi.DviRecordsTest.person;

/**
 * Identifications beyond DNA rest on the reconciliation (INTERPOL's primary identifiers): by odontology or fingerprints
 * only for the person the reconciliation carries, checked again when the second examiner confirms; by VISUAL or
 * DOCUMENTS alone only where the party's policy accepts them.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class ReconciledIdentificationTest {

    private static final String SECOND = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String RU_LAB = TestTokens.bearerOf("examiner-rostov", "lab-ru-rostov", "RU", "forensic-examiner");

    private static Map<String, Object> proposal(String method, String person) {
        Map<String, Object> body = new HashMap<>(Map.of("method", method, "evidence", "Dental records of the family dentist",
                "establishedIdentity", Map.of("surname", "Коваленко", "nationality", "UA")));
        if (person != null) {
            body.put("missingPersonId", person);
        }
        return body;
    }

    @Test
    void anOdontologicalIdentificationNamesOnlyThePersonTheReconciliationCarries() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String right = person("Андрій", "MALE", "1995-04-01");
        String fewPoints = person("Борис", "MALE", "1995-04-01");
        String excluded = person("Олена", "FEMALE", "1995-04-01");
        as(EXAMINER).body(Map.of("dental", Map.of("teeth", CHART, "source", "DENTAL_RECORD")))
                .post("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(201);
        as(EXAMINER).body(Map.of("dental", Map.of("teeth", CHART.subList(0, 2), "source", "DENTAL_RECORD")))
                .post("/api/v1/missing-persons/" + fewPoints + "/ante-mortem").then().statusCode(201);
        String proposals = "/api/v1/cases/" + caseId + "/proposals";
        // Before any post-mortem record there is nothing to rest on.
        as(EXAMINER).body(Map.of("kind", "ODONTOLOGY", "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-13",
                "method", "Dental charting", "findings", "Charted")).post("/api/v1/cases/" + caseId + "/examinations")
                .then().statusCode(201);
        as(EXAMINER).body(proposal("ODONTOLOGY", right)).post(proposals).then().statusCode(422)
                .body("detail", containsString("post-mortem record first"));
        as(EXAMINER).body(Map.of("sex", Map.of("value", "MALE", "method", "Pelvis"), "dental", CHART))
                .post("/api/v1/cases/" + caseId + "/post-mortem").then().statusCode(201);

        as(EXAMINER).body(proposal("ODONTOLOGY", null)).post(proposals).then().statusCode(422)
                .body("violations[0].field", equalTo("missingPersonId"));
        as(EXAMINER).body(proposal("ODONTOLOGY", excluded)).post(proposals).then().statusCode(422)
                .body("detail", containsString("excludes this person: SEX"));
        as(EXAMINER).body(proposal("ODONTOLOGY", fewPoints)).post(proposals).then().statusCode(422)
                .body("detail", containsString("2 dental point(s), 4 needed"));
        as(EXAMINER).body(proposal("FINGERPRINTS", right)).post(proposals).then().statusCode(422)
                .body("detail", containsString("primary identifiers are [ODONTOLOGY]"));
        as(EXAMINER).body(proposal("DNA", right)).post(proposals).then().statusCode(422)
                .body("detail", containsString("by DNA it is not"));
        as(EXAMINER).body(proposal("ODONTOLOGY", java.util.UUID.randomUUID().toString())).post(proposals).then()
                .statusCode(422).body("detail", containsString("No missing person"));
        // The identity established is the reconciled person's: his register entry's date of birth, not another.
        Map<String, Object> otherBirth = proposal("ODONTOLOGY", right);
        otherBirth.put("establishedIdentity", Map.of("surname", "Коваленко", "nationality", "UA", "dateOfBirth", "1971-01-01"));
        as(EXAMINER).body(otherBirth).post(proposals).then().statusCode(422)
                .body("violations[0].field", equalTo("establishedIdentity.dateOfBirth"));
        as(EXAMINER).get(proposals).then().statusCode(200).body("size()", equalTo(0));

        String proposal = as(EXAMINER).body(proposal("ODONTOLOGY", right)).post(proposals).then().statusCode(201)
                .body("missingPersonId", equalTo(right))
                .body("evidence", containsString("PRIMARY by [ODONTOLOGY], 4 dental point(s)"))
                .body("evidence", containsString("tooth 16: ante-mortem filling MOD"))
                .body("evidence", containsString("post-mortem record version 1, ante-mortem record version 1"))
                .extract().path("id");

        // The family's dentist sends a corrected chart: tooth 16 was pulled. The reconciliation now excludes him, and
        // the second examiner cannot confirm what it no longer says.
        as(EXAMINER).body(Map.of("dental", Map.of("teeth", List.of(Map.of("tooth", 16, "state", "MISSING_ANTE_MORTEM"),
                        CHART.get(1), CHART.get(2), CHART.get(3)), "source", "DENTAL_RECORD")))
                .post("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(201);
        as(SECOND).body(Map.of("decision", "CONFIRM")).post(proposals + "/" + proposal + "/decision").then().statusCode(409)
                .body("detail", containsString("no longer carries this proposal"));
        as(SECOND).body(Map.of("decision", "REJECT", "reason", "The corrected chart excludes him"))
                .post(proposals + "/" + proposal + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("UNDER_EXAMINATION"));
    }

    @Test
    void theBoardListsTheLaboratorysOpenCasesWithTheirBestCandidateByMethodAndStrength() {
        RemainsHandover handover = RemainsHandover.ruToUa(3);
        List<String> cases = OpenedCases.of(handover, 3);
        // Other tests' persons share the common chart; an implant on 47 is this one's own (a fifth point).
        String right = person("Дмитро", "MALE", "1990-05-05");
        List<Map<String, Object>> chart = new java.util.ArrayList<>(CHART);
        chart.add(Map.of("tooth", 47, "state", "IMPLANT"));
        as(EXAMINER).body(Map.of("dental", Map.of("teeth", chart, "source", "DENTAL_RECORD")))
                .post("/api/v1/missing-persons/" + right + "/ante-mortem").then().statusCode(201);
        as(EXAMINER).body(Map.of("dental", chart)).post("/api/v1/cases/" + cases.get(0) + "/post-mortem").then().statusCode(201);
        // A body whose record concords with nobody: on the board, with no candidate. The third has no record.
        as(EXAMINER).body(Map.of("dental", List.of(Map.of("tooth", 48, "state", "PONTIC"))))
                .post("/api/v1/cases/" + cases.get(1) + "/post-mortem").then().statusCode(201);

        JsonPath board = as(EXAMINER).queryParam("agreementId", handover.agreementId.toString())
                .get("/api/v1/reconciliation-board").then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("items.caseId")).containsExactly(cases.get(0), cases.get(1));
        assertThat(board.getString("items[0].reconciliation.missingPersonId")).isEqualTo(right);
        assertThat(board.getString("items[0].reconciliation.strength")).isEqualTo("PRIMARY");
        assertThat(board.getList("items[0].reconciliation.primaryIdentifiers")).containsExactly("ODONTOLOGY");
        assertThat(board.getInt("items[0].reconciliation.dentalPoints")).isEqualTo(5);
        assertThat(board.getInt("items[0].reconciliation.primaryCandidates")).as("him, and whoever else shares the chart")
                .isGreaterThanOrEqualTo(1);
        assertThat(board.getString("items[0].dna")).isNull();
        assertThat(board.getString("items[1].reconciliation")).isNull();
        as(EXAMINER).queryParam("agreementId", handover.agreementId.toString()).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/reconciliation-board").then().statusCode(200).body("items.caseId", equalTo(List.of(cases.get(1))))
                .body("hasMore", equalTo(false));
        // Another laboratory's board of the same agreement is empty; the agreement is required.
        as(RU_LAB).queryParam("agreementId", handover.agreementId.toString()).get("/api/v1/reconciliation-board").then()
                .statusCode(200).body("items.size()", equalTo(0));
        as(EXAMINER).get("/api/v1/reconciliation-board").then().statusCode(400);
        as(TestTokens.bearer("org-ua-coordination", "UA", "coordinator"))
                .queryParam("agreementId", handover.agreementId.toString()).get("/api/v1/reconciliation-board").then()
                .statusCode(403);
    }

    @Test
    void visualRecognitionOrDocumentsAloneIdentifyNobodyUnlessThePartysPolicyAcceptsThem() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        as(EXAMINER).body(Map.of("kind", "DOCUMENTS", "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-13",
                "method", "Pockets", "findings", "Military ID")).post("/api/v1/cases/" + caseId + "/examinations")
                .then().statusCode(201);
        for (String method : List.of("VISUAL", "DOCUMENTS")) {
            as(EXAMINER).body(proposal(method, null)).post("/api/v1/cases/" + caseId + "/proposals").then()
                    .statusCode(422).body("detail", containsString("primary identifiers are fingerprints, odontology and DNA"));
        }
        // RU's policy (the tests' configuration) accepts VISUAL on its own, and only VISUAL.
        String ruCase = OpenedCases.of(RemainsHandover.uaToRu(1), 1).get(0);
        as(RU_LAB).body(Map.of("kind", "ANTHROPOLOGY", "examiner", "Dr. R", "examinedOn", "2025-06-13",
                "method", "Inspection", "findings", "Face recognisable")).post("/api/v1/cases/" + ruCase + "/examinations")
                .then().statusCode(201);
        as(RU_LAB).body(proposal("DOCUMENTS", null)).post("/api/v1/cases/" + ruCase + "/proposals").then().statusCode(422);
        as(RU_LAB).body(proposal("VISUAL", null)).post("/api/v1/cases/" + ruCase + "/proposals").then().statusCode(201)
                .body("method", equalTo("VISUAL"));
    }
}

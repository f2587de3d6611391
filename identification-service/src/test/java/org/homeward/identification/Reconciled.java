package org.homeward.identification;

import io.restassured.http.ContentType;
import org.homeward.local.infra.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * A missing person the reconciliation identifies a case's remains with, by a fingerprint comparison recorded on the
 * case's post-mortem record: what a proposal by FINGERPRINTS (or ODONTOLOGY, COMBINED) must rest on.
 */
public final class Reconciled {

    private static final String COORDINATOR = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    /** One person per case, so that a second proposal rests on the same comparison as the first. */
    private static final Map<String, String> PERSON_OF_CASE = new ConcurrentHashMap<>();

    private Reconciled() {
    }

    /** The person's id (a UA register entry made for the case), recorded as identified by the case's prints. */
    public static String byFingerprints(String caseId, String examiner) {
        return PERSON_OF_CASE.computeIfAbsent(caseId, id -> {
            String person = given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                    .body(Map.of("surname", "Відбиток-" + id.substring(0, 8), "script", "Cyrl", "language", "uk",
                            "party", "UA", "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"))
                    .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
            given().header("Authorization", examiner).contentType(ContentType.JSON)
                    .body(Map.of("fingerprints", Map.of("taken", true, "comparisons", List.of(Map.of("missingPersonId", person,
                            "result", "IDENTIFICATION", "afisReference", "AFIS-" + id.substring(0, 8),
                            "comparedOn", "2025-06-12")))))
                    .post("/api/v1/cases/" + id + "/post-mortem").then().statusCode(201);
            return person;
        });
    }
}

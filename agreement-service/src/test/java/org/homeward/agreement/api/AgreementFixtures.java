package org.homeward.agreement.api;

import io.restassured.http.ContentType;
import org.homeward.local.infra.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Requests shared by the agreement component tests: the reference story's agreement, signed and active. */
public final class AgreementFixtures {

    private AgreementFixtures() {
    }

    public static String ua() {
        return TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    }

    public static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    /** The Istanbul terms of DESIGN.md 1, as a partner would send them. */
    public static String istanbulWithTerms(String reference, String effectiveDate) {
        return """
                {"reference": "%s", "title": "Istanbul exchange of 2 June 2025", "concludedOn": "2025-06-02",
                 "venue": "Istanbul", "effectiveDate": "%s",
                 "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                 "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"],
                 "terms": [
                   {"kind": "POW_EXCHANGE", "fromParty": "UA", "toParty": "RU", "basis": "ALL_FOR_ALL", "category": "SERIOUSLY_WOUNDED_OR_SICK"},
                   {"kind": "POW_EXCHANGE", "fromParty": "RU", "toParty": "UA", "basis": "ALL_FOR_ALL", "category": "SERIOUSLY_WOUNDED_OR_SICK"},
                   {"kind": "POW_EXCHANGE", "fromParty": "UA", "toParty": "RU", "basis": "ALL_FOR_ALL", "category": "AGED_18_TO_25",
                    "referenceDate": "2025-06-02"},
                   {"kind": "POW_EXCHANGE", "fromParty": "RU", "toParty": "UA", "basis": "ALL_FOR_ALL", "category": "AGED_18_TO_25",
                    "referenceDate": "2025-06-02"},
                   {"key": "remains-ru-ua", "kind": "REMAINS_REPATRIATION", "fromParty": "RU", "toParty": "UA", "basis": "N_FOR_N",
                    "quantity": 6000, "reciprocal": "remains-ua-ru", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0},
                   {"key": "remains-ua-ru", "kind": "REMAINS_REPATRIATION", "fromParty": "UA", "toParty": "RU", "basis": "N_FOR_N",
                    "quantity": 6000, "reciprocal": "remains-ru-ua", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0}
                 ]}""".formatted(reference, effectiveDate);
    }

    public static String create(String body) {
        return given().header("Authorization", ua()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
    }

    public static void sign(String id, String token) {
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "A. Signatory", "signatoryTitle", "Head of delegation"))
                .post("/api/v1/agreements/" + id + "/signatures").then().statusCode(200);
    }

    /** An agreement with the Istanbul terms, signed by both parties and ACTIVE. */
    public static String activeIstanbul(String reference) {
        String id = create(istanbulWithTerms(reference, "2025-06-07"));
        sign(id, ua());
        sign(id, ru());
        return id;
    }
}

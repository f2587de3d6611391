package org.homeward.identification.kinship;

import io.restassured.http.ContentType;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.local.infra.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The register entries, donors and profiles the kinship tests record through the API. */
final class KinshipRequests {

    static final String COORDINATOR = TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    static final String EXAMINER = TestTokens.bearerNamed("examiner-hnatiuk", "Олена Гнатюк", "lab-ua-kyiv", "UA",
            "forensic-examiner");

    private KinshipRequests() {
    }

    static String person(String firstName) {
        String surname = "Кінш-" + Integer.toString((int) (Math.random() * 1_000_000_000), 36);
        return given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("surname", surname, "firstNames", firstName, "script", "Cyrl", "language", "uk",
                        "party", "UA", "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"))
                .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
    }

    static Map<String, Object> donorRequest(String person, String relationship) {
        return Map.of("personId", person, "relationship", relationship, "donorName", "Родич",
                "consent", Map.of("givenBy", "Родич", "givenAt", "2025-06-02T10:00:00Z", "use", "Identification"),
                "sampleIds", List.of("REF-" + person.substring(0, 8)));
    }

    static String donor(String person, String relationship) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(donorRequest(person, relationship)).post("/api/v1/donors").then().statusCode(201).extract().path("id");
    }

    static String donorWithProfile(String person, String relationship, StrProfile profile) {
        String donor = donor(person, relationship);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "REF-" + person.substring(0, 8), "loci", loci(profile)))
                .put("/api/v1/donors/" + donor + "/dna-profile").then().statusCode(200).body("lociTyped", equalTo(profile.loci().size()));
        return donor;
    }

    /** The remains' profile; a degraded one (drop-out above 0) is recorded with its drop-out probability. */
    static void recordCaseProfile(String caseId, StrProfile profile) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("sampleId", "PM-" + caseId.substring(0, 8),
                "loci", loci(profile)));
        if (profile.dropout() > 0) {
            body.put("dropout", profile.dropout());
        }
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(body)
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200)
                .body("dropout", equalTo((float) profile.dropout()));
    }

    static Map<String, List<String>> loci(StrProfile profile) {
        Map<String, List<String>> loci = new LinkedHashMap<>();
        profile.loci().forEach((locus, g) -> loci.put(locus, List.of(g.first(), g.second())));
        return loci;
    }

    static String propose(String caseId, String candidate) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "DNA", "evidence", "Trio", "kinshipCandidateId", candidate,
                        "establishedIdentity", Map.of("surname", "Бондар", "nationality", "UA")))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(201).extract().path("id");
    }
}

package org.homeward.agreement.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The agreement lifecycle through the API: every transition, every refusal, and nothing changed by a refusal. */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class LifecycleApiTest {

    @Inject
    EntityManager entityManager;

    private long sequenceOf(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select event_sequence from agreement where id = cast(:id as uuid)").setParameter("id", id)
                .getSingleResult()).longValue());
    }

    private static String reason(String why) {
        return "{\"reason\": \"" + why + "\"}";
    }

    @Test
    void signedByBothPartiesPastItsEffectiveDateItIsActiveAndSignatoriesStayOffItsEvents() {
        String id = AgreementFixtures.create(AgreementFixtures.istanbulWithTerms("LIFE-1", "2025-06-07"));
        AgreementFixtures.sign(id, AgreementFixtures.ua());
        given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id)
                .then().body("status", equalTo("DRAFT")).body("signatures.party", hasItem("UA"));
        AgreementFixtures.sign(id, AgreementFixtures.ru());
        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary"))
                .get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("terms", hasSize(6))
                .body("terms.findAll { it.basis == 'N_FOR_N' }.quantity", equalTo(List.of(6000, 6000)))
                .body("signatures.signatoryName", hasItem("A. Signatory"));
    }

    @Test
    void everyInvalidTransitionIsAConflictNamingTheCurrentStateAndChangesNothing() {
        String draft = AgreementFixtures.create(AgreementFixtures.istanbulWithTerms("LIFE-2", "2025-06-07"));
        long before = sequenceOf(draft);
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(reason("test"))
                .post("/api/v1/agreements/" + draft + "/suspension")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:conflict")).body("detail", containsString("DRAFT"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(reason("test"))
                .post("/api/v1/agreements/" + draft + "/resumption").then().statusCode(409);
        given().header("Authorization", AgreementFixtures.ua())
                .post("/api/v1/agreements/" + draft + "/completion-declarations").then().statusCode(409);
        assertThat(sequenceOf(draft)).isEqualTo(before);

        String active = AgreementFixtures.activeIstanbul("LIFE-3");
        given().header("Authorization", AgreementFixtures.ru()).contentType(ContentType.JSON).body(reason("shelling at the handover point"))
                .post("/api/v1/agreements/" + active + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("shelling at the handover point"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "Late", "signatoryTitle", "x"))
                .post("/api/v1/agreements/" + active + "/signatures")
                .then().statusCode(409).body("detail", containsString("SUSPENDED"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(reason("calm again"))
                .post("/api/v1/agreements/" + active + "/resumption").then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(reason("superseded"))
                .post("/api/v1/agreements/" + active + "/termination").then().statusCode(200).body("status", equalTo("TERMINATED"));
        long terminated = sequenceOf(active);
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(reason("again"))
                .post("/api/v1/agreements/" + active + "/resumption")
                .then().statusCode(409).body("detail", containsString("TERMINATED"));
        assertThat(sequenceOf(active)).isEqualTo(terminated);
    }

    @Test
    void completedWhenBothPartiesDeclareIt() {
        String id = AgreementFixtures.activeIstanbul("LIFE-4");
        given().header("Authorization", AgreementFixtures.ua()).post("/api/v1/agreements/" + id + "/completion-declarations")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("completionDeclaredBy", hasItem("UA"));
        given().header("Authorization", AgreementFixtures.ru()).post("/api/v1/agreements/" + id + "/completion-declarations")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aDraftIsEditedOnlyWithTheVersionItWasReadAt() {
        String id = AgreementFixtures.create(AgreementFixtures.istanbulWithTerms("LIFE-5", "2025-06-07"));
        String etag = given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id)
                .then().statusCode(200).extract().header("ETag");
        String edit = """
                {"reference": "LIFE-5", "title": "Edited title", "effectiveDate": "2025-06-08", "terms": []}""";
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(edit)
                .put("/api/v1/agreements/" + id).then().statusCode(428)
                .body("type", equalTo("urn:homeward:problem:precondition-required"));
        given().header("Authorization", AgreementFixtures.ua()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(edit).put("/api/v1/agreements/" + id).then().statusCode(200).body("title", equalTo("Edited title"))
                .body("terms", hasSize(0));
        given().header("Authorization", AgreementFixtures.ua()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(edit.replace("Edited title", "Lost update")).put("/api/v1/agreements/" + id).then().statusCode(412)
                .body("type", equalTo("urn:homeward:problem:precondition-failed"));
    }

    @Test
    void anAmendmentKeepsTermIdsAndTakesEffectWhenBothSigned() {
        String id = AgreementFixtures.activeIstanbul("LIFE-6");
        List<Map<String, Object>> terms = given().header("Authorization", AgreementFixtures.ua())
                .get("/api/v1/agreements/" + id).then().extract().jsonPath().getList("terms");
        StringBuilder amended = new StringBuilder("[");
        for (Map<String, Object> term : terms) {
            if (amended.length() > 1) {
                amended.append(',');
            }
            boolean remains = "N_FOR_N".equals(term.get("basis"));
            amended.append(String.format("{\"id\": \"%s\", \"kind\": \"%s\", \"fromParty\": \"%s\", \"toParty\": \"%s\","
                            + " \"basis\": \"%s\", \"quantity\": %s, \"category\": %s, \"reciprocal\": %s, \"tolerance\": %s}",
                    term.get("id"), term.get("kind"), term.get("fromParty"), term.get("toParty"), term.get("basis"),
                    remains ? "7000" : "null", term.get("category") == null ? "null" : "\"" + term.get("category") + "\"",
                    term.get("reciprocalTermId") == null ? "null" : "\"" + term.get("reciprocalTermId") + "\"",
                    remains ? "100" : "null"));
        }
        amended.append(']');
        String amendment = "{\"terms\": " + amended + ", \"reason\": \"7,000 for 7,000\", \"effectiveDate\": \"2025-06-07\"}";
        given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator")).contentType(ContentType.JSON)
                .body(amendment).post("/api/v1/agreements/" + id + "/amendments").then().statusCode(201)
                .body("pendingAmendment.number", equalTo(2)).body("currentVersion", equalTo(1));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "A. Signatory")).post("/api/v1/agreements/" + id + "/amendments/2/signatures")
                .then().statusCode(200).body("currentVersion", equalTo(1));
        given().header("Authorization", AgreementFixtures.ru()).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "B. Signatory")).post("/api/v1/agreements/" + id + "/amendments/2/signatures")
                .then().statusCode(200).body("currentVersion", equalTo(2)).body("pendingAmendment", nullValue())
                .body("terms.findAll { it.basis == 'N_FOR_N' }.quantity", equalTo(List.of(7000, 7000)))
                .body("terms.id", equalTo(terms.stream().map(t -> t.get("id")).toList()));
        given().header("Authorization", AgreementFixtures.ru()).get("/api/v1/agreements/" + id + "/versions")
                .then().statusCode(200).body("state", equalTo(List.of("SUPERSEDED", "ADOPTED")))
                .body("[1].reason", equalTo("7,000 for 7,000")).body("[1].proposedByOrganisation", equalTo("org-tr-mfa"));

        String bogusId = amendment.replaceFirst("\"id\": \"[0-9a-f-]+\"", "\"id\": \"00000000-0000-0000-0000-000000000bad\"");
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON).body(bogusId)
                .post("/api/v1/agreements/" + id + "/amendments").then().statusCode(422)
                .body("violations.field", hasItem("terms[0].id"));
    }

    @Test
    void badTermsAreRefusedFieldByFieldAndStoreNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from agreement").getSingleResult()).longValue());
        String body = AgreementFixtures.istanbulWithTerms("LIFE-BAD", "2025-06-07");
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(body.replace("\"ALL_FOR_ALL\", \"category\": \"AGED_18_TO_25\",", "\"ALL_FOR_ALL\", \"category\": \"TEENAGERS\","))
                .post("/api/v1/agreements").then().statusCode(400)
                .body("type", equalTo("urn:homeward:problem:invalid-field-type"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(body.replace("\"quantity\": 6000, \"reciprocal\": \"remains-ua-ru\"", "\"quantity\": 0, \"reciprocal\": \"remains-ua-ru\""))
                .post("/api/v1/agreements").then().statusCode(400)
                .body("violations.field", hasItem("terms[4].quantity"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(body.replace("\"quantity\": 6000, \"reciprocal\": \"remains-ua-ru\"", "\"quantity\": -5, \"reciprocal\": \"remains-ua-ru\""))
                .post("/api/v1/agreements").then().statusCode(400);
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(body.replace("\"fromParty\": \"RU\", \"toParty\": \"UA\", \"basis\": \"N_FOR_N\"", "\"fromParty\": \"FR\", \"toParty\": \"UA\", \"basis\": \"N_FOR_N\""))
                .post("/api/v1/agreements").then().statusCode(422)
                .body("type", equalTo("urn:homeward:problem:rule-violation"))
                .body("violations.field", hasItem("terms[4].fromParty"));
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(body.replace("\"reciprocal\": \"remains-ua-ru\"", "\"reciprocal\": \"nowhere\""))
                .post("/api/v1/agreements").then().statusCode(422)
                .body("violations.field", hasItem("terms[4].reciprocal"));
        long after = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from agreement").getSingleResult()).longValue());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void strangersAndTheWrongRolesAreKeptOut() {
        String id = AgreementFixtures.activeIstanbul("LIFE-7");
        String stranger = TestTokens.bearer("org-fr-coordination", "FR", "coordinator");
        given().header("Authorization", stranger).get("/api/v1/agreements/" + id).then().statusCode(404);
        given().header("Authorization", stranger).contentType(ContentType.JSON).body(reason("x"))
                .post("/api/v1/agreements/" + id + "/suspension").then().statusCode(404);
        given().header("Authorization", stranger).get("/api/v1/agreements/" + id + "/versions").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator")).contentType(ContentType.JSON)
                .body(reason("x")).post("/api/v1/agreements/" + id + "/suspension").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary")).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "x")).post("/api/v1/agreements/" + id + "/signatures").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("org-press", null, "observer")).get("/api/v1/agreements/" + id)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("org-press", null, "observer"))
                .get("/api/v1/agreements/" + id + "/fulfilment").then().statusCode(200)
                .body("terms", hasSize(6)).body("toString()", not(containsString("Signatory")));
        given().header("Authorization", AgreementFixtures.ua()).queryParam("status", "ACTIVE").queryParam("party", "RU")
                .get("/api/v1/agreements").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.status", not(hasItem("DRAFT")));
        given().header("Authorization", AgreementFixtures.ua()).queryParam("status", "NOT_A_STATUS")
                .get("/api/v1/agreements").then().statusCode(400).contentType("application/problem+json");
    }
}

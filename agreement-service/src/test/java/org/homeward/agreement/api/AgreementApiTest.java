package org.homeward.agreement.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
public class AgreementApiTest {

    // Tokens are minted inside test methods, once the test infrastructure (and its signing key) is up.
    public static String uaCoordinator() {
        return TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    }

    static String ruCoordinator() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    static String frCoordinator() {
        return TestTokens.bearer("org-fr-coordination", "FR", "coordinator");
    }

    static String icrc() {
        return TestTokens.bearer("org-icrc", null, "intermediary");
    }

    static String auditor() {
        return TestTokens.bearer("org-oversight", null, "auditor");
    }

    @Inject
    EntityManager entityManager;

    public static String istanbul(String reference) {
        return """
                {"reference": "%s", "title": "Istanbul exchange of 2 June 2025", "concludedOn": "2025-06-02",
                 "venue": "Istanbul",
                 "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                 "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"]}
                """.formatted(reference);
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    private Response post(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agreements");
    }

    @Test
    void partiesAndNamedOrganisationsReadWhatACoordinatorCreated() {
        String id = post(uaCoordinator(), istanbul("IST-READ"))
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/agreements/"))
                .body("status", equalTo("DRAFT"))
                .body("parties.code", hasItem("RU"))
                .extract().path("id");

        given().header("Authorization", ruCoordinator()).get("/api/v1/agreements/" + id)
                .then().statusCode(200).body("reference", equalTo("IST-READ"));
        given().header("Authorization", icrc()).get("/api/v1/agreements/" + id)
                .then().statusCode(200).body("intermediaries", hasItem("org-icrc"));
        given().header("Authorization", icrc()).queryParam("party", "UA").get("/api/v1/agreements")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    /** A prisoner term's reference date (the day eligibility is judged on) is its own, or the effective date. */
    @Test
    void aPrisonerTermCarriesTheDayItsEligibilityIsJudgedOn() {
        String id = AgreementFixtures.create(AgreementFixtures.istanbulWithTerms("IST-REFERENCE", "2025-06-09"));
        given().header("Authorization", uaCoordinator()).get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("terms.find { it.category == 'AGED_18_TO_25' && it.fromParty == 'RU' }.referenceDate",
                        equalTo("2025-06-02"))
                .body("terms.find { it.category == 'SERIOUSLY_WOUNDED_OR_SICK' && it.fromParty == 'RU' }.referenceDate",
                        org.hamcrest.Matchers.nullValue());
        String remainsWithOne = AgreementFixtures.istanbulWithTerms("IST-REFERENCE-BAD", "2025-06-09")
                .replace("\"quantity\": 6000, \"reciprocal\": \"remains-ua-ru\"",
                        "\"quantity\": 6000, \"referenceDate\": \"2025-06-02\", \"reciprocal\": \"remains-ua-ru\"");
        org.assertj.core.api.Assertions.assertThat(remainsWithOne).contains("\"referenceDate\": \"2025-06-02\", \"reciprocal\"");
        post(uaCoordinator(), remainsWithOne).then().statusCode(422)
                .body("violations.field", hasItem("terms[4].referenceDate"));
    }

    @Test
    void listItemsNameNoSignatoryOnlyTheAuditedSingleReadDoes() {
        String id = AgreementFixtures.activeIstanbul("IST-SIGNATORIES");
        String list = given().header("Authorization", icrc()).queryParam("size", 100).get("/api/v1/agreements")
                .then().statusCode(200).body("items.id", hasItem(id)).extract().asString();
        org.assertj.core.api.Assertions.assertThat(list).doesNotContain("A. Signatory").doesNotContain("signatures");
        given().header("Authorization", icrc()).get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("signatures.signatoryName", hasItem("A. Signatory"));
    }

    @Test
    void aStrangerGetsNotFoundNotForbidden() {
        String id = post(uaCoordinator(), istanbul("IST-STRANGER")).then().statusCode(201).extract().path("id");
        given().header("Authorization", frCoordinator()).get("/api/v1/agreements/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:homeward:problem:not-found"));
        given().header("Authorization", frCoordinator()).get("/api/v1/agreements")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void aCoordinatorCannotDraftForAnotherPartysAgreement() {
        long before = count("agreement");
        post(frCoordinator(), istanbul("IST-FOREIGN")).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:homeward:problem:forbidden"));
        assertThat(count("agreement")).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponseAndCreatesOnce() {
        String key = "create-" + UUID.randomUUID();
        long before = count("agreement");
        Response first = given().header("Authorization", uaCoordinator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(istanbul("IST-IDEMPOTENT")).post("/api/v1/agreements");
        Response replay = given().header("Authorization", uaCoordinator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(istanbul("IST-IDEMPOTENT")).post("/api/v1/agreements");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(count("agreement")).isEqualTo(before + 1);

        given().header("Authorization", uaCoordinator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(istanbul("IST-DIFFERENT")).post("/api/v1/agreements")
                .then().statusCode(422).body("type", equalTo("urn:homeward:problem:idempotency-key-reused"));
        assertThat(count("agreement")).isEqualTo(before + 1);

        // The key is scoped per organisation: another organisation's identical key is a new request.
        given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(istanbul("IST-IDEMPOTENT"))
                .post("/api/v1/agreements").then().statusCode(201);
        assertThat(count("agreement")).isEqualTo(before + 2);
    }

    @Test
    void everyWriteAndPersonalReadIsAuditedAndTheAuditLogIsAppendOnly() {
        String id = given().header("Authorization", uaCoordinator()).header("Homeward-Purpose", "case-review")
                .contentType(ContentType.JSON).body(istanbul("IST-AUDIT")).post("/api/v1/agreements")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ruCoordinator()).get("/api/v1/agreements/" + id).then().statusCode(200);

        given().header("Authorization", auditor()).queryParam("organisation", "org-ua-coordination")
                .get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.find { it.resourceId == '" + id + "' }.action", equalTo("agreement.create"))
                .body("items.find { it.resourceId == '" + id + "' }.purpose", equalTo("case-review"));
        given().header("Authorization", auditor()).queryParam("organisation", "org-ru-coordination")
                .get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.find { it.resourceId == '" + id + "' }.action", equalTo("agreement.read"))
                .body("items.find { it.resourceId == '" + id + "' }.purpose", equalTo("exchange-coordination"));

        given().header("Authorization", uaCoordinator()).get("/api/v1/audit").then().statusCode(403);

        // The service's own database role cannot rewrite history.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("update audit_log set purpose = 'rewritten'").executeUpdate()))
                .hasRootCauseMessage("ERROR: permission denied for table audit_log");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from audit_log").executeUpdate()))
                .isInstanceOf(PersistenceException.class);
    }
}

package org.homeward.identification.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.Reconciled;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.Schemas;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A case from arrival to handover, against real PostgreSQL and Kafka: examination, custody, an
 * identification by two examiners, the family told, the list for the tracing agency, and the other ends.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseWorkflowTest {

    private static final String EXAMINER = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String SECOND_EXAMINER = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String OTHER_LAB_EXAMINER = TestTokens.bearerOf("examiner-sokol", "lab-ua-dnipro", "UA", "forensic-examiner");

    @Inject
    AgroalDataSource dataSource;

    private static String ua() {
        return TestTokens.bearer("org-ua-coordination", "UA", "coordinator");
    }

    private static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    private static Map<String, Object> identity(String surname, String nationality) {
        return Map.of("surname", surname, "firstNames", "Олександр", "dateOfBirth", "1995-04-01",
                "nationality", nationality, "serviceNumber", "SN-100000");
    }

    private static void examine(String caseId, String kind) {
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-14",
                        "method", "Comparison with ante-mortem records", "findings", "Consistent with the claimed age"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(201);
    }

    private static String propose(String caseId, String token, String surname, String nationality) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("method", "FINGERPRINTS", "evidence", "Ten-print match with the military record",
                        "establishedIdentity", identity(surname, nationality),
                        "missingPersonId", Reconciled.byFingerprints(caseId, token)))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(201).extract().path("id");
    }

    @Test
    void aBodyIsExaminedIdentifiedByTwoExaminersTheFamilyToldAndReturned() {
        RemainsHandover handover = RemainsHandover.ruToUa(2);
        String caseId = OpenedCases.of(handover, 2).get(0);

        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("assignedOrganisation", equalTo("lab-ua-kyiv"))
                .body("claimed.surname", equalTo(RemainsHandover.surname(0))).body("established", nullValue());

        // Custody: the remains first, then a sample; the chain only grows and only forwards in time.
        Instant intake = Instant.parse("2025-06-12T12:00:00Z");
        custody(caseId, Map.of("item", "REMAINS", "heldBy", "Kyiv morgue No. 1", "location", "Kyiv", "heldFrom", intake.toString()))
                .then().statusCode(201);
        custody(caseId, Map.of("item", "S-1", "heldBy", "DNA unit", "location", "Kyiv", "heldFrom", intake.plusSeconds(3600).toString()))
                .then().statusCode(422).body("violations.field", hasItem("sampleType"));
        custody(caseId, Map.of("item", "S-1", "sampleType", "femur fragment", "heldBy", "DNA unit", "location", "Kyiv",
                "heldFrom", intake.minusSeconds(60).toString())).then().statusCode(422).body("violations.field", hasItem("heldFrom"));
        custody(caseId, Map.of("item", "S-1", "sampleType", "femur fragment", "heldBy", "DNA unit", "location", "Kyiv",
                "heldFrom", intake.plusSeconds(3600).toString())).then().statusCode(201);
        custody(caseId, Map.of("item", "REMAINS", "heldBy", "Cold store B", "location", "Kyiv",
                "heldFrom", intake.plusSeconds(7200).toString())).then().statusCode(201);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/custody").then().statusCode(200)
                .body("", hasSize(3)).body("[0].heldUntil", equalTo(intake.plusSeconds(7200).toString()))
                .body("[1].sampleType", equalTo("femur fragment")).body("[1].heldUntil", nullValue());

        examine(caseId, "FINGERPRINTS");
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("UNDER_EXAMINATION")).body("evidence[0].kind", equalTo("FINGERPRINTS"))
                .body("evidence[0].findings", nullValue()).body("established", nullValue());

        // Four-eyes: the proposer cannot decide, an examiner of another laboratory cannot see the case.
        String proposal = propose(caseId, EXAMINER, "Коваленко", "UA");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(422)
                .body("detail", containsString("Four-eyes"));
        given().header("Authorization", OTHER_LAB_EXAMINER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(404);
        // Nothing about a proposal leaves the laboratory: the receiving side sees only the status.
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("CANDIDATE_FOUND")).body("established", nullValue());
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(403);
        // A family cannot be told of what is not confirmed.
        familyTold(caseId, ua(), Instant.now()).then().statusCode(409);

        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(422)
                .body("violations.field", hasItem("reason"));
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Prints re-checked"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("decidedBy", equalTo("examiner-melnyk"));
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "again"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(409);

        // Claimed and established identities stand side by side; the claim is untouched.
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("IDENTIFIED")).body("established.surname", equalTo("Коваленко"))
                .body("claimed.surname", equalTo(RemainsHandover.surname(0))).body("identification.method", equalTo("FINGERPRINTS"));
        given().header("Authorization", ru()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("IDENTIFIED")).body("established", nullValue()).body("claimed", nullValue());

        familyTold(caseId, ua(), Instant.now().plusSeconds(3600)).then().statusCode(422);
        String key = "told-" + UUID.randomUUID();
        Instant told = Instant.now();
        String first = familyTold(caseId, ua(), told, key).then().statusCode(201).extract().asString();
        String replay = familyTold(caseId, ua(), told, key).then().statusCode(201).extract().asString();
        assertThat(replay).isEqualTo(first);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/family-notifications").then()
                .statusCode(200).body("", hasSize(1)).body("[0].means", equalTo("IN_PERSON"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String csv = given().header("Authorization", ua()).accept("text/csv").queryParam("from", today.toString())
                .queryParam("to", today.toString()).get("/api/v1/identified-dead").then().statusCode(200)
                .extract().asString();
        assertThat(csv).startsWith("\uFEFF\"caseId\"").contains(caseId).contains("\"Коваленко\"").contains("FINGERPRINTS");
        given().header("Authorization", ua()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/api/v1/identified-dead").then().statusCode(200).body("caseId", hasItem(caseId));
        given().header("Authorization", ru()).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/api/v1/identified-dead").then().statusCode(200).body("caseId", not(hasItem(caseId)));
        given().header("Authorization", ua()).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/identified-dead").then().statusCode(422);

        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "SENDING_PARTY", "recipient", "RU liaison", "place", "Border crossing"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(409);
        // A handover dated before the remains were received is a typing error, and would age the case's record.
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "FAMILY", "recipient", "Mother", "place", "Kyiv",
                        "returnedAt", "2010-01-01T00:00:00Z"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItem("returnedAt"));
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "FAMILY", "recipient", "Mother", "place", "Kyiv"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("returned.to", equalTo("FAMILY"));
        given().header("Authorization", TestTokens.bearer("org-icrc", null, "intermediary")).get("/api/v1/cases/" + caseId)
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("returned.recipient", nullValue())
                .body("claimed", nullValue());
        // Evidence stops once the remains have left.
        examineStatus(caseId, 409);

        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("RECEIVED", "UNDER_EXAMINATION", "CANDIDATE_FOUND", "IDENTIFIED", "RETURNED")));

        List<JsonNode> events = caseEvents(caseId, 3);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("identification.case.opened",
                "identification.identification.confirmed", "identification.case.returned");
        assertThat(events).extracting(e -> e.path("data").path("sequence").asInt()).containsExactly(1, 4, 5);
        for (JsonNode event : events) {
            assertThat(Schemas.own(event.path("type").asText()).validate(event)).isEmpty();
            assertThat(event.toString()).doesNotContain("Коваленко", "Олександр", "SN-100000", "Mother", "Ten-print");
        }
        assertThat(events.get(1).path("data").path("transferCounts").path("identified").asInt()).isEqualTo(1);
    }

    @Test
    void remainsNotOfANationalGoBackToTheSendingPartyWhoThenSeesItsOwnClaims() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        given().header("Authorization", ru()).get("/api/v1/cases/" + caseId).then().statusCode(200).body("claimed", nullValue());
        // One examiner's word does not send remains away: the closure is proposed, and a second decides it.
        close(caseId, "NOT_A_NATIONAL").then().statusCode(409).body("detail", containsString("closure-proposals"));
        String closure = proposeClosure(caseId, "NOT_A_NATIONAL", "Documents found on the remains: RU passport");
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "SENDING_PARTY", "recipient", "RU liaison officer", "place", "Border crossing"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(409);
        decideClosure(caseId, closure, SECOND_EXAMINER, "CONFIRM", "Passport checked").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("NOT_A_NATIONAL"));
        given().header("Authorization", ru()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("claimed.surname", equalTo(RemainsHandover.surname(0))).body("established", nullValue());
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "FAMILY", "recipient", "Someone", "place", "Kyiv"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(409);
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "SENDING_PARTY", "recipient", "RU liaison officer", "place", "Border crossing"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(200).body("returned.to", equalTo("SENDING_PARTY"));
        assertThat(caseEvents(caseId, 3)).extracting(e -> e.path("type").asText()).containsExactly(
                "identification.case.opened", "identification.case.not-a-national", "identification.case.returned");
    }

    @Test
    void oneExaminerCannotUndoWhatTwoDecidedAndARevocationTellsTheFamilyAgain() throws Exception {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        examine(caseId, "FINGERPRINTS");
        String proposal = propose(caseId, EXAMINER, "Коваленко", "UA");
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Prints re-checked"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(200);
        familyTold(caseId, ua(), Instant.now()).then().statusCode(201);

        // Examiner A alone cannot close the identified case as not a national, nor can the coordinator send it away.
        close(caseId, "NOT_A_NATIONAL").then().statusCode(409);
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("returnedTo", "SENDING_PARTY", "recipient", "RU liaison", "place", "Border crossing"))
                .post("/api/v1/cases/" + caseId + "/return").then().statusCode(409);
        // Nor revoke it: he proposes, and may not decide his own proposal; one revocation at a time.
        proposeClosure(caseId, "UNIDENTIFIABLE", "x", 409);
        String revocation = proposeClosure(caseId, "REVOCATION", "The fingerprint card belonged to his brother");
        proposeClosure(caseId, "REVOCATION", "again", 409);
        decideClosure(caseId, revocation, EXAMINER, "CONFIRM", "Mine").then().statusCode(422)
                .body("detail", containsString("Four-eyes"));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then()
                .body("status", equalTo("IDENTIFIED")).body("familyToBeToldAgain", equalTo(false));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId + "/closure-proposals").then().statusCode(403);

        // The second examiner confirms: the case is worked on again, and the family told must be told again.
        decideClosure(caseId, revocation, SECOND_EXAMINER, "CONFIRM", "Brother's card confirmed").then().statusCode(200)
                .body("kind", equalTo("REVOCATION")).body("status", equalTo("CONFIRMED"));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("UNDER_EXAMINATION")).body("established", nullValue())
                .body("identification", nullValue()).body("familyToBeToldAgain", equalTo(true));
        given().header("Authorization", ru()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("familyToBeToldAgain", nullValue());
        // Told of the revocation, the family's due is discharged (and only a case that owes it may record one).
        familyToldOfRevocation(caseId).then().statusCode(201).body("ofRevocation", equalTo(true));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId).then().body("familyToBeToldAgain", equalTo(false));
        familyToldOfRevocation(caseId).then().statusCode(409);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(200)
                .body("[0].status", equalTo("CONFIRMED")).body("[0].establishedIdentity.surname", equalTo("Коваленко"));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("RECEIVED", "UNDER_EXAMINATION", "CANDIDATE_FOUND", "IDENTIFIED",
                        "UNDER_EXAMINATION")));

        List<JsonNode> events = caseEvents(caseId, 3);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("identification.case.opened",
                "identification.identification.confirmed", "identification.identification.revoked");
        assertThat(Schemas.own("identification.identification.revoked").validate(events.get(2))).isEmpty();
        assertThat(events.get(2).path("data").path("status").asText()).isEqualTo("UNDER_EXAMINATION");
        // The revocation names the identification it undoes, as the confirmation named it; other events do not.
        assertThat(events.get(2).path("data").path("revokedIdentificationId").asText())
                .isEqualTo(events.get(1).path("data").path("identificationId").asText()).isNotEmpty();
        assertThat(events.get(1).path("data").has("revokedIdentificationId")).isFalse();
        assertThat(events.get(2).toString()).doesNotContain("Коваленко", "brother");
    }

    @Test
    void aPendingClosureBlocksReassignmentAndIsSetAsideByAConfirmedIdentification() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        examine(caseId, "ODONTOLOGY");
        String closure = proposeClosure(caseId, "NOT_A_NATIONAL", "Dental work typical of the other side");
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("organisation", "lab-ua-dnipro", "reason", "Capacity"))
                .post("/api/v1/cases/" + caseId + "/assignment").then().statusCode(409)
                .body("detail", containsString("closure"));
        String proposal = propose(caseId, EXAMINER, "Коваленко", "UA");
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Dental chart matches the military record"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(200);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/closure-proposals").then()
                .statusCode(200).body("find { it.id == '" + closure + "' }.status", equalTo("REJECTED"))
                .body("find { it.id == '" + closure + "' }.decisionReason", containsString("Superseded"));
        decideClosure(caseId, closure, SECOND_EXAMINER, "CONFIRM", "Too late").then().statusCode(409);
    }

    @Test
    void unidentifiableRemainsCloseAndAPendingProposalMustBeDecidedFirst() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "DNA", "evidence", "Photo", "establishedIdentity", identity("Бондаренко", "UA")))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(409); // not examined yet
        examine(caseId, "ANTHROPOLOGY");
        String proposal = propose(caseId, EXAMINER, "Бондаренко", "UA");
        // With a candidate found, unidentifiable is for two examiners to decide too.
        close(caseId, "UNIDENTIFIABLE").then().statusCode(409).body("detail", containsString("closure-proposals"));
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "Features do not match"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(200);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("UNDER_EXAMINATION"));
        close(caseId, "UNIDENTIFIABLE").then().statusCode(200).body("status", equalTo("UNIDENTIFIABLE"));
        close(caseId, "NOT_A_NATIONAL").then().statusCode(409);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(200)
                .body("[0].status", equalTo("REJECTED")).body("[0].decisionReason", equalTo("Features do not match"));
    }

    @Test
    void aCoordinatorReassignsToAnotherLaboratoryWhichWorksWithASingleExaminer() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("organisation", "lab-elsewhere", "reason", "Capacity"))
                .post("/api/v1/cases/" + caseId + "/assignment").then().statusCode(422).body("violations.field", hasItem("organisation"));
        given().header("Authorization", ru()).contentType(ContentType.JSON)
                .body(Map.of("organisation", "lab-ua-dnipro", "reason", "Capacity"))
                .post("/api/v1/cases/" + caseId + "/assignment").then().statusCode(403);
        given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("organisation", "lab-ua-dnipro", "reason", "Capacity"))
                .post("/api/v1/cases/" + caseId + "/assignment").then().statusCode(200)
                .body("assignedOrganisation", equalTo("lab-ua-dnipro"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().header("Authorization", OTHER_LAB_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", "ODONTOLOGY", "examiner", "Dr. Sokol", "examinedOn", "2025-06-15",
                        "method", "Dental charting", "findings", "Matches the dental record"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(201);
        propose(caseId, OTHER_LAB_EXAMINER, "Ткаченко", "UA");
        given().header("Authorization", OTHER_LAB_EXAMINER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("IDENTIFIED"));
        given().header("Authorization", OTHER_LAB_EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then()
                .body("[0].decisionReason", containsString("without a second examiner"));
        given().header("Authorization", ua()).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("kind", hasItem("ASSIGNMENT")).body("reason", hasItem("Capacity"));
        String reassigned = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "org-ua-coordination").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertThat(reassigned).contains("case.reassign").contains(caseId);
        String read = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "lab-ua-dnipro").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertThat(read).contains("case.read").contains("case.identification.propose").doesNotContain("Ткаченко");
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body("{\"kind\":\"ODONTOLOGY\",\"examiner\":\"X\",\"examinedOn\":\"2025-02-30\",\"method\":\"m\",\"findings\":\"f\"}")
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body("{\"kind\":\"ODONTOLOGY\",\"examiner\":\"X\",\"examinedOn\":\"2025-06-01\",\"method\":\"m\",\"findings\":\"f\",\"shoeSize\":44}")
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(400)
                .body("type", equalTo("urn:homeward:problem:unknown-field"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", "ODONTOLOGY", "examiner", "X", "examinedOn", LocalDate.now().plusDays(2).toString(),
                        "method", "m", "findings", "f"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(422);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "DNA", "evidence", "e", "establishedIdentity", Map.of("surname", "X", "nationality", "Ukraine")))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(400)
                .body("violations.field", hasItem(containsString("nationality")));
        given().header("Authorization", EXAMINER).queryParam("status", "LOST").get("/api/v1/cases").then().statusCode(400);
        given().header("Authorization", EXAMINER).queryParam("receivedFrom", "2025-06-10").queryParam("receivedTo", "2025-06-01")
                .get("/api/v1/cases").then().statusCode(422);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/examinations").then().body("", hasSize(0));
    }

    @Test
    void custodyExaminationsHistoryAndFamilyRecordsCannotBeChangedEvenByTheServiceItself() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("custody_entry", "examination", "case_history", "family_notification")) {
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE " + table + " SET case_id = case_id"))
                        .as(table).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + table))
                        .as(table).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void freeTextThatReachesListsAndExportsHoldsNoDirectionOverride() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        examine(caseId, "FINGERPRINTS");
        // U+202E makes "Коваленко" display reversed in the identified-dead CSV: refused, nothing stored.
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "FINGERPRINTS", "evidence", "Ten-print match",
                        "establishedIdentity", identity("Кова\u202Eленко", "UA")))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(400)
                .body("violations.field", hasItem(containsString("surname")));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", "ODONTOLOGY", "examiner", "Dr.\u2066 Hnatiuk", "examinedOn", "2025-06-14",
                        "method", "Comparison", "findings", "Consistent"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(400);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(200)
                .body("size()", equalTo(0));
        // Findings and evidence of several lines are what examiners write: line breaks and tabs are kept.
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", "ODONTOLOGY", "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-14",
                        "method", "Comparison", "findings", "Tooth 36: crown\n\tTooth 47: missing ante-mortem"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(201);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "FINGERPRINTS", "evidence", "Ten-print match\nwith the military record",
                        "establishedIdentity", identity("Коваленко", "UA"),
                        "missingPersonId", Reconciled.byFingerprints(caseId, EXAMINER)))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(201);
    }

    private static Response custody(String caseId, Map<String, Object> body) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + caseId + "/custody");
    }

    private static String proposeClosure(String caseId, String kind, String reason) {
        return proposeClosure(caseId, kind, reason, 201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse proposeClosure(String caseId, String kind, String reason,
                                                                              int status) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "reason", reason)).post("/api/v1/cases/" + caseId + "/closure-proposals")
                .then().statusCode(status);
    }

    private static Response decideClosure(String caseId, String proposal, String token, String decision, String reason) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "reason", reason))
                .post("/api/v1/cases/" + caseId + "/closure-proposals/" + proposal + "/decision");
    }

    private static Response familyToldOfRevocation(String caseId) {
        return given().header("Authorization", ua()).contentType(ContentType.JSON)
                .body(Map.of("toldBy", "Family liaison officer", "toldAt", Instant.now().toString(), "means", "IN_PERSON",
                        "ofRevocation", true)).post("/api/v1/cases/" + caseId + "/family-notifications");
    }

    private static Response close(String caseId, String outcome) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "reason", "After full examination")).post("/api/v1/cases/" + caseId + "/closure");
    }

    private static void examineStatus(String caseId, int status) {
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("kind", "DOCUMENTS", "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-14",
                        "method", "m", "findings", "f"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(status);
    }

    private static Response familyTold(String caseId, String token, Instant at) {
        return familyTold(caseId, token, at, null);
    }

    private static Response familyTold(String caseId, String token, Instant at, String key) {
        RequestSpecification request = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("toldBy", "Family liaison officer", "toldAt", at.toString(), "means", "IN_PERSON"));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/cases/" + caseId + "/family-notifications");
    }

    private static List<JsonNode> caseEvents(String caseId, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.identification.events",
                read -> read.stream().filter(r -> caseId.equals(r.key())).count() >= expected, Duration.ofSeconds(30));
        List<JsonNode> mine = records.stream().filter(r -> caseId.equals(r.key())).map(r -> Schemas.read(r.value())).toList();
        assertThat(mine).hasSize(expected);
        return mine;
    }
}

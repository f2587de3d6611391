package org.homeward.identification.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.Schemas;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Commingled remains against real PostgreSQL and Kafka: a bag split into two individuals and fragments of one person
 * from two handovers joined, each by two examiners, with their histories, events and counts; the minimum number of
 * individuals from the inventories; and what is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CommingledRemainsTest {

    private static final String EXAMINER = TestTokens.bearerOf("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String SECOND = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String OTHER_LAB = TestTokens.bearerOf("examiner-sokol", "lab-ua-dnipro", "UA", "forensic-examiner");
    private static final String OBSERVER = TestTokens.bearer("org-press", null, "observer");

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private static void inventory(String caseId, List<Map<String, Object>> elements) {
        as(EXAMINER).body(Map.of("inventory", elements)).post("/api/v1/cases/" + caseId + "/post-mortem").then()
                .statusCode(201);
    }

    private static String decide(String caseId, String proposal, String token, String decision, String reason) {
        return as(token).body(reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason))
                .post("/api/v1/cases/" + caseId + "/commingling-proposals/" + proposal + "/decision").then()
                .extract().asString();
    }

    @Test
    void aBagHoldingTwoPersonsIsSplitByTwoExaminersIntoTwoCasesOfTheSameItem() {
        RemainsHandover handover = RemainsHandover.ruToUa(2);
        List<String> cases = OpenedCases.of(handover, 2);
        String bag = cases.get(0);
        inventory(bag, List.of(Map.of("element", "FEMUR", "side", "LEFT", "count", 2),
                Map.of("element", "FEMUR", "side", "RIGHT", "count", 1), Map.of("element", "CRANIUM", "count", 1)));
        inventory(cases.get(1), List.of(Map.of("element", "FEMUR", "side", "LEFT", "count", 1),
                Map.of("element", "MANDIBLE", "count", 1)));
        // The handover's inventories show three persons at least (three left femurs); two items arrived.
        given().header("Authorization", OBSERVER).queryParam("transferId", handover.transferId.toString())
                .get("/api/v1/case-statistics/minimum-number-of-individuals").then().statusCode(200)
                .body("itemsReceived", equalTo(2)).body("individuals", equalTo(2)).body("casesInventoried", equalTo(2))
                .body("inventory.minimumNumberOfIndividuals", equalTo(3))
                .body("inventory.limiting.element", equalTo("FEMUR")).body("inventory.limiting.side", equalTo("LEFT"));

        String proposal = as(EXAMINER).header("Idempotency-Key", "split-" + bag)
                .body(Map.of("individuals", 2, "reason", "Two left femurs: two persons in the bag"))
                .post("/api/v1/cases/" + bag + "/split-proposals").then().statusCode(201)
                .body("kind", equalTo("SPLIT")).body("status", equalTo("PROPOSED")).extract().path("id");
        // Four eyes: not the proposer, not another laboratory (the case does not exist for it), and a rejection says why.
        assertThat(decide(bag, proposal, EXAMINER, "CONFIRM", null)).contains("Four-eyes");
        as(OTHER_LAB).body(Map.of("decision", "CONFIRM")).post("/api/v1/cases/" + bag + "/commingling-proposals/"
                + proposal + "/decision").then().statusCode(404);
        assertThat(decide(bag, proposal, SECOND, "REJECT", null)).contains("A rejection says why");
        as(EXAMINER).body(Map.of("individuals", 3, "reason", "again")).post("/api/v1/cases/" + bag + "/split-proposals")
                .then().statusCode(409).body("detail", containsString("awaits its decision"));
        // Nor can the case go to another laboratory meanwhile: only this one may decide the split.
        as(TestTokens.bearer("org-ua-coordination", "UA", "coordinator"))
                .body(Map.of("organisation", "lab-ua-dnipro", "reason", "Capacity"))
                .post("/api/v1/cases/" + bag + "/assignment").then().statusCode(409)
                .body("detail", containsString("split or join"));
        given().header("Authorization", OBSERVER).queryParam("transferId", handover.transferId.toString())
                .get("/api/v1/case-statistics").then().body("counts.individuals", equalTo(2));

        assertThat(decide(bag, proposal, SECOND, "CONFIRM", "Agreed on the inventory")).contains("CONFIRMED");
        JsonPath all = as(EXAMINER).queryParam("transferId", handover.transferId.toString()).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items")).hasSize(3);
        String tag = handover.tag(0);
        Map<String, Object> split = all.<Map<String, Object>>getList("items").stream()
                .filter(c -> (tag + "/2").equals(c.get("tag"))).findFirst().orElseThrow();
        String splitId = (String) split.get("id");
        as(EXAMINER).get("/api/v1/cases/" + splitId).then().statusCode(200)
                .body("itemId", equalTo(handover.itemId(0).toString())).body("status", equalTo("RECEIVED"))
                .body("individual", equalTo(2)).body("splitFrom", equalTo(bag))
                .body("claimed.surname", equalTo(RemainsHandover.surname(0)));
        as(EXAMINER).get("/api/v1/cases/" + bag).then().body("claimed.surname", equalTo(RemainsHandover.surname(0)))
                .body("tag", equalTo(tag)).body("individual", equalTo(1));
        as(EXAMINER).get("/api/v1/cases/" + bag + "/history").then().statusCode(200)
                .body("kind", hasItem("SPLIT")).body("reason", hasItem(containsString("Split into 2 individuals")));
        as(EXAMINER).get("/api/v1/cases/" + splitId + "/history").then().statusCode(200)
                .body("reason", hasItem(containsString("split from case " + bag)));
        as(EXAMINER).get("/api/v1/cases/" + bag + "/commingling-proposals").then().statusCode(200)
                .body("status", equalTo(List.of("CONFIRMED"))).body("decidedBy", equalTo(List.of("examiner-melnyk")));
        given().header("Authorization", OBSERVER).queryParam("transferId", handover.transferId.toString())
                .get("/api/v1/case-statistics").then().body("counts.received", equalTo(2))
                .body("counts.individuals", equalTo(3)).body("counts.awaitingExamination", equalTo(1))
                .body("receivedByClaimedNationality.UA", equalTo(2));

        JsonNode opened = eventsOf(splitId, 1).get(0);
        assertThat(opened.path("type").asText()).isEqualTo("identification.case.opened");
        assertThat(opened.path("data").path("splitFromCaseId").asText()).isEqualTo(bag);
        assertThat(opened.path("data").path("transferCounts").path("individuals").asInt()).isEqualTo(3);
        assertThat(Schemas.own("identification.case.opened").validate(opened)).isEmpty();
        assertThat(opened.toString()).doesNotContain(RemainsHandover.surname(0)).doesNotContain(tag);
    }

    @Test
    void fragmentsOfOnePersonFromTwoHandoversAreJoinedIntoOneCase() {
        String survivor = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        RemainsHandover later = RemainsHandover.ruToUa(2);
        List<String> laterCases = OpenedCases.of(later, 2);
        String fragment = laterCases.get(0);
        String join = "/api/v1/cases/" + survivor + "/join-proposals";

        as(EXAMINER).body(Map.of("fragmentCaseId", survivor, "reason", "x")).post(join).then().statusCode(422)
                .body("detail", containsString("not joined to itself"));
        as(EXAMINER).body(Map.of("fragmentCaseId", UUID.randomUUID(), "reason", "x")).post(join).then().statusCode(404);
        as(EXAMINER).body(Map.of("fragmentCaseId", fragment, "reassociationId", UUID.randomUUID(), "reason", "x"))
                .post(join).then().statusCode(422).body("detail", containsString("No DNA re-association"));
        as(EXAMINER).body(Map.of("fragmentCaseId", fragment, "reason", "")).post(join).then().statusCode(400);

        String proposal = as(EXAMINER).body(Map.of("fragmentCaseId", fragment,
                        "reason", "Right humerus fits the left scapula of the survivor's remains; same taphonomy"))
                .post(join).then().statusCode(201).body("kind", equalTo("JOIN"))
                .body("fragmentCaseId", equalTo(fragment)).extract().path("id");
        // The fragment's own proposals see the join too, and nothing else may be proposed on it meanwhile.
        as(EXAMINER).get("/api/v1/cases/" + fragment + "/commingling-proposals").then().body("id", hasItem(proposal));
        as(EXAMINER).body(Map.of("individuals", 2, "reason", "x")).post("/api/v1/cases/" + fragment + "/split-proposals")
                .then().statusCode(409);
        assertThat(decide(survivor, proposal, EXAMINER, "CONFIRM", null)).contains("Four-eyes");
        assertThat(decide(survivor, proposal, SECOND, "CONFIRM", "The fit is clear")).contains("CONFIRMED");

        as(EXAMINER).get("/api/v1/cases/" + fragment).then().body("status", equalTo("JOINED"))
                .body("joinedInto", equalTo(survivor));
        as(EXAMINER).get("/api/v1/cases/" + survivor + "/history").then()
                .body("kind", hasItem("JOIN")).body("reason", hasItem(containsString("Fragment case " + fragment)));
        as(EXAMINER).get("/api/v1/cases/" + fragment + "/history").then()
                .body("to", hasItem("JOINED"));
        // A joined case's remains are the survivor's: no more evidence on it, and it counts as an item, not a person.
        as(EXAMINER).body(Map.of("kind", "ANTHROPOLOGY", "examiner", "Dr. Hnatiuk", "examinedOn", "2025-06-14",
                "method", "m", "findings", "f")).post("/api/v1/cases/" + fragment + "/examinations").then().statusCode(409);
        given().header("Authorization", OBSERVER).queryParam("transferId", later.transferId.toString())
                .get("/api/v1/case-statistics").then().body("counts.received", equalTo(2))
                .body("counts.individuals", equalTo(1)).body("counts.joined", equalTo(1));

        JsonNode joined = eventsOf(fragment, 2).get(1);
        assertThat(joined.path("type").asText()).isEqualTo("identification.case.joined");
        assertThat(joined.path("data").path("joinedIntoCaseId").asText()).isEqualTo(survivor);
        assertThat(joined.path("data").path("status").asText()).isEqualTo("JOINED");
        assertThat(Schemas.own("identification.case.joined").validate(joined)).isEmpty();

        // Nothing joins an identified case's remains away, nor into a case that is closed.
        String other = laterCases.get(1);
        as(EXAMINER).body(Map.of("fragmentCaseId", fragment, "reason", "x")).post("/api/v1/cases/" + other
                + "/join-proposals").then().statusCode(409).body("detail", containsString("JOINED"));
        as(EXAMINER).body(Map.of("fragmentCaseId", other, "reason", "x")).post("/api/v1/cases/" + fragment
                + "/join-proposals").then().statusCode(409);
    }

    @Test
    void badSplitsAndJoinsGetAProblemAndChangeNothing() {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        String split = "/api/v1/cases/" + caseId + "/split-proposals";
        for (Object body : List.of(Map.of("individuals", 1, "reason", "x"), Map.of("individuals", 51, "reason", "x"),
                Map.of("individuals", 2), Map.of("individuals", 2, "reason", "x", "weight", 3),
                Map.of("individuals", "two", "reason", "x"), Map.of("individuals", 2, "reason", "x\u202E"))) {
            as(EXAMINER).body(body).post(split).then().statusCode(400).contentType("application/problem+json");
        }
        as(EXAMINER).body(Map.of("fragmentCaseId", "not-a-uuid", "reason", "x"))
                .post("/api/v1/cases/" + caseId + "/join-proposals").then().statusCode(400);
        as(EXAMINER).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/cases/" + caseId + "/commingling-proposals/" + UUID.randomUUID() + "/decision").then()
                .statusCode(404).contentType("application/problem+json");
        as(EXAMINER).body(Map.of("decision", "MAYBE"))
                .post("/api/v1/cases/" + caseId + "/commingling-proposals/" + UUID.randomUUID() + "/decision").then()
                .statusCode(400);
        as(EXAMINER).get("/api/v1/cases/" + caseId + "/commingling-proposals").then().statusCode(200)
                .body("size()", equalTo(0));
        as(EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("RECEIVED"));
        given().header("Authorization", OBSERVER).get("/api/v1/case-statistics/minimum-number-of-individuals").then()
                .statusCode(400);
    }

    private static List<JsonNode> eventsOf(String caseId, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readUntil("homeward.identification.events",
                read -> read.stream().filter(r -> caseId.equals(r.key())).count() >= expected, Duration.ofSeconds(30));
        return records.stream().filter(r -> caseId.equals(r.key())).map(r -> Schemas.read(r.value())).toList();
    }
}

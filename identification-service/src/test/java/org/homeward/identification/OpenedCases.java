package org.homeward.identification;

import io.restassured.path.json.JsonPath;
import org.homeward.local.infra.TestTokens;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/** Opens cases the way production does, through item records on Kafka, and finds their ids. */
public final class OpenedCases {

    private OpenedCases() {
    }

    /** The case ids of the handover's items, in tag order, once the consumer has opened them all. */
    public static List<String> of(RemainsHandover handover, int count) {
        handover.arriveAll();
        String reader = TestTokens.bearer("org-icrc", null, "intermediary");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", reader)
                .queryParam("transferId", handover.transferId.toString()).queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items", hasSize(count)));
        JsonPath cases = given().header("Authorization", reader).queryParam("transferId", handover.transferId.toString())
                .queryParam("size", 100).get("/api/v1/cases").then().extract().jsonPath();
        return cases.<Map<String, Object>>getList("items").stream()
                .sorted(Comparator.comparing(c -> (String) c.get("tag")))
                .map(c -> (String) c.get("id")).toList();
    }
}

package org.homeward.transfer.handover;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may do what with a transfer: every endpoint of transfer-service, called by every kind of caller, with
 * the exact status each must get. A rule loosened by mistake (a mediator reading manifest items, say) fails
 * here. The transfer is a REMAINS handover from RU to UA escorted by org-icrc, its manifest submitted.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class TransferAccessTest {

    /** The callers, in the order each operation is tried. */
    private static final Map<String, String[]> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("escort", new String[] {"org-icrc", null, "intermediary"});
        CALLERS.put("otherIntermediary", new String[] {"org-msf", null, "intermediary"});
        CALLERS.put("mediator", new String[] {"org-tr-mfa", null, "mediator"});
        CALLERS.put("observer", new String[] {"org-press", null, "observer"});
        CALLERS.put("stranger", new String[] {"org-fr-coordination", "FR", "coordinator"});
        CALLERS.put("receiver", new String[] {"org-ua-coordination", "UA", "coordinator"});
        CALLERS.put("sender", new String[] {"org-ru-coordination", "RU", "coordinator"});
    }

    private record Operation(String name, String method, String path, String contentType, String accept, Object body,
                             Map<String, Integer> expected) {
    }

    private static Map<String, Integer> expect(int escort, int otherIntermediary, int mediator, int observer,
                                               int stranger, int receiver, int sender) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("escort", escort);
        expected.put("otherIntermediary", otherIntermediary);
        expected.put("mediator", mediator);
        expected.put("observer", observer);
        expected.put("stranger", stranger);
        expected.put("receiver", receiver);
        expected.put("sender", sender);
        return expected;
    }

    private static String token(String caller) {
        String[] who = CALLERS.get(caller);
        return TestTokens.bearer(who[0], who[1], who[2]);
    }

    @Test
    void everyEndpointAnswersEveryCallerExactlyAsThePolicySays() {
        UUID agreement = UUID.randomUUID();
        UUID ruToUa = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(),
                AgreementEventsFixture.activeWithRemainsTerms(agreement, ruToUa, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", token("sender"))
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
        String id = given().header("Authorization", token("sender")).contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement.toString(), "termIds", List.of(ruToUa.toString()), "kind", "REMAINS",
                        "fromParty", "RU", "toParty", "UA", "escortOrganisation", "org-icrc",
                        "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                        "scheduledAt", "2025-06-11T06:00:00Z"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        byte[] manifest = Manifests.remainsCsv(2);
        given().header("Authorization", token("sender")).contentType("text/csv").body(manifest)
                .put("/api/v1/transfers/" + id + "/manifest").then().statusCode(200);
        String transfer = "/api/v1/transfers/" + id;

        String plan = "{\"agreementId\": \"" + agreement + "\", \"termIds\": [\"" + ruToUa + "\"], \"kind\": \"REMAINS\","
                + " \"fromParty\": \"RU\", \"toParty\": \"UA\", \"escortOrganisation\": \"org-icrc\","
                + " \"handoverPoint\": {\"name\": \"Border crossing\", \"timeZone\": \"Europe/Kyiv\"},"
                + " \"scheduledAt\": \"2025-06-11T06:00:00Z\"}";
        List<Operation> operations = List.of(
                // Either party's coordinator plans; a coordinator of a third party may not.
                new Operation("plan a handover", "POST", "/api/v1/transfers", "application/json", null, plan,
                        expect(403, 403, 403, 403, 403, 201, 201)),
                new Operation("read the transfer", "GET", transfer, null, null, null,
                        expect(200, 404, 200, 403, 404, 200, 200)),
                new Operation("list transfers", "GET", "/api/v1/transfers?agreementId=" + agreement, null, null, null,
                        expect(200, 200, 200, 403, 200, 200, 200)),
                new Operation("period summary", "GET", "/api/v1/transfers/summary?from=2025-06-01&to=2025-06-30", null, null,
                        null, expect(200, 200, 200, 403, 200, 200, 200)),
                new Operation("read manifest items as JSON", "GET", transfer + "/manifest", null, "application/json", null,
                        expect(200, 404, 403, 403, 404, 200, 200)),
                new Operation("read manifest items as CSV", "GET", transfer + "/manifest", null, "text/csv", null,
                        expect(200, 404, 403, 403, 404, 200, 200)),
                new Operation("replace the manifest", "PUT", transfer + "/manifest", "text/csv", null, manifest,
                        expect(403, 403, 403, 403, 404, 403, 200)),
                // Consent concerns prisoners: the escort, and only the escort, is told so (422) for remains.
                new Operation("confirm consent", "POST", transfer + "/manifest/consents", "application/json", null,
                        "{\"tags\": [\"" + Manifests.tag(1) + "\"]}", expect(422, 404, 403, 403, 403, 403, 403)),
                new Operation("withdraw consent", "POST", transfer + "/manifest/consent-withdrawals", "application/json",
                        null, "{\"tags\": [\"" + Manifests.tag(1) + "\"]}", expect(422, 404, 403, 403, 403, 403, 403)),
                new Operation("dispatch with a wrong count", "POST", transfer + "/dispatch", "application/json", null,
                        "{\"count\": 99}", expect(403, 403, 403, 403, 404, 403, 422)),
                new Operation("receipt before dispatch", "POST", transfer + "/receipt", "application/json", null,
                        "{\"count\": 2}", expect(403, 403, 403, 403, 404, 409, 403)),
                new Operation("reconcile before receipt", "POST", transfer + "/reconciliation", "application/json", null,
                        "{\"received\": [], \"missing\": []}", expect(403, 403, 403, 403, 404, 409, 403)),
                // No report exists before reconciliation, for those who may read one.
                new Operation("read the reconciliation report", "GET", transfer + "/reconciliation", null, null, null,
                        expect(404, 404, 403, 403, 404, 404, 404)),
                new Operation("read the agreement view", "GET", "/api/v1/agreement-views/" + agreement, null, null, null,
                        expect(200, 404, 200, 403, 404, 200, 200)),
                new Operation("list agreement views", "GET", "/api/v1/agreement-views", null, null, null,
                        expect(200, 200, 200, 403, 200, 200, 200)),
                new Operation("read the audit log", "GET", "/api/v1/audit", null, null, null,
                        expect(403, 403, 403, 403, 403, 403, 403)),
                new Operation("list dead letters", "GET", "/api/v1/ops/dead-letters", null, null, null,
                        expect(403, 403, 403, 403, 403, 403, 403)),
                new Operation("list parked outbox rows", "GET", "/api/v1/ops/outbox/parked", null, null, null,
                        expect(403, 403, 403, 403, 403, 403, 403)),
                // Last, since it succeeds: the receiver cancels, after which the sender's cancellation conflicts.
                new Operation("cancel", "POST", transfer + "/cancellation", "application/json", null,
                        "{\"reason\": \"crossing closed\"}", expect(403, 403, 403, 403, 404, 200, 409)));

        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            for (Map.Entry<String, Integer> caller : operation.expected().entrySet()) {
                RequestSpecification request = given().header("Authorization", token(caller.getKey()));
                if (operation.contentType() != null) {
                    request = request.contentType(operation.contentType());
                    request = operation.body() instanceof byte[] bytes ? request.body(bytes) : request.body((String) operation.body());
                }
                if (operation.accept() != null) {
                    request = request.accept(operation.accept());
                }
                var response = request.request(operation.method(), operation.path());
                if (response.statusCode() != caller.getValue()) {
                    wrong.add(operation.name() + " by " + caller.getKey() + ": " + response.statusCode() + " (expected "
                            + caller.getValue() + ")");
                } else if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).as(operation.name() + " by " + caller.getKey())
                            .startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();

        // Lists are scoped: those who may not see the transfer do not find it there either.
        for (String outsider : List.of("otherIntermediary", "stranger")) {
            assertThat(given().header("Authorization", token(outsider)).get("/api/v1/transfers").then().statusCode(200)
                    .extract().jsonPath().getList("items.id")).as(outsider).doesNotContain(id);
        }
    }
}

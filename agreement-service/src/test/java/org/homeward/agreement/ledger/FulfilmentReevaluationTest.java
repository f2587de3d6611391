package org.homeward.agreement.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.agreement.api.AgreementFixtures;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fulfilment is re-evaluated whenever the numbers can move, not only when a transfer event arrives: an
 * adopted amendment, a resumption, an activation. An agreement the ledger completed reopens when a
 * correction takes a term below its number; one the parties declared complete stays final.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class FulfilmentReevaluationTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String TRANSFERS = "homeward.transfer.events";
    private static final Instant RECEIVED_AT = Instant.parse("2025-06-20T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 100 bodies for 100, nothing else: an agreement the ledger can complete by itself. */
    private static String activeHundredForHundred(String reference) {
        String id = AgreementFixtures.create("""
                {"reference": "%s", "title": "Remains, 100 for 100", "concludedOn": "2025-06-02",
                 "venue": "Istanbul", "effectiveDate": "2025-06-07",
                 "parties": [{"code": "UA", "name": "Ukraine"}, {"code": "RU", "name": "Russia"}],
                 "mediators": ["org-tr-mfa"], "intermediaries": ["org-icrc"],
                 "terms": [
                   {"key": "ru-ua", "kind": "REMAINS_REPATRIATION", "fromParty": "RU", "toParty": "UA", "basis": "N_FOR_N",
                    "quantity": 100, "reciprocal": "ua-ru", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0},
                   {"key": "ua-ru", "kind": "REMAINS_REPATRIATION", "fromParty": "UA", "toParty": "RU", "basis": "N_FOR_N",
                    "quantity": 100, "reciprocal": "ru-ua", "ratio": 1, "reciprocalRatio": 1, "tolerance": 0}
                 ]}""".formatted(reference));
        AgreementFixtures.sign(id, AgreementFixtures.ua());
        AgreementFixtures.sign(id, AgreementFixtures.ru());
        return id;
    }

    private static String term(String id, String from) {
        return given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id).then()
                .extract().path("terms.find { it.fromParty == '" + from + "' }.id");
    }

    private static String status(String id) {
        return given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + id).then()
                .statusCode(200).extract().path("status");
    }

    private static void received(UUID transfer, long sequence, String id, String term, String from, String to, int count) {
        KafkaTestClient.shared().send(TRANSFERS, transfer.toString(), TransferEventFixtures.remains(transfer, sequence, id,
                term, from, to, RECEIVED_AT, count == 100 ? "RECEIVED" : "PARTIALLY_RECEIVED", 100, 100, count));
    }

    private long unpublished(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND published_at IS NULL")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The agreement's events of a type on the topic, read once the relay has published everything the
     * agreement's transactions wrote (so a count of zero means none was written, not none published yet).
     */
    private long eventsOfType(String id, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.shared().readAll("homeward.agreement.events");
        return records.stream().filter(r -> id.equals(r.key())).filter(r -> {
            try {
                return type.equals(JSON.readTree(r.value()).path("type").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Test
    void anAgreementTheLedgerCompletedReopensWhenACorrectionTakesATermBelowItsNumber() {
        String id = activeHundredForHundred("REEVAL-REOPEN");
        UUID ruToUa = UUID.randomUUID();
        UUID uaToRu = UUID.randomUUID();
        received(ruToUa, 1, id, term(id, "RU"), "RU", "UA", 100);
        received(uaToRu, 1, id, term(id, "UA"), "UA", "RU", 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(id)));

        received(uaToRu, 2, id, term(id, "UA"), "UA", "RU", 98);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(id)));
        assertThat(eventsOfType(id, "agreement.agreement.reopened")).isEqualTo(1);
        assertThat(eventsOfType(id, "agreement.agreement.completed")).isEqualTo(1);
    }

    @Test
    void anAgreementThePartiesDeclaredCompleteStaysFinal() {
        String id = activeHundredForHundred("REEVAL-DECLARED");
        for (String party : List.of(AgreementFixtures.ua(), AgreementFixtures.ru())) {
            given().header("Authorization", party).post("/api/v1/agreements/" + id + "/completion-declarations")
                    .then().statusCode(200);
        }
        UUID transfer = UUID.randomUUID();
        received(transfer, 1, id, term(id, "RU"), "RU", "UA", 100);
        received(transfer, 2, id, term(id, "RU"), "RU", "UA", 97);
        // The ledger has applied both when it shows the corrected count.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AgreementFixtures.ua())
                .get("/api/v1/agreements/" + id + "/fulfilment").then().extract()
                .<Integer>path("terms.find { it.fromParty == 'RU' }.received") == 97);
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(eventsOfType(id, "agreement.agreement.reopened")).isZero();
    }

    @Test
    void anAdoptedAmendmentThatLowersANumberFulfilsTheTermAtOnce() {
        String id = activeHundredForHundred("REEVAL-AMEND");
        String ruToUa = term(id, "RU");
        String uaToRu = term(id, "UA");
        received(UUID.randomUUID(), 1, id, ruToUa, "RU", "UA", 90);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AgreementFixtures.ua())
                .get("/api/v1/agreements/" + id + "/fulfilment").then().extract()
                .<Integer>path("terms.find { it.fromParty == 'RU' }.received") == 90);
        assertThat(eventsOfType(id, "agreement.term.fulfilled")).isZero();

        String terms = """
                [{"id": "%s", "kind": "REMAINS_REPATRIATION", "fromParty": "RU", "toParty": "UA", "basis": "N_FOR_N",
                  "quantity": 90, "reciprocal": "%s", "ratio": 1, "reciprocalRatio": 1, "tolerance": 10},
                 {"id": "%s", "kind": "REMAINS_REPATRIATION", "fromParty": "UA", "toParty": "RU", "basis": "N_FOR_N",
                  "quantity": 90, "reciprocal": "%s", "ratio": 1, "reciprocalRatio": 1, "tolerance": 10}]
                """.formatted(ruToUa, uaToRu, uaToRu, ruToUa);
        given().header("Authorization", TestTokens.bearer("org-tr-mfa", null, "mediator")).contentType(ContentType.JSON)
                .body("{\"terms\": " + terms + ", \"reason\": \"90 for 90\", \"effectiveDate\": \"2025-06-07\"}")
                .post("/api/v1/agreements/" + id + "/amendments").then().statusCode(201);
        for (String party : List.of(AgreementFixtures.ua(), AgreementFixtures.ru())) {
            given().header("Authorization", party).contentType(ContentType.JSON).body(Map.of("signatoryName", "A. Signatory"))
                    .post("/api/v1/agreements/" + id + "/amendments/2/signatures").then().statusCode(200);
        }
        // No transfer event since: the adoption itself announced the fulfilled term.
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOfType(id, "agreement.term.fulfilled") == 1);
    }

    @Test
    void whatWasReceivedWhileSuspendedCompletesTheAgreementWhenItResumes() {
        String id = activeHundredForHundred("REEVAL-RESUME");
        given().header("Authorization", AgreementFixtures.ua()).contentType(ContentType.JSON)
                .body(Map.of("reason", "talks paused")).post("/api/v1/agreements/" + id + "/suspension")
                .then().statusCode(200);
        received(UUID.randomUUID(), 1, id, term(id, "RU"), "RU", "UA", 100);
        received(UUID.randomUUID(), 1, id, term(id, "UA"), "UA", "RU", 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOfType(id, "agreement.term.fulfilled") == 2);
        assertThat(status(id)).isEqualTo("SUSPENDED");

        given().header("Authorization", AgreementFixtures.ru()).contentType(ContentType.JSON)
                .body(Map.of("reason", "talks resumed")).post("/api/v1/agreements/" + id + "/resumption")
                .then().statusCode(200);
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(eventsOfType(id, "agreement.agreement.completed")).isEqualTo(1);
    }
}

package org.homeward.agreement.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.agreement.api.AgreementFixtures;
import org.homeward.agreement.application.LedgerCrossCheck;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger is checked against what transfer-service's own tables hold, received over Kafka: a ledger row
 * corrupted behind the projection's back shows up as a discrepancy, in the metric and for operators.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class LedgerCrossCheckTest {

    private static final String TRANSFERS = "homeward.transfer.events";
    private static final String REPORTS = "homeward.transfer.agreement-totals";

    @Inject
    LedgerCrossCheck crossCheck;
    @Inject
    EntityManager entityManager;

    private static List<Map<String, Object>> discrepanciesOf(String agreement) {
        return given().header("Authorization", TestTokens.bearer("org-homeward-ops", null, "operator"))
                .get("/api/v1/ops/ledger-discrepancies").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(d -> agreement.equals(d.get("agreementId"))).toList();
    }

    private static void report(String agreement, long sequence, UUID transfer, long transferSequence, String term,
                               int received) {
        KafkaTestClient.shared().send(REPORTS, agreement, TransferEventFixtures.totalsReport(agreement, sequence,
                transfer, transferSequence, term, 1212, 1212, received));
    }

    @Test
    void aCorruptedLedgerRowIsReportedAsADifferenceAndAnAgreeingReportClearsIt() {
        String agreement = AgreementFixtures.activeIstanbul("CROSS-CHECK");
        String term = given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/agreements/" + agreement)
                .then().extract().path("terms.find { it.basis == 'N_FOR_N' && it.fromParty == 'RU' }.id");
        UUID transfer = UUID.randomUUID();
        KafkaTestClient.shared().send(TRANSFERS, transfer.toString(), TransferEventFixtures.remains(transfer, 2, agreement,
                term, "RU", "UA", Instant.parse("2025-06-11T08:00:00Z"), "RECEIVED", 1212, 1212, 1212));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AgreementFixtures.ua())
                .get("/api/v1/agreements/" + agreement + "/fulfilment").then().extract()
                .<Integer>path("terms.find { it.termId == '" + term + "' }.received") == 1212);

        // transfer-service says 1,200: a difference, once the ledger holds the same transfer sequence.
        report(agreement, 1_000, transfer, 2, term, 1200);
        await().atMost(Duration.ofSeconds(30)).until(() -> discrepanciesOf(agreement).size() == 1);
        assertThat(discrepanciesOf(agreement).get(0)).containsEntry("ledgerReceived", 1212).containsEntry("reportedReceived", 1200)
                .containsEntry("transferId", transfer.toString());

        report(agreement, 2_000, transfer, 2, term, 1212);
        await().atMost(Duration.ofSeconds(30)).until(() -> discrepanciesOf(agreement).isEmpty());

        // Someone changes the ledger behind the projection's back.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update ledger_entry set received = received + 5 where transfer_id = :t")
                .setParameter("t", transfer).executeUpdate());
        report(agreement, 3_000, transfer, 2, term, 1212);
        await().atMost(Duration.ofSeconds(30)).until(() -> discrepanciesOf(agreement).size() == 1);
        assertThat(discrepanciesOf(agreement).get(0)).containsEntry("ledgerReceived", 1217).containsEntry("reportedReceived", 1212);
        crossCheck.measure();
        assertThat(crossCheck.discrepancyCount()).isGreaterThanOrEqualTo(1);

        // An older report arriving late changes nothing (it would clear the difference if it were applied) ...
        report(agreement, 2_500, transfer, 2, term, 1217);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(discrepanciesOf(agreement)).singleElement().satisfies(d -> assertThat(d).containsEntry("reportedReceived", 1212));
        // ... and a transfer the ledger has not caught up with yet is no difference.
        report(agreement, 4_000, transfer, 3, term, 1300);
        await().atMost(Duration.ofSeconds(30)).until(() -> discrepanciesOf(agreement).isEmpty());
        given().header("Authorization", AgreementFixtures.ua()).get("/api/v1/ops/ledger-discrepancies").then().statusCode(403);
    }
}

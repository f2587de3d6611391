package org.homeward.transfer.handover;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.ManifestValidator;
import org.homeward.transfer.manifest.TermSelection;
import org.homeward.transfer.manifest.format.ManifestFormat;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Not a test (surefire does not pick it up): prints the time to upload, validate and store a 10,000-item
 * CSV manifest through the API, and its ratio to inserting the same rows with plain JDBC batches on the
 * same database in the same run. Run with:
 * mvn -B -pl transfer-service test -Dtest=ManifestUploadBenchmark (after mvn install).
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class ManifestUploadBenchmark {

    private static final int ITEMS = 10_000;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;

    @Inject
    AgroalDataSource dataSource;

    private static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    @Test
    void uploadAgainstPlainJdbc() throws SQLException {
        UUID agreement = UUID.randomUUID();
        UUID term = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(),
                AgreementEventsFixture.activeWithRemainsTerms(agreement, term, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ru())
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
        String uploaded = plan(agreement, term);
        UUID baseline = UUID.fromString(plan(agreement, term));
        byte[] csv = Manifests.remainsCsv(ITEMS);
        List<ManifestItem> items = new ManifestValidator(TransferKind.REMAINS, new TermSelection(TransferKind.REMAINS,
                List.of(new AgreedTerm(term, "REMAINS_REPATRIATION", "RU", "UA"))), LocalDate.now())
                .validate(ManifestFormat.CSV.read(csv, TransferKind.REMAINS, ITEMS));

        List<Long> api = new ArrayList<>();
        List<Long> jdbc = new ArrayList<>();
        List<Long> transport = new ArrayList<>();
        for (int run = 0; run < WARM_UPS + RUNS; run++) {
            long start = System.nanoTime();
            given().header("Authorization", ru()).contentType("text/csv").body(csv)
                    .put("/api/v1/transfers/" + uploaded + "/manifest").then().statusCode(200)
                    .body("manifestItems", equalTo(ITEMS));
            long apiNanos = System.nanoTime() - start;
            start = System.nanoTime();
            insertWithPlainJdbc(baseline, items);
            long jdbcNanos = System.nanoTime() - start;
            // The same bytes, refused once read (the receiving side may not submit): HTTP and body transfer alone.
            start = System.nanoTime();
            given().header("Authorization", TestTokens.bearer("org-ua-coordination", "UA", "coordinator"))
                    .contentType("text/csv").body(csv).put("/api/v1/transfers/" + uploaded + "/manifest")
                    .then().statusCode(403);
            long transportNanos = System.nanoTime() - start;
            if (run >= WARM_UPS) {
                api.add(apiNanos);
                jdbc.add(jdbcNanos);
                transport.add(transportNanos);
            }
        }
        double apiMillis = median(api) / 1e6;
        double jdbcMillis = median(jdbc) / 1e6;
        System.out.printf("%nManifest upload benchmark, %,d items (%,d bytes), median of %d runs after %d warm-ups:%n"
                        + "  PUT /manifest (HTTP, UTF-8 decode, CSV parse, validation, JDBC batch store, outbox): %.0f ms%n"
                        + "    of which HTTP and body transfer (same PUT refused after reading the body):       %.0f ms%n"
                        + "  plain JDBC batch insert of the same rows, one transaction:                          %.0f ms%n"
                        + "  ratio: %.2f%n%n", ITEMS, csv.length, RUNS, WARM_UPS, apiMillis, median(transport) / 1e6,
                jdbcMillis, apiMillis / jdbcMillis);
        given().header("Authorization", ru()).contentType(ContentType.JSON).get("/api/v1/transfers/" + uploaded)
                .then().statusCode(200).body("terms[0].declared", equalTo(ITEMS));
    }

    private static String plan(UUID agreement, UUID term) {
        return given().header("Authorization", ru()).contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement.toString(), "termIds", List.of(term.toString()), "kind", "REMAINS",
                        "fromParty", "RU", "toParty", "UA", "escortOrganisation", "org-icrc",
                        "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                        "scheduledAt", "2025-06-11T06:00:00Z"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
    }

    /** The baseline: the same rows, replaced in one transaction with 1,000-row batches, nothing else. */
    private void insertWithPlainJdbc(UUID transfer, List<ManifestItem> items) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM manifest_item WHERE transfer_id = ?")) {
                delete.setObject(1, transfer);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO manifest_item (transfer_id, position,"
                    + " item_id, origin, tag, term_id, category, nationality, surname, first_names, patronymic, rank,"
                    + " date_of_birth, service_number, recovery_place, recovery_date, personal_effects, health_notes)"
                    + " VALUES (?, ?, ?, 'MANIFEST', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < items.size(); i++) {
                    ManifestItem item = items.get(i);
                    insert.setObject(1, transfer);
                    insert.setInt(2, i);
                    insert.setObject(3, UUID.randomUUID());
                    insert.setString(4, item.tag());
                    insert.setObject(5, item.termId());
                    insert.setString(6, item.category());
                    insert.setString(7, item.nationality());
                    insert.setString(8, item.surname());
                    insert.setString(9, item.firstNames());
                    insert.setString(10, item.patronymic());
                    insert.setString(11, item.rank());
                    insert.setObject(12, item.dateOfBirth() == null ? null : Date.valueOf(item.dateOfBirth()), Types.DATE);
                    insert.setString(13, item.serviceNumber());
                    insert.setString(14, item.recoveryPlace());
                    insert.setObject(15, item.recoveryDate() == null ? null : Date.valueOf(item.recoveryDate()), Types.DATE);
                    insert.setString(16, item.personalEffects());
                    insert.setString(17, item.healthNotes());
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

package org.homeward.transfer.handover;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.platform.csv.CopyCsv;
import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.ManifestValidator;
import org.homeward.transfer.manifest.TermSelection;
import org.homeward.transfer.manifest.format.ManifestFormat;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.postgresql.PGConnection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Not a test (only the benchmarks profile runs it): the time to upload, validate and store a 10,000-item CSV
 * manifest through the API, against its floor measured in the same run: the same bytes PUT to a bare route
 * of the same HTTP server ({@link BareUploadRoute}) plus PostgreSQL's COPY of the same, already parsed, rows
 * into the same table in one transaction. Target: at most twice the floor. Run alone with:
 * mvn -B -Pbenchmarks -pl transfer-service test -Dtest=ManifestUploadBenchmark (after mvn -B -DskipTests install).
 */
@QuarkusTest
@TestProfile(ManifestUploadBenchmark.WithBareUploadRoute.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class ManifestUploadBenchmark {

    public static class WithBareUploadRoute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeward.benchmark.bare-upload", "true",
                    "homeward.http.body-limits.\"/bench/.*\"", "16777216");
        }
    }

    private static final int ITEMS = 10_000;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;

    @Inject
    AgroalDataSource dataSource;

    private static String ru() {
        return TestTokens.bearer("org-ru-coordination", "RU", "coordinator");
    }

    @Test
    void uploadAgainstABareRoutePlusCopy() throws SQLException, IOException {
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

        String copyRows = copyRows(baseline, items);

        List<Long> api = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        List<Long> copy = new ArrayList<>();
        for (int run = 0; run < WARM_UPS + RUNS; run++) {
            long start = System.nanoTime();
            given().header("Authorization", ru()).contentType("text/csv").body(csv)
                    .put("/api/v1/transfers/" + uploaded + "/manifest").then().statusCode(200)
                    .body("manifestItems", equalTo(ITEMS));
            long apiNanos = System.nanoTime() - start;
            start = System.nanoTime();
            given().contentType("text/csv").body(csv).put(BareUploadRoute.PATH).then().statusCode(204);
            long bareNanos = System.nanoTime() - start;
            start = System.nanoTime();
            replaceWithCopy(baseline, copyRows);
            long copyNanos = System.nanoTime() - start;
            if (run >= WARM_UPS) {
                api.add(apiNanos);
                bare.add(bareNanos);
                copy.add(copyNanos);
            }
        }
        double apiMillis = median(api) / 1e6;
        double bareMillis = median(bare) / 1e6;
        double copyMillis = median(copy) / 1e6;
        System.out.printf("%nManifest upload, %,d items (%,d bytes), median of %d runs after %d warm-ups:%n"
                        + "  PUT /manifest (token, HTTP, UTF-8 decode, CSV parse, validation, COPY, outbox, audit): %.0f ms%n"
                        + "  floor: the same bytes PUT to a bare route %.0f ms + COPY of the same rows %.0f ms%n%n",
                ITEMS, csv.length, RUNS, WARM_UPS, apiMillis, bareMillis, copyMillis);
        BenchmarkReport.record(new Figure("manifest upload", "10,000 items (1.7 MB CSV), median ms", apiMillis, "ms",
                "bare route + COPY", bareMillis + copyMillis, Target.ratioAtMost(2.0)));
        given().header("Authorization", ru()).contentType(ContentType.JSON).get("/api/v1/transfers/" + uploaded)
                .then().statusCode(200).body("terms[0].declared", equalTo(ITEMS));
        assertThat(countItems(baseline)).isEqualTo(ITEMS);
    }

    private static String plan(UUID agreement, UUID term) {
        return given().header("Authorization", ru()).contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement.toString(), "termIds", List.of(term.toString()), "kind", "REMAINS",
                        "fromParty", "RU", "toParty", "UA", "escortOrganisation", "org-icrc",
                        "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                        "scheduledAt", "2025-06-11T06:00:00Z"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
    }

    /** The floor's rows, in COPY's CSV, made before any timing (the floor does not parse or validate). */
    private static String copyRows(UUID transfer, List<ManifestItem> items) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            ManifestItem item = items.get(i);
            CopyCsv.row(rows, transfer, i, UUID.randomUUID(), "MANIFEST", item.tag(), item.termId(), item.category(),
                    item.nationality(), item.surname(), item.firstNames(), item.patronymic(), item.rank(),
                    item.dateOfBirth(), item.serviceNumber(), item.recoveryPlace(), item.recoveryDate(),
                    item.personalEffects(), item.healthNotes());
        }
        return rows.toString();
    }

    /** The floor's store: the same rows replaced in one transaction with COPY, nothing else. */
    private void replaceWithCopy(UUID transfer, String rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM manifest_item WHERE transfer_id = ?")) {
                delete.setObject(1, transfer);
                delete.executeUpdate();
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY manifest_item (transfer_id, position,"
                    + " item_id, origin, tag, term_id, category, nationality, surname, first_names, patronymic, rank,"
                    + " date_of_birth, service_number, recovery_place, recovery_date, personal_effects, health_notes)"
                    + " FROM STDIN (FORMAT csv)", new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));
            connection.commit();
        }
    }

    private long countItems(UUID transfer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM manifest_item WHERE transfer_id = ?")) {
            count.setObject(1, transfer);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

package org.homeward.identification.benchmark;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.HttpLoad;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (only the benchmarks profile runs it): requests per second and p99 latency of reading one case
 * as its receiving party's coordinator (token checked, row read, scope and field rules applied, audit row
 * written), against two baselines in the same service under the same load generator: the liveness
 * endpoint, and the same token check + SELECT + audit INSERT with plain JDBC ({@link BareCaseReadRoute}).
 * Target: at least half the rate of the latter. Run alone with: mvn -B -Pbenchmarks -pl identification-service
 * test -Dtest=CaseReadBenchmark (after mvn -B -DskipTests install).
 */
@QuarkusTest
@TestProfile(CaseReadBenchmark.WithBareReadRoute.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseReadBenchmark {

    private static final int CLIENTS = 4;
    /** The 20 measured seconds per side in four alternating slices of 5 s. */
    private static final int SLICES = 4;

    public static class WithBareReadRoute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeward.benchmark.bare-read", "true");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void aCaseReadAgainstLivenessAndPlainJdbc() throws Exception {
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        Map<String, String> receiving = Map.of("Authorization",
                TestTokens.bearer("org-ua-coordination", "UA", "coordinator"));
        HttpLoad load = new HttpLoad(CLIENTS, Duration.ofSeconds(10), Duration.ofSeconds(20));

        HttpLoad.Result liveness = load.run(base.resolve("/q/health/live"), Map.of(), 200);
        long floorAuditsBefore = audits(true);
        long apiAuditsBefore = audits(false);
        HttpLoad.Comparison compared = load.compare(base.resolve(BareCaseReadRoute.PATH + caseId),
                base.resolve("/api/v1/cases/" + caseId), receiving, 200, SLICES);
        HttpLoad.Result floor = compared.first();
        HttpLoad.Result api = compared.second();
        // Both sides wrote exactly one audit row per read, warm-up included, or the comparison would be unfair.
        assertThat(audits(true) - floorAuditsBefore).isEqualTo(floor.warmUpRequests() + floor.requests());
        assertThat(audits(false) - apiAuditsBefore).isEqualTo(api.warmUpRequests() + api.requests());

        System.out.printf("%nCase read, %d clients, 10 s warm-up, 20 s measured (route and API alternating):%n  liveness %.0f/s (p99 %.2f ms)%n"
                        + "  plain JDBC route %.0f/s (p99 %.2f ms)%n  GET /api/v1/cases/{id} %.0f/s (p99 %.2f ms)%n%n",
                CLIENTS, liveness.perSecond(), liveness.p99Millis(), floor.perSecond(), floor.p99Millis(),
                api.perSecond(), api.p99Millis());
        BenchmarkReport.record(new Figure("REST read, a case",
                String.format("requests/s, %d clients (liveness %.0f/s)", CLIENTS, liveness.perSecond()),
                api.perSecond(), "requests/s", "token + SELECT + audit INSERT with plain JDBC", floor.perSecond(),
                Target.ratioAtLeast(0.5)));
        BenchmarkReport.record(new Figure("REST read, a case",
                String.format("p99 latency, %d clients (liveness %.2f ms)", CLIENTS, liveness.p99Millis()),
                api.p99Millis(), "ms", "token + SELECT + audit INSERT with plain JDBC", floor.p99Millis(),
                Target.ratioAtMost(2.0)));
    }

    /** Case reads audited by the floor's route (its purpose says so) or by the API (any other). */
    private long audits(boolean floor) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE action LIKE 'case.%' AND (purpose IS NOT DISTINCT FROM ?) = ?")) {
            count.setString(1, BareCaseReadRoute.PURPOSE);
            count.setBoolean(2, floor);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

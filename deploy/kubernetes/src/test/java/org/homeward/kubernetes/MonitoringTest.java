package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts and the dashboard cover the signals the services publish; every service is scraped. */
class MonitoringTest {

    static final List<String> SIGNALS = List.of(
            "homeward_outbox_oldest_unpublished_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max",
            "homeward_dead_letters_total",
            "homeward_outbox_parked",
            "homeward_consumer_retrying",
            "homeward_ledger_discrepancies",
            "homeward_webhook_deliveries_total",
            "homeward_kinship_jobs_failed",
            "http_server_requests_seconds_count{status=~\"5..\"}");

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void alertsAndDashboardCoverEverySignal(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        var rule = StrictModel.parse(Manifests.named(objects, "PrometheusRule", "homeward"), OperatorModels.PrometheusRule.class);
        List<String> alertExpressions = new ArrayList<>();
        rule.spec().groups().forEach(g -> g.rules().forEach(r -> {
            assertThat(r.alert()).isNotBlank();
            assertThat(r.labels()).containsKey("severity");
            assertThat(r.annotations()).containsKeys("summary", "description");
            alertExpressions.add(r.expr());
        }));
        JsonNode dashboard = new ObjectMapper().readTree(
                Manifests.named(objects, "ConfigMap", "homeward-grafana-dashboard").path("data").path("homeward.json").asText());
        List<String> panelExpressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> panelExpressions.add(t.path("expr").asText())));
        for (String signal : SIGNALS) {
            assertThat(alertExpressions).as("an alert on " + signal).anyMatch(e -> e.contains(signal));
            assertThat(panelExpressions).as("a panel on " + signal).anyMatch(e -> e.contains(signal));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsScrapedOnItsMetricsEndpoint(String overlay) {
        Set<String> scraped = new TreeSet<>();
        for (JsonNode o : Manifests.ofKind(Manifests.render(overlay), "ServiceMonitor")) {
            var monitor = StrictModel.parse(o, OperatorModels.ServiceMonitor.class);
            assertThat(monitor.spec().endpoints()).allSatisfy(e -> {
                assertThat(e.path()).isEqualTo("/q/metrics");
                assertThat(e.port()).isEqualTo("http");
            });
            scraped.add(monitor.spec().selector().matchLabels().get("app.kubernetes.io/name"));
        }
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);
    }
}

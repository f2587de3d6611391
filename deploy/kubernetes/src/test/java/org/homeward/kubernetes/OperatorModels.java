package org.homeward.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * Strict records of the fields this project uses from CRDs that publish no Java model. Deserialized with
 * FAIL_ON_UNKNOWN_PROPERTIES, so a typo or a field the project has not reviewed fails the tests.
 * <ul>
 *   <li>CloudNativePG 1.27 (postgresql.cnpg.io/v1): Cluster, ScheduledBackup;</li>
 *   <li>Prometheus Operator 0.86 (monitoring.coreos.com/v1): ServiceMonitor, PrometheusRule.</li>
 * </ul>
 * A field added to the manifests must be added here after checking it against that operator's API reference.
 */
final class OperatorModels {

    private OperatorModels() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record LocalRef(String name) {
    }

    record SecretKeyRef(String name, String key) {
    }

    record ResourceRequirements(Map<String, String> requests, Map<String, String> limits) {
    }

    // ---- CloudNativePG 1.27 ----

    record CnpgCluster(String apiVersion, String kind, Metadata metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, String primaryUpdateStrategy, Storage storage,
                       ResourceRequirements resources, Bootstrap bootstrap, Managed managed, Backup backup) {
    }

    record Storage(String size, String storageClass) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, LocalRef secret) {
    }

    record Managed(List<RoleConfiguration> roles) {
    }

    record RoleConfiguration(String name, String ensure, Boolean login, Boolean inherit, Integer connectionLimit,
                             LocalRef passwordSecret) {
    }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, String endpointURL, S3Credentials s3Credentials,
                             Compression wal, Compression data) {
    }

    record S3Credentials(SecretKeyRef accessKeyId, SecretKeyRef secretAccessKey, SecretKeyRef region,
                         SecretKeyRef sessionToken) {
    }

    record Compression(String compression) {
    }

    record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, String backupOwnerReference, String method, Boolean immediate,
                               LocalRef cluster) {
    }

    // ---- Prometheus Operator 0.86 ----

    record ServiceMonitor(String apiVersion, String kind, Metadata metadata, ServiceMonitorSpec spec) {
    }

    record ServiceMonitorSpec(LabelSelector selector, List<Endpoint> endpoints) {
    }

    record LabelSelector(Map<String, String> matchLabels) {
    }

    record Endpoint(String port, String path, String interval, String scrapeTimeout) {
    }

    record PrometheusRule(String apiVersion, String kind, Metadata metadata, PrometheusRuleSpec spec) {
    }

    record PrometheusRuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    record Rule(String alert, String record, String expr, @JsonProperty("for") String forDuration,
                Map<String, String> labels, Map<String, String> annotations) {
    }
}

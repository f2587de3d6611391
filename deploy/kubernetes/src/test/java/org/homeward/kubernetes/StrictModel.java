package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses every rendered object as its type. fabric8 and Strimzi model classes keep unknown fields aside in an
 * {@code additionalProperties} map instead of failing: {@link #unknownFields} walks the parsed object and
 * lists every non-empty one, at any depth. Kinds without a published Java model are read into the strict
 * records of {@link OperatorModels} with FAIL_ON_UNKNOWN_PROPERTIES.
 */
final class StrictModel {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** apiVersion + " " + kind -> class. Anything else in the rendered output is an error. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1 Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1 ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1 ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1 Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1 PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1beta2 Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1 Cluster", OperatorModels.CnpgCluster.class),
            Map.entry("postgresql.cnpg.io/v1 ScheduledBackup", OperatorModels.ScheduledBackup.class),
            Map.entry("monitoring.coreos.com/v1 ServiceMonitor", OperatorModels.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1 PrometheusRule", OperatorModels.PrometheusRule.class));

    private StrictModel() {
    }

    static Class<?> typeOf(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Class<?> type = TYPES.get(key);
        if (type == null) {
            throw new AssertionError("no strict model for " + key + " (" + Manifests.id(object) + ")");
        }
        return type;
    }

    static <T> T parse(JsonNode object, Class<T> type) {
        try {
            return MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            throw new AssertionError(Manifests.id(object) + " does not parse as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    static Object parse(JsonNode object) {
        return parse(object, typeOf(object));
    }

    /** Paths of every non-empty additionalProperties map reachable from {@code root}. */
    static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "$", found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object value, String path, List<String> found, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive()) {
            return;
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        String name = value.getClass().getName();
        if (!name.startsWith("io.fabric8.") && !name.startsWith("io.strimzi.")) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new AssertionError("cannot inspect " + c.getName() + "." + field.getName(), e);
                }
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    if (!extra.isEmpty()) {
                        found.add(path + " (" + c.getSimpleName() + "): " + extra.keySet());
                    }
                } else {
                    walk(fieldValue, path + "." + field.getName(), found, seen);
                }
            }
        }
    }
}

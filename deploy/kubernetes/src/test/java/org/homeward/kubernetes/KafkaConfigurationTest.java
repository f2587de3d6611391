package org.homeward.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Strimzi topics and users agree with what the services' application.properties use. */
class KafkaConfigurationTest {

    static final Set<String> RESTRICTED = Set.of("homeward.transfer.manifest-items",
            "homeward.identification-service.dead-letters");

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static Map<String, KafkaTopic> topics(String overlay) {
        Map<String, KafkaTopic> topics = new TreeMap<>();
        for (JsonNode o : Manifests.ofKind(Manifests.render(overlay), "KafkaTopic")) {
            KafkaTopic t = StrictModel.parse(o, KafkaTopic.class);
            String name = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
            topics.put(name, t);
        }
        return topics;
    }

    static Set<String> acls(KafkaUser user) {
        Set<String> acls = new TreeSet<>();
        KafkaUserAuthorizationSimple authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        for (AclRule rule : authorization.getAcls()) {
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource t) {
                assertThat(t.getPatternType().toString()).as("literal topic ACLs only").isEqualToIgnoringCase("literal");
                resource = "topic:" + t.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                assertThat(g.getPatternType().toString()).as("literal group ACLs only").isEqualToIgnoringCase("literal");
                resource = "group:" + g.getName();
            } else {
                resource = "other:" + rule.getResource().getType();
            }
            assertThat(rule.getType() == null || rule.getType().toString().equalsIgnoreCase("allow")).isTrue();
            rule.getOperations().forEach(op -> acls.add(resource + ":" + op.toValue()));
        }
        return acls;
    }

    @Test
    void theServicesConfigurationIsRead() {
        Map<String, ServiceConfiguration> config = ServiceConfiguration.all();
        assertThat(config.get("agreement-service").groups()).containsKeys("agreement-service", "agreement-service-dead-letters");
        assertThat(config.get("transfer-service").writes()).contains("homeward.transfer.manifest-items");
        assertThat(config.get("notification-service").reads()).contains("homeward.identification.events");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesNameExistsAsAKafkaTopic(String overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        Set<String> used = new TreeSet<>();
        ServiceConfiguration.all().values().forEach(c -> used.addAll(c.topics()));
        assertThat(topics.keySet()).containsAll(used);
        assertThat(topics.keySet()).as("no topic nobody uses").containsExactlyInAnyOrderElementsOf(used);
        int replicas = overlay.equals("dev") ? 1 : 3;
        int minIsr = overlay.equals("dev") ? 1 : 2;
        topics.forEach((name, t) -> {
            assertThat(t.getSpec().getPartitions()).as(name + " partitions").isPositive();
            assertThat(t.getSpec().getReplicas()).as(name + " replicas").isEqualTo(replicas);
            Map<String, Object> config = t.getSpec().getConfig();
            assertThat(Integer.parseInt(String.valueOf(config.get("min.insync.replicas")))).as(name).isEqualTo(minIsr);
            assertThat(config).as(name).containsKeys("cleanup.policy", "retention.ms");
        });
        KafkaTopic items = topics.get("homeward.transfer.manifest-items");
        assertThat(items.getSpec().getConfig().get("cleanup.policy")).isEqualTo("delete");
        assertThat(Long.parseLong(String.valueOf(items.getSpec().getConfig().get("retention.ms")))).isPositive();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceUserAllowsExactlyWhatItsConfigurationUses(String overlay) {
        Map<String, KafkaUser> users = Manifests.ofKind(Manifests.render(overlay), "KafkaUser").stream()
                .map(o -> StrictModel.parse(o, KafkaUser.class))
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);
        ServiceConfiguration.all().forEach((service, config) ->
                assertThat(acls(users.get(service))).as(service + " ACLs").isEqualTo(config.expectedAcls()));
        for (String topic : RESTRICTED) {
            assertThat(users.values().stream().filter(u -> acls(u).contains("topic:" + topic + ":Read"))
                    .map(u -> u.getMetadata().getName()).toList())
                    .as(topic + " readable by identification-service alone").containsExactly("identification-service");
        }
    }

    @Test
    void autoscalersNeverExceedThePartitionsTheirConsumerGroupsCanUse() {
        Map<String, KafkaTopic> topics = topics("production");
        List<HorizontalPodAutoscaler> hpas = Manifests.ofKind(Manifests.render("production"), "HorizontalPodAutoscaler")
                .stream().map(o -> StrictModel.parse(o, HorizontalPodAutoscaler.class)).toList();
        assertThat(hpas).hasSize(ServiceConfiguration.SERVICES.size());
        Map<String, ServiceConfiguration> config = ServiceConfiguration.all();
        for (HorizontalPodAutoscaler hpa : hpas) {
            String service = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(config).as("HPA target " + service).containsKey(service);
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            config.get(service).groups().forEach((group, groupTopics) -> {
                // Each channel is its own consumer: a replica beyond the partitions of any one topic idles.
                int partitions = groupTopics.stream().mapToInt(t -> topics.get(t).getSpec().getPartitions()).min()
                        .orElseThrow();
                assertThat(hpa.getSpec().getMaxReplicas())
                        .as(service + " maxReplicas against group " + group + " on " + groupTopics)
                        .isLessThanOrEqualTo(partitions);
            });
        }
    }
}

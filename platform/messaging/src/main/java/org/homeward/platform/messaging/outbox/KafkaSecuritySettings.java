package org.homeward.platform.messaging.outbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * The security part of a service's Kafka configuration (TLS and SASL: {@code security.protocol},
 * {@code ssl.*}, {@code sasl.*}), handed to every Kafka client the platform creates itself, so that it
 * authenticates as the service does where the broker enforces ACLs.
 */
public final class KafkaSecuritySettings {

    private KafkaSecuritySettings() {
    }

    public static Map<String, Object> of(Map<String, Object> serviceKafkaConfig) {
        Map<String, Object> security = new TreeMap<>();
        serviceKafkaConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                security.put(key, value);
            }
        });
        return security;
    }
}

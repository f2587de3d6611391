package org.homeward.platform.messaging.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which consumers are stuck retrying a failure, and the kind of failure; a gauge per consumer for alerts. */
@ApplicationScoped
public class ConsumerStatus {

    private final Map<String, String> retrying = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public ConsumerStatus(MeterRegistry registry) {
        this.registry = registry;
    }

    void retrying(String consumer, Exception cause) {
        if (retrying.put(consumer, cause.getClass().getSimpleName()) == null) {
            Gauge.builder("homeward.consumer.retrying", retrying, r -> r.containsKey(consumer) ? 1 : 0)
                    .description("1 while the consumer retries a failing record").tag("consumer", consumer)
                    .register(registry);
        }
    }

    void recovered(String consumer) {
        retrying.remove(consumer);
    }

    public Map<String, String> retrying() {
        return Map.copyOf(retrying);
    }
}

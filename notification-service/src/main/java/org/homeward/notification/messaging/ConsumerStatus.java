package org.homeward.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which consumers are stuck retrying a transient failure, and the kind of failure. */
@ApplicationScoped
public class ConsumerStatus {

    private final Map<String, String> retrying = new ConcurrentHashMap<>();

    void retrying(String consumer, Exception cause) {
        retrying.put(consumer, cause.getClass().getSimpleName());
    }

    void recovered(String consumer) {
        retrying.remove(consumer);
    }

    public Map<String, String> retrying() {
        return Map.copyOf(retrying);
    }
}

package org.homeward.platform.messaging.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells a topic that does not exist from a broker that does not answer, when a send found no metadata for
 * its topic: both look the same to the producer (a metadata timeout), but only the first is for an operator
 * to fix while every other topic goes on.
 */
final class TopicPresence implements AutoCloseable {

    private final Properties adminConfig = new Properties();
    private final Duration timeout;
    private Admin admin;

    TopicPresence(String bootstrapServers, Map<String, Object> security, Duration timeout) {
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.putAll(security);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-topics");
        int ms = (int) Math.max(1000, timeout.toMillis());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        this.timeout = Duration.ofMillis(ms);
    }

    /**
     * Whether the broker answered and has no such topic (internal topics included in the listing).
     *
     * @throws ExecutionException or TimeoutException when the broker did not answer: it is away, not the topic
     */
    synchronized boolean isMissing(String topic) throws ExecutionException, TimeoutException, InterruptedException {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return !admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs((int) timeout.toMillis()))
                .names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}

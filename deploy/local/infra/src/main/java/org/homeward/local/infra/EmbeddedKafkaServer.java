package org.homeward.local.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM (the Apache Kafka server jars).
 * Topics are auto-created with three partitions so that keying by aggregate id matters locally as it
 * does in production.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    /** Fixed so that a persistent log directory formatted once is accepted on every restart. */
    private static final String LOCAL_CLUSTER_ID = "aG9tZXdhcmQtbG9jYWwx";

    private final EmbeddedKafkaBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** A throw-away broker on free ports. */
    public static EmbeddedKafkaServer startEphemeral() {
        return start(null, freePort(), true);
    }

    /** A throw-away broker on a given port: for tests that take a broker away and bring one back. */
    public static EmbeddedKafkaServer startEphemeral(int port) {
        return start(null, port, true);
    }

    /** A throw-away broker that, as production brokers usually are, creates no topic it is not asked to. */
    public static EmbeddedKafkaServer startEphemeralWithoutTopicCreation(int port) {
        return start(null, port, false);
    }

    public static int freeTcpPort() {
        return freePort();
    }

    /** A broker whose log survives restarts, listening on the given port. */
    public static EmbeddedKafkaServer startPersistent(Path logDirectory, int port) {
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(logDirectory, port, true);
    }

    private static EmbeddedKafkaServer start(Path logDirectory, int port, boolean createTopics) {
        // The controller's port is chosen here, apart from the broker's: left to the library, it could be given
        // the very port just released by freePort() for the broker, and Kafka refuses two listeners on one port.
        int controllerPort = freePort();
        while (controllerPort == port) {
            controllerPort = freePort();
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(LOCAL_CLUSTER_ID)
                .withDeleteLogDirsOnClose(logDirectory == null)
                .withAdditionalProperties(properties -> {
                    properties.put("num.partitions", "3");
                    properties.put("auto.create.topics.enable", String.valueOf(createTopics));
                    properties.put("offsets.topic.replication.factor", "1");
                    properties.put("transaction.state.log.replication.factor", "1");
                    properties.put("transaction.state.log.min.isr", "1");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    if (logDirectory != null) {
                        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
                    }
                });
        return new EmbeddedKafkaServer(broker.start());
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
    }

    @Override
    public void close() {
        broker.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.homeward.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a service's application.properties says it reads and writes on Kafka: consumer groups with their
 * topics ({@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}), and the topics it writes
 * (dead-letter topics, outbox topics, outgoing channels). Profile-specific keys ({@code %dev.}) are ignored.
 */
record ServiceConfiguration(String service, Map<String, Set<String>> groups, Set<String> writes) {

    static final List<String> SERVICES =
            List.of("agreement-service", "transfer-service", "identification-service", "notification-service");
    /** What is deployed: the services and the console, which has no database and no Kafka client. */
    static final List<String> DEPLOYMENTS = List.of("agreement-service", "transfer-service", "identification-service",
            "notification-service", "console");

    static ServiceConfiguration of(String service) {
        return parse(service, Manifests.repoRoot().resolve(service).resolve("src/main/resources/application.properties"));
    }

    static ServiceConfiguration parse(String service, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return parse(service, properties);
    }

    static ServiceConfiguration parse(String service, Properties properties) {
        Map<String, Set<String>> groups = new TreeMap<>();
        Set<String> writes = new TreeSet<>();
        String in = "mp.messaging.incoming.";
        String out = "mp.messaging.outgoing.";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = properties.getProperty(key).trim();
            if (key.startsWith(in) && key.endsWith(".dead-letter-queue.topic")) {
                writes.add(value);
            } else if (key.startsWith(in) && key.endsWith(".topic") && key.indexOf('.', in.length()) == key.length() - ".topic".length()) {
                String channel = key.substring(in.length(), key.length() - ".topic".length());
                String group = properties.getProperty(in + channel + ".group.id");
                if (group == null) {
                    throw new AssertionError(service + ": channel " + channel + " has no group.id");
                }
                groups.computeIfAbsent(group.trim(), g -> new TreeSet<>()).add(value);
            } else if (key.startsWith(out) && key.endsWith(".topic")) {
                writes.add(value);
            } else if (key.startsWith("homeward.outbox.topics.")) {
                writes.add(value);
            }
        }
        return new ServiceConfiguration(service, groups, writes);
    }

    Set<String> reads() {
        Set<String> reads = new TreeSet<>();
        groups.values().forEach(reads::addAll);
        return reads;
    }

    Set<String> topics() {
        Set<String> all = new TreeSet<>(reads());
        all.addAll(writes);
        return all;
    }

    /** The ACLs this configuration needs, as "type:name:Operation" strings. */
    Set<String> expectedAcls() {
        Set<String> acls = new TreeSet<>();
        for (String topic : writes) {
            acls.add("topic:" + topic + ":Write");
            acls.add("topic:" + topic + ":Describe");
        }
        for (String topic : reads()) {
            acls.add("topic:" + topic + ":Read");
            acls.add("topic:" + topic + ":Describe");
        }
        for (String group : groups.keySet()) {
            acls.add("group:" + group + ":Read");
        }
        return acls;
    }

    static Map<String, ServiceConfiguration> all() {
        Map<String, ServiceConfiguration> all = new LinkedHashMap<>();
        SERVICES.forEach(s -> all.put(s, of(s)));
        return all;
    }
}

package org.homeward.local.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at real embedded PostgreSQL and Kafka. Use with the init argument
 * {@code service} naming the service whose database to use, e.g.
 * {@code @QuarkusTestResource(value = HomewardTestInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "agreement"))}.
 */
public class HomewardTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("HomewardTestInfrastructure needs the init argument 'service'");
        }
    }

    @Override
    public Map<String, String> start() {
        return SharedTestInfrastructure.get().quarkusConfig(service);
    }

    @Override
    public void stop() {
        // Shared across test classes; stopped by a JVM shutdown hook.
    }
}

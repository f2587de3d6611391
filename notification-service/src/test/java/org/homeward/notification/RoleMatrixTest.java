package org.homeward.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.RoleMatrix;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
/**
 * The role layer of every operation of notification-service's OpenAPI document, against the policy below,
 * written by hand from DESIGN.md 6: a new endpoint without a line here fails this test.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class RoleMatrixTest {

    private static final Set<String> ADMIN = Set.of("subscriber-admin");

    static final Map<String, Set<String>> POLICY = RoleMatrix.withPlatform(Map.ofEntries(
            entry("POST /api/v1/subscriptions", ADMIN),
            entry("GET /api/v1/subscriptions", ADMIN),
            entry("GET /api/v1/subscriptions/{id}", ADMIN),
            entry("PUT /api/v1/subscriptions/{id}", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/pause", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/resume", ADMIN),
            entry("DELETE /api/v1/subscriptions/{id}", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/secret-rotation", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/test", ADMIN),
            entry("GET /api/v1/subscriptions/{id}/deliveries", ADMIN),
            entry("GET /api/v1/subscriptions/{id}/deliveries/{deliveryId}/attempts", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry", ADMIN),
            entry("POST /api/v1/subscriptions/{id}/recovery", ADMIN)));

    @Test
    void everyOperationLetsInExactlyTheRolesItsPolicyNames() throws Exception {
        RoleMatrix.verify(URI.create(RestAssured.baseURI + ":" + RestAssured.port), POLICY);
    }
}

package org.homeward.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.homeward.local.infra.DatabaseSnapshot;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to every operation of notification-service (HostileInput): each answered with a 4xx
 * problem+json, never a 5xx, and the business tables exactly as they were.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        Map<String, String> before = DatabaseSnapshot.settled(dataSource);
        HostileInput hostile = new HostileInput(URI.create(RestAssured.baseURI + ":" + RestAssured.port));

        assertThat(hostile.violations(RoleMatrixTest.POLICY)).isEmpty();
        assertThat(hostile.sent()).isGreaterThan(150);
        System.out.printf("HostileInputTest: %d hostile requests, every one refused with a problem%n", hostile.sent());
        assertThat(DatabaseSnapshot.differences(before, DatabaseSnapshot.of(dataSource))).isEmpty();
    }
}

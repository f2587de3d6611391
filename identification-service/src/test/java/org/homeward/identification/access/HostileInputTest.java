package org.homeward.identification.access;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.URI;

/**
 * Hostile requests to every operation of identification-service (HostileInput): each answered with a 4xx
 * problem+json, never a 5xx, and the business tables exactly as they were.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        int sent = HostileInput.verify(URI.create(RestAssured.baseURI + ":" + RestAssured.port), dataSource,
                RoleMatrixTest.POLICY);
        System.out.printf("HostileInputTest: %d hostile requests, every one refused with a problem%n", sent);
    }
}

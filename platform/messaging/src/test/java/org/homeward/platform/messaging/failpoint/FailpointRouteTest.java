package org.homeward.platform.messaging.failpoint;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.platform.messaging.MessagingTestDatabase;
import org.homeward.platform.messaging.SecondApplicationProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the end-to-end profile ({@link SecondApplicationProfile}) a test arms crash points in a running
 * service; the route says what it refused.
 */
@QuarkusTest
@TestProfile(SecondApplicationProfile.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = MessagingTestDatabase.NAME))
class FailpointRouteTest {

    @Inject
    Failpoints failpoints;

    @Test
    void aRunningServiceOfTheEndToEndProfileIsArmedOverHttp() {
        assertThat(failpoints.armed()).isFalse();
        given().contentType("text/plain").body("nowhere=1").post(FailpointRoute.PATH).then().statusCode(400);
        assertThat(failpoints.armed()).isFalse();
        // Far enough never to be reached by this test application.
        given().contentType("text/plain").body("relay.after-send@never=999999999").post(FailpointRoute.PATH)
                .then().statusCode(204);
        assertThat(failpoints.armed()).isTrue();
    }
}

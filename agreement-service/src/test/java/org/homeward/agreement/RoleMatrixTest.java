package org.homeward.agreement;

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
 * The role layer of every operation of agreement-service's OpenAPI document, against the policy below,
 * written by hand from DESIGN.md 6: a new endpoint without a line here fails this test.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "agreement"))
class RoleMatrixTest {

    private static final Set<String> PARTIES = Set.of("coordinator");
    private static final Set<String> DRAFTERS = Set.of("coordinator", "mediator");
    private static final Set<String> READERS = Set.of("coordinator", "mediator", "intermediary");

    static final Map<String, Set<String>> POLICY = RoleMatrix.withPlatform(Map.ofEntries(
            entry("POST /api/v1/agreements", DRAFTERS),
            entry("GET /api/v1/agreements", READERS),
            entry("GET /api/v1/agreements/{id}", READERS),
            entry("PUT /api/v1/agreements/{id}", DRAFTERS),
            entry("POST /api/v1/agreements/{id}/signatures", PARTIES),
            entry("POST /api/v1/agreements/{id}/suspension", PARTIES),
            entry("POST /api/v1/agreements/{id}/resumption", PARTIES),
            entry("POST /api/v1/agreements/{id}/termination", PARTIES),
            entry("POST /api/v1/agreements/{id}/completion-declarations", PARTIES),
            entry("POST /api/v1/agreements/{id}/amendments", DRAFTERS),
            entry("POST /api/v1/agreements/{id}/amendments/{number}/signatures", PARTIES),
            entry("GET /api/v1/agreements/{id}/versions", READERS),
            entry("GET /api/v1/agreements/{id}/fulfilment", Set.of("coordinator", "mediator", "intermediary", "observer")),
            entry("GET /api/v1/ops/ledger-discrepancies", Set.of("operator", "auditor"))));

    @Test
    void everyOperationLetsInExactlyTheRolesItsPolicyNames() throws Exception {
        RoleMatrix.verify(URI.create(RestAssured.baseURI + ":" + RestAssured.port), POLICY);
    }
}

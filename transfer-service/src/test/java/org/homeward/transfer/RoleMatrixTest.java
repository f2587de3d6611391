package org.homeward.transfer;

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
 * The role layer of every operation of transfer-service's OpenAPI document, against the policy below,
 * written by hand from DESIGN.md 6: a new endpoint without a line here fails this test.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class RoleMatrixTest {

    private static final Set<String> PARTIES = Set.of("coordinator");
    private static final Set<String> READERS = Set.of("coordinator", "mediator", "intermediary");
    private static final Set<String> MANIFEST_READERS = Set.of("coordinator", "intermediary");

    static final Map<String, Set<String>> POLICY = RoleMatrix.withPlatform(Map.ofEntries(
            entry("GET /api/v1/agreement-views", READERS),
            entry("GET /api/v1/agreement-views/{id}", READERS),
            entry("POST /api/v1/transfers", PARTIES),
            entry("GET /api/v1/transfers", READERS),
            entry("GET /api/v1/transfers/summary", READERS),
            entry("GET /api/v1/transfers/{id}", READERS),
            entry("PUT /api/v1/transfers/{id}/manifest", PARTIES),
            entry("GET /api/v1/transfers/{id}/manifest", MANIFEST_READERS),
            entry("POST /api/v1/transfers/{id}/manifest/consents", Set.of("intermediary")),
            entry("POST /api/v1/transfers/{id}/manifest/consent-withdrawals", Set.of("intermediary")),
            entry("POST /api/v1/transfers/{id}/dispatch", PARTIES),
            entry("POST /api/v1/transfers/{id}/receipt", PARTIES),
            entry("POST /api/v1/transfers/{id}/reconciliation", PARTIES),
            entry("GET /api/v1/transfers/{id}/reconciliation", MANIFEST_READERS),
            entry("POST /api/v1/transfers/{id}/cancellation", PARTIES),
            entry("POST /api/v1/prisoners", PARTIES),
            entry("POST /api/v1/prisoners/imports", PARTIES),
            entry("GET /api/v1/prisoners", PARTIES),
            entry("GET /api/v1/prisoners/{id}", PARTIES),
            entry("GET /api/v1/prisoners/{id}/capture-card", PARTIES),
            entry("GET /api/v1/prisoners/notification-list", PARTIES),
            entry("POST /api/v1/prisoners/{id}/medical-findings", PARTIES),
            entry("POST /api/v1/prisoners/{id}/death", PARTIES),
            entry("POST /api/v1/exchange-lists", PARTIES),
            entry("GET /api/v1/exchange-lists", READERS),
            entry("GET /api/v1/exchange-lists/{id}", READERS),
            entry("GET /api/v1/exchange-lists/{id}/entries", MANIFEST_READERS),
            entry("POST /api/v1/exchange-lists/{id}/offers", PARTIES),
            entry("POST /api/v1/exchange-lists/{id}/requests", PARTIES),
            entry("POST /api/v1/exchange-lists/{id}/rounds", PARTIES),
            entry("POST /api/v1/exchange-lists/{id}/entries/{entryId}/answer", PARTIES),
            entry("POST /api/v1/exchange-lists/{id}/entries/{entryId}/verification", Set.of("intermediary")),
            entry("GET /api/v1/exchange-lists/{id}/entries/{entryId}/history", MANIFEST_READERS),
            entry("GET /api/v1/exchange-lists/{id}/match-reviews", MANIFEST_READERS),
            entry("POST /api/v1/exchange-lists/{id}/match-reviews/{reviewId}/decision", PARTIES)));

    @Test
    void everyOperationLetsInExactlyTheRolesItsPolicyNames() throws Exception {
        RoleMatrix.verify(URI.create(RestAssured.baseURI + ":" + RestAssured.port), POLICY);
    }
}

package org.homeward.identification.access;

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
 * The role layer of every operation of identification-service's OpenAPI document, against the policy
 * below, written by hand from DESIGN.md 6: a new endpoint without a line here fails this test.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class RoleMatrixTest {

    private static final Set<String> EXAMINER = Set.of("forensic-examiner");
    private static final Set<String> COORDINATOR = Set.of("coordinator");
    private static final Set<String> COORDINATOR_OR_EXAMINER = Set.of("coordinator", "forensic-examiner");
    /** Counts only: every role but the subscriber administrator. */
    private static final Set<String> STATISTICS = Set.of("forensic-examiner", "coordinator", "mediator", "intermediary",
            "observer", "auditor");
    private static final Set<String> CASE_READERS = Set.of("forensic-examiner", "coordinator", "mediator", "intermediary");

    static final Map<String, Set<String>> POLICY = RoleMatrix.withPlatform(Map.ofEntries(
            entry("GET /api/v1/cases", CASE_READERS),
            entry("GET /api/v1/cases/{id}", CASE_READERS),
            entry("GET /api/v1/cases/{id}/history", CASE_READERS),
            entry("POST /api/v1/cases/{id}/assignment", COORDINATOR),
            entry("POST /api/v1/cases/{id}/closure", EXAMINER),
            entry("POST /api/v1/cases/{id}/return", COORDINATOR),
            entry("GET /api/v1/cases/{id}/custody", EXAMINER),
            entry("POST /api/v1/cases/{id}/custody", EXAMINER),
            entry("GET /api/v1/cases/{id}/examinations", EXAMINER),
            entry("POST /api/v1/cases/{id}/examinations", EXAMINER),
            entry("GET /api/v1/cases/{id}/post-mortem", EXAMINER),
            entry("POST /api/v1/cases/{id}/post-mortem", EXAMINER),
            entry("GET /api/v1/cases/{id}/reconciliation", EXAMINER),
            entry("GET /api/v1/reconciliation-board", EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/ante-mortem", EXAMINER),
            entry("POST /api/v1/missing-persons/{id}/ante-mortem", EXAMINER),
            entry("GET /api/v1/cases/{id}/proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/proposals/{proposalId}/decision", EXAMINER),
            entry("GET /api/v1/cases/{id}/closure-proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/closure-proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/closure-proposals/{proposalId}/decision", EXAMINER),
            entry("POST /api/v1/cases/{id}/split-proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/join-proposals", EXAMINER),
            entry("GET /api/v1/cases/{id}/commingling-proposals", EXAMINER),
            entry("POST /api/v1/cases/{id}/commingling-proposals/{proposalId}/decision", EXAMINER),
            entry("GET /api/v1/cases/{id}/family-notifications", COORDINATOR_OR_EXAMINER),
            entry("POST /api/v1/cases/{id}/family-notifications", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/cases/{id}/dna-profile", EXAMINER),
            entry("PUT /api/v1/cases/{id}/dna-profile", EXAMINER),
            entry("GET /api/v1/cases/{id}/y-str-haplotype", EXAMINER),
            entry("PUT /api/v1/cases/{id}/y-str-haplotype", EXAMINER),
            entry("GET /api/v1/cases/{id}/mtdna-sequence", EXAMINER),
            entry("PUT /api/v1/cases/{id}/mtdna-sequence", EXAMINER),
            entry("GET /api/v1/cases/{id}/kinship-candidates", EXAMINER),
            entry("GET /api/v1/cases/{id}/kinship-candidates/{candidateId}/report", EXAMINER),
            entry("GET /api/v1/cases/{id}/kinship-candidates/{candidateId}/report/pedtools", EXAMINER),
            entry("GET /api/v1/cases/{id}/reassociations", EXAMINER),
            entry("GET /api/v1/case-statistics", STATISTICS),
            entry("GET /api/v1/case-statistics/minimum-number-of-individuals", STATISTICS),
            entry("GET /api/v1/identified-dead", COORDINATOR),
            entry("GET /api/v1/missing-persons", COORDINATOR_OR_EXAMINER),
            entry("POST /api/v1/missing-persons", COORDINATOR),
            entry("GET /api/v1/missing-persons/{id}", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/full-siblings", COORDINATOR_OR_EXAMINER),
            entry("POST /api/v1/missing-persons/{id}/full-siblings", COORDINATOR_OR_EXAMINER),
            entry("DELETE /api/v1/missing-persons/{id}/full-siblings", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/children", COORDINATOR_OR_EXAMINER),
            entry("POST /api/v1/missing-persons/{id}/children", COORDINATOR_OR_EXAMINER),
            entry("DELETE /api/v1/missing-persons/{id}/children/{childId}", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/kinship-candidates", EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/reference-fit", EXAMINER),
            entry("GET /api/v1/missing-persons/{id}/reference-planning", EXAMINER),
            entry("POST /api/v1/missing-persons/imports", COORDINATOR),
            entry("GET /api/v1/missing-persons/imports", COORDINATOR),
            entry("POST /api/v1/missing-persons/imports/{id}/resume", COORDINATOR),
            entry("GET /api/v1/missing-persons/imports/{id}", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/missing-persons/reviews", EXAMINER),
            entry("POST /api/v1/missing-persons/reviews/{id}/decision", EXAMINER),
            entry("POST /api/v1/missing-persons/reviews/{id}/merge-undo", EXAMINER),
            entry("GET /api/v1/donors", EXAMINER),
            entry("POST /api/v1/donors", EXAMINER),
            entry("POST /api/v1/donors/{id}/consent-withdrawal", COORDINATOR_OR_EXAMINER),
            entry("POST /api/v1/donors/{id}/consent-withdrawal/confirmation", COORDINATOR_OR_EXAMINER),
            entry("GET /api/v1/donors/{id}/dna-profile", EXAMINER),
            entry("PUT /api/v1/donors/{id}/dna-profile", EXAMINER),
            entry("GET /api/v1/donors/{id}/y-str-haplotype", EXAMINER),
            entry("PUT /api/v1/donors/{id}/y-str-haplotype", EXAMINER),
            entry("GET /api/v1/donors/{id}/mtdna-sequence", EXAMINER),
            entry("PUT /api/v1/donors/{id}/mtdna-sequence", EXAMINER),
            entry("POST /api/v1/kinship/likelihood-ratio", EXAMINER),
            entry("POST /api/v1/kinship/joint-identification", EXAMINER),
            entry("GET /api/v1/prisoner-checks", COORDINATOR),
            entry("GET /api/v1/prisoner-checks/{id}", COORDINATOR),
            entry("POST /api/v1/prisoner-checks/{id}/decision", COORDINATOR),
            entry("GET /api/v1/ops/kinship-jobs/failed", Set.of("operator")),
            entry("POST /api/v1/ops/kinship-jobs/failed/redrive", Set.of("operator")),
            entry("POST /api/v1/ops/kinship-jobs/rematch", Set.of("operator")),
            entry("GET /api/v1/ops/erasures/due", Set.of("operator")),
            entry("GET /api/v1/ops/erasures", Set.of("operator")),
            entry("POST /api/v1/ops/erasures", Set.of("operator")),
            entry("POST /api/v1/ops/erasures/{id}/confirmation", Set.of("operator")),
            entry("POST /api/v1/ops/erasures/{id}/withdrawal", Set.of("operator"))));

    @Test
    void everyOperationLetsInExactlyTheRolesItsPolicyNames() throws Exception {
        RoleMatrix.verify(URI.create(RestAssured.baseURI + ":" + RestAssured.port), POLICY);
    }
}

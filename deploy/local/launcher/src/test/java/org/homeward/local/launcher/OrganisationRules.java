package org.homeward.local.launcher;

import org.homeward.local.infra.OrganisationMatrix;
import org.homeward.local.infra.OrganisationMatrix.Rule;

import java.util.Map;

import static java.util.Map.entry;
import static org.homeward.local.infra.OrganisationMatrix.Rule.filtered;
import static org.homeward.local.infra.OrganisationMatrix.Rule.list;
import static org.homeward.local.infra.OrganisationMatrix.Rule.notScoped;
import static org.homeward.local.infra.OrganisationMatrix.Rule.read;
import static org.homeward.local.infra.OrganisationMatrix.Rule.write;

/**
 * The organisation rule of every operation of every service, written by hand from DESIGN.md 6: who inside
 * the agreement (or the subscription's owner) sees a resource, and that nobody outside can read, change or
 * even detect it. Fixture keys name the resource a path parameter or query placeholder stands for. "Inside"
 * is the receiving party UA and the agreement's mediator and intermediary; what the sending party may see of
 * a case is the services' own access tests' business (CaseAccessTest).
 */
final class OrganisationRules {

    private static final String COORDINATOR = "coordinator";
    private static final String MEDIATOR = "mediator";
    private static final String INTERMEDIARY = "intermediary";
    private static final String EXAMINER = "forensic-examiner";
    private static final String ADMIN = "subscriber-admin";

    private OrganisationRules() {
    }

    static final Map<String, Rule> AGREEMENT = OrganisationMatrix.withPlatform(Map.ofEntries(
            entry("POST /api/v1/agreements", notScoped()),
            entry("GET /api/v1/agreements", list(COORDINATOR, "?size=100", "agreements/{id}")),
            entry("GET /api/v1/agreements/{id}", read(COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("PUT /api/v1/agreements/{id}", write()),
            entry("POST /api/v1/agreements/{id}/signatures", write()),
            entry("POST /api/v1/agreements/{id}/suspension", write()),
            entry("POST /api/v1/agreements/{id}/resumption", write()),
            entry("POST /api/v1/agreements/{id}/termination", write()),
            entry("POST /api/v1/agreements/{id}/completion-declarations", write()),
            entry("POST /api/v1/agreements/{id}/amendments", write()),
            entry("POST /api/v1/agreements/{id}/amendments/{number}/signatures", write()),
            entry("GET /api/v1/agreements/{id}/versions", read(COORDINATOR, MEDIATOR)),
            entry("GET /api/v1/agreements/{id}/fulfilment", read(COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("GET /api/v1/ops/ledger-discrepancies", notScoped())));

    static final Map<String, Rule> TRANSFER = OrganisationMatrix.withPlatform(Map.ofEntries(
            entry("GET /api/v1/agreement-views", list(COORDINATOR, "?size=100", "agreement-views/{id}")),
            entry("GET /api/v1/agreement-views/{id}", read(COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("POST /api/v1/transfers", notScoped()),
            entry("GET /api/v1/transfers", list(COORDINATOR, "?agreementId=<agreements/{id}>&size=100", "transfers/{id}")),
            entry("GET /api/v1/transfers/summary", filtered("?from=2025-06-09&to=2025-06-15&agreementId=<agreements/{id}>",
                    COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("GET /api/v1/transfers/{id}", read(COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("PUT /api/v1/transfers/{id}/manifest", write()),
            entry("GET /api/v1/transfers/{id}/manifest", read(COORDINATOR, INTERMEDIARY)),
            entry("POST /api/v1/transfers/{id}/manifest/consents", write()),
            entry("POST /api/v1/transfers/{id}/manifest/consent-withdrawals", write()),
            entry("POST /api/v1/transfers/{id}/dispatch", write()),
            entry("POST /api/v1/transfers/{id}/receipt", write()),
            entry("POST /api/v1/transfers/{id}/reconciliation", write()),
            entry("GET /api/v1/transfers/{id}/reconciliation", read(COORDINATOR, INTERMEDIARY)),
            entry("POST /api/v1/transfers/{id}/cancellation", write()),
            // The prisoners a party holds: its coordinators only (the fixture is held by the inside party, UA).
            entry("POST /api/v1/prisoners", notScoped()),
            entry("POST /api/v1/prisoners/imports", notScoped()),
            entry("GET /api/v1/prisoners", list(COORDINATOR, "?size=100", "prisoners/{id}")),
            entry("GET /api/v1/prisoners/{id}", read(COORDINATOR)),
            entry("GET /api/v1/prisoners/{id}/capture-card", read(COORDINATOR)),
            entry("GET /api/v1/prisoners/notification-list", list(COORDINATOR, "?from=<today>&to=<today>", "prisoners/{id}")),
            entry("POST /api/v1/prisoners/{id}/medical-findings", write("{\"seriouslyWoundedOrSick\": true,"
                    + " \"decidedOn\": \"2025-06-01\", \"commissionReference\": \"MMC-matrix\"}")),
            entry("POST /api/v1/prisoners/{id}/death", write("{\"diedOn\": \"2025-06-01\", \"place\": \"matrix\"}")),
            // Exchange lists: the fixture is the story's RU-to-UA list for the young, with a request of UA's and a
            // probable match waiting for RU.
            entry("POST /api/v1/exchange-lists", notScoped()),
            entry("GET /api/v1/exchange-lists", list(COORDINATOR, "?agreementId=<agreements/{id}>", "exchange-lists/{id}")),
            entry("GET /api/v1/exchange-lists/{id}", read(COORDINATOR, MEDIATOR, INTERMEDIARY)),
            entry("GET /api/v1/exchange-lists/{id}/entries", read(COORDINATOR, INTERMEDIARY)),
            entry("POST /api/v1/exchange-lists/{id}/offers",
                    write("{\"prisonerIds\": [\"00000000-0000-4000-8000-000000000000\"]}")),
            entry("POST /api/v1/exchange-lists/{id}/requests",
                    write("{\"requests\": [{\"surname\": \"X\", \"firstNames\": \"Y\", \"script\": \"Latn\"}]}")),
            entry("POST /api/v1/exchange-lists/{id}/rounds", write()),
            entry("POST /api/v1/exchange-lists/{id}/entries/{entryId}/answer",
                    write("{\"status\": \"NOT_HELD\", \"reason\": \"matrix\"}")),
            entry("POST /api/v1/exchange-lists/{id}/entries/{entryId}/verification", write("{\"decision\": \"VERIFIED\"}")),
            entry("GET /api/v1/exchange-lists/{id}/entries/{entryId}/history", read(COORDINATOR, INTERMEDIARY)),
            entry("GET /api/v1/exchange-lists/{id}/match-reviews", read(COORDINATOR, INTERMEDIARY)),
            entry("POST /api/v1/exchange-lists/{id}/match-reviews/{reviewId}/decision",
                    write("{\"decision\": \"REJECT\"}"))));

    static final Map<String, Rule> IDENTIFICATION = OrganisationMatrix.withPlatform(Map.ofEntries(
            entry("GET /api/v1/cases", list(EXAMINER, "?transferId=<transfers/{id}>&status=IDENTIFIED&size=100", "cases/{id}")),
            entry("GET /api/v1/cases/{id}", read(COORDINATOR, EXAMINER, MEDIATOR, INTERMEDIARY)),
            entry("GET /api/v1/cases/{id}/history", read(COORDINATOR, EXAMINER)),
            entry("POST /api/v1/cases/{id}/assignment", write("{\"organisation\": \"lab-ua-dnipro\", \"reason\": \"matrix\"}")),
            entry("POST /api/v1/cases/{id}/closure", write("{\"outcome\": \"UNIDENTIFIABLE\", \"reason\": \"matrix\"}")),
            entry("POST /api/v1/cases/{id}/return", write("{\"returnedTo\": \"FAMILY\", \"recipient\": \"x\", \"place\": \"Kyiv\"}")),
            entry("GET /api/v1/cases/{id}/custody", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/custody", write()),
            entry("GET /api/v1/cases/{id}/examinations", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/examinations", write()),
            entry("GET /api/v1/cases/{id}/proposals", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/proposals", write()),
            entry("POST /api/v1/cases/{id}/proposals/{proposalId}/decision", write("{\"decision\": \"REJECT\", \"reason\": \"matrix\"}")),
            entry("GET /api/v1/cases/{id}/closure-proposals", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/closure-proposals", write("{\"kind\": \"REVOCATION\", \"reason\": \"matrix\"}")),
            entry("POST /api/v1/cases/{id}/closure-proposals/{proposalId}/decision",
                    write("{\"decision\": \"REJECT\", \"reason\": \"matrix\"}")),
            entry("GET /api/v1/cases/{id}/family-notifications", read(COORDINATOR, EXAMINER)),
            entry("POST /api/v1/cases/{id}/family-notifications", write()),
            entry("GET /api/v1/cases/{id}/dna-profile", read(EXAMINER)),
            entry("PUT /api/v1/cases/{id}/dna-profile", write()),
            entry("GET /api/v1/cases/{id}/y-str-haplotype", read(EXAMINER)),
            entry("PUT /api/v1/cases/{id}/y-str-haplotype", write()),
            entry("GET /api/v1/cases/{id}/mtdna-sequence", read(EXAMINER)),
            entry("PUT /api/v1/cases/{id}/mtdna-sequence", write()),
            entry("GET /api/v1/cases/{id}/kinship-candidates", read(EXAMINER)),
            entry("GET /api/v1/cases/{id}/kinship-candidates/{candidateId}/report", read(EXAMINER)),
            entry("GET /api/v1/cases/{id}/kinship-candidates/{candidateId}/report/pedtools", read(EXAMINER)),
            entry("GET /api/v1/cases/{id}/reassociations", read(EXAMINER)),
            entry("GET /api/v1/cases/{id}/post-mortem", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/post-mortem",
                    write("{\"stature\": {\"range\": {\"min\": 170, \"max\": 180}, \"method\": \"matrix\"}}")),
            entry("GET /api/v1/cases/{id}/reconciliation", read(EXAMINER)),
            // The board of the agreement for the caller's laboratory: an outsider's is empty, as for no agreement.
            entry("GET /api/v1/reconciliation-board", filtered("?agreementId=<agreements/{id}>", EXAMINER)),
            entry("POST /api/v1/cases/{id}/split-proposals", write("{\"individuals\": 2, \"reason\": \"matrix\"}")),
            entry("POST /api/v1/cases/{id}/join-proposals",
                    write("{\"fragmentCaseId\": \"00000000-0000-4000-8000-000000000001\", \"reason\": \"matrix\"}")),
            entry("GET /api/v1/cases/{id}/commingling-proposals", read(EXAMINER)),
            entry("POST /api/v1/cases/{id}/commingling-proposals/{proposalId}/decision",
                    write("{\"decision\": \"REJECT\", \"reason\": \"matrix\"}")),
            // Counts per agreement are public by design (observers, the press): no names, no ids beyond the query's.
            entry("GET /api/v1/case-statistics", notScoped()),
            entry("GET /api/v1/case-statistics/minimum-number-of-individuals", notScoped()),
            entry("GET /api/v1/identified-dead", list(COORDINATOR, "?from=<a-month-ago>&to=<today>", "cases/{id}")),
            entry("GET /api/v1/missing-persons", list(COORDINATOR, "?name=<person-surname>&size=100", "missing-persons/{id}")),
            entry("POST /api/v1/missing-persons", notScoped()),
            entry("GET /api/v1/missing-persons/{id}", read(COORDINATOR, EXAMINER)),
            entry("GET /api/v1/missing-persons/{id}/full-siblings", read(COORDINATOR, EXAMINER)),
            entry("POST /api/v1/missing-persons/{id}/full-siblings",
                    write("{\"personId\": \"00000000-0000-4000-8000-000000000001\"}")),
            entry("DELETE /api/v1/missing-persons/{id}/full-siblings", write()),
            entry("GET /api/v1/missing-persons/{id}/children", read(COORDINATOR, EXAMINER)),
            entry("POST /api/v1/missing-persons/{id}/children",
                    write("{\"personId\": \"00000000-0000-4000-8000-000000000001\"}")),
            entry("DELETE /api/v1/missing-persons/{id}/children/{childId}", write()),
            entry("GET /api/v1/missing-persons/{id}/kinship-candidates", read(EXAMINER)),
            entry("GET /api/v1/missing-persons/{id}/reference-fit", read(EXAMINER)),
            entry("GET /api/v1/missing-persons/{id}/reference-planning", read(EXAMINER)),
            entry("GET /api/v1/missing-persons/{id}/ante-mortem", read(EXAMINER)),
            entry("POST /api/v1/missing-persons/{id}/ante-mortem", write("{\"stature\": {\"range\": {\"min\": 170,"
                    + " \"max\": 180}, \"source\": \"FAMILY_INTERVIEW\"}}")),
            entry("POST /api/v1/missing-persons/imports", notScoped()),
            entry("GET /api/v1/missing-persons/imports/{id}", read(COORDINATOR)),
            entry("GET /api/v1/missing-persons/imports", list(COORDINATOR, "?status=COMPLETED&size=100", "imports/{id}")),
            entry("POST /api/v1/missing-persons/imports/{id}/resume", write()),
            entry("GET /api/v1/missing-persons/reviews", list(EXAMINER, "?status=OPEN&size=100", "reviews/{id}")),
            entry("POST /api/v1/missing-persons/reviews/{id}/decision", write("{\"decision\": \"MERGE\"}")),
            entry("POST /api/v1/missing-persons/reviews/{id}/merge-undo", write()),
            entry("GET /api/v1/donors", list(EXAMINER, "?personId=<missing-persons/{id}>", "donors/{id}")),
            entry("POST /api/v1/donors", notScoped()),
            entry("POST /api/v1/donors/{id}/consent-withdrawal", write()),
            entry("POST /api/v1/donors/{id}/consent-withdrawal/confirmation", write()),
            entry("GET /api/v1/donors/{id}/dna-profile", read(EXAMINER)),
            entry("PUT /api/v1/donors/{id}/dna-profile", write()),
            entry("GET /api/v1/donors/{id}/y-str-haplotype", read(EXAMINER)),
            entry("PUT /api/v1/donors/{id}/y-str-haplotype", write()),
            entry("GET /api/v1/donors/{id}/mtdna-sequence", read(EXAMINER)),
            entry("PUT /api/v1/donors/{id}/mtdna-sequence", write()),
            entry("POST /api/v1/kinship/likelihood-ratio", notScoped()),
            entry("POST /api/v1/kinship/joint-identification", notScoped()),
            entry("GET /api/v1/prisoner-checks", list(COORDINATOR, "?transferId=<prisoner-transfer>&size=100", "prisoner-checks/{id}")),
            entry("GET /api/v1/prisoner-checks/{id}", read(COORDINATOR)),
            entry("POST /api/v1/prisoner-checks/{id}/decision", write("{\"samePerson\": false}")),
            entry("GET /api/v1/ops/kinship-jobs/failed", notScoped()),
            entry("POST /api/v1/ops/kinship-jobs/failed/redrive", notScoped()),
            entry("POST /api/v1/ops/kinship-jobs/rematch", notScoped()),
            entry("GET /api/v1/ops/erasures/due", notScoped()),
            entry("GET /api/v1/ops/erasures", notScoped()),
            entry("POST /api/v1/ops/erasures", notScoped()),
            entry("POST /api/v1/ops/erasures/{id}/confirmation", notScoped()),
            entry("POST /api/v1/ops/erasures/{id}/withdrawal", notScoped())));

    static final Map<String, Rule> NOTIFICATION = OrganisationMatrix.withPlatform(Map.ofEntries(
            entry("POST /api/v1/subscriptions", notScoped()),
            entry("GET /api/v1/subscriptions", list(ADMIN, "?size=100", "subscriptions/{id}")),
            entry("GET /api/v1/subscriptions/{id}", read(ADMIN)),
            entry("PUT /api/v1/subscriptions/{id}", write()),
            entry("POST /api/v1/subscriptions/{id}/pause", write()),
            entry("POST /api/v1/subscriptions/{id}/resume", write()),
            entry("DELETE /api/v1/subscriptions/{id}", write()),
            entry("POST /api/v1/subscriptions/{id}/secret-rotation", write()),
            entry("POST /api/v1/subscriptions/{id}/test", write()),
            entry("GET /api/v1/subscriptions/{id}/deliveries", read(ADMIN)),
            entry("GET /api/v1/subscriptions/{id}/deliveries/{deliveryId}/attempts", read(ADMIN)),
            entry("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry", write()),
            entry("POST /api/v1/subscriptions/{id}/recovery", write())));
}

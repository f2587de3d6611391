package org.homeward.notification.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homeward.platform.messaging.CloudEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ThinPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BASE_URLS = Map.of("agreement", "https://agreements.test",
            "transfer", "https://transfers.test", "identification", "https://identification.test");
    private static final String CASE = "6f1c1a1e-4b8e-4f43-9d55-0c2b5e0e7a11";
    private static final String TRANSFER = "0b7e3f5c-8a51-4a76-b7a3-2f9c1f0d5e22";
    private static final String AGREEMENT = "9d2a4c6e-1f3b-4d5a-8c7e-3a1b2c3d4e33";

    /** A case event with fields a producer might add later: none of them may reach a subscriber. */
    private static CloudEvent caseReturned() throws Exception {
        JsonNode data = JSON.readTree("""
                {"caseId": "%s", "sequence": 7, "itemId": "1a2b3c4d-0000-4000-8000-000000000044",
                 "transferId": "%s", "agreementId": "%s", "fromParty": "RU", "toParty": "UA",
                 "status": "RETURNED", "assignedOrganisation": "lab-ua", "openedAt": "2025-06-01T08:00:00Z",
                 "returnedTo": "FAMILY", "familyName": "Ivanenko",
                 "transferCounts": {"received": 40, "awaitingExamination": 3, "underExamination": 5,
                                    "identified": 20, "notANational": 2, "unidentifiable": 1, "withdrawn": 1,
                                    "returned": 8, "lastReturnedTo": "Ivanenko", "byLab": {"lab-ua": 8}},
                 "accessScope": {"parties": ["RU", "UA"], "organisations": ["org-icrc", "lab-ua"]}}
                """.formatted(CASE, TRANSFER, AGREEMENT));
        return new CloudEvent("1.0", UUID.randomUUID(), URI.create("/homeward/identification-service"),
                "identification.case.returned", CASE, OffsetDateTime.parse("2025-06-02T10:00:00Z"),
                "application/json", null, data);
    }

    @Test
    void aCaseEventKeepsItsIdsStateAndCountsAndLinksToTheCaseOnTheIdentificationService() throws Exception {
        CloudEvent event = caseReturned();
        JsonNode data = JSON.readTree(ThinPayload.of(event, BASE_URLS, JSON)).path("data");

        assertThat(data.path("caseId").asText()).isEqualTo(CASE);
        assertThat(data.path("subject").asText()).isEqualTo(CASE);
        assertThat(data.path("status").asText()).isEqualTo("RETURNED");
        assertThat(data.path("returnedTo").asText()).isEqualTo("FAMILY");
        assertThat(data.path("links").path("case").asText()).isEqualTo("https://identification.test/api/v1/cases/" + CASE);
        assertThat(data.path("links").path("transfer").asText()).isEqualTo("https://transfers.test/api/v1/transfers/" + TRANSFER);
        assertThat(data.path("links").path("agreement").asText()).isEqualTo("https://agreements.test/api/v1/agreements/" + AGREEMENT);
        assertThat(data.path("transferCounts").path("identified").asInt()).isEqualTo(20);
        assertThat(data.path("transferCounts").path("returned").asInt()).isEqualTo(8);
        assertThat(data.path("transferCounts").size()).as("only the integer counts").isEqualTo(8);
        assertThat(data.has("itemId")).isFalse();
        assertThat(data.has("assignedOrganisation")).isFalse();
        assertThat(data.has("accessScope")).isFalse();
        assertThat(data.toString()).doesNotContain("Ivanenko").doesNotContain("lab-ua");
    }

    @Test
    void toldOnlyCountsASubscriberLearnsTheTransfersCountsButNotWhichCaseChanged() throws Exception {
        CloudEvent event = caseReturned();
        JsonNode body = JSON.readTree(ThinPayload.countsOnly(event, JSON));
        JsonNode data = body.path("data");

        assertThat(body.path("type").asText()).isEqualTo("identification.case.returned");
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "agreementId", "transferId", "fromParty", "toParty", "transferCounts");
        assertThat(data.path("eventId").asText()).isEqualTo(event.id().toString());
        assertThat(data.path("transferCounts").path("received").asInt()).isEqualTo(40);
        assertThat(data.path("transferCounts").size()).isEqualTo(8);
        assertThat(body.toString()).doesNotContain(CASE).doesNotContain("Ivanenko").doesNotContain("FAMILY");
    }

    @Test
    void noCaseLinkWithoutACaseOrWithoutTheIdentificationServicesAddress() throws Exception {
        CloudEvent event = caseReturned();
        JsonNode withoutBase = JSON.readTree(ThinPayload.of(event, Map.of("transfer", "https://transfers.test"), JSON));
        assertThat(withoutBase.path("data").path("links").fieldNames()).toIterable().containsExactly("transfer");

        CloudEvent agreementEvent = new CloudEvent("1.0", UUID.randomUUID(), URI.create("/homeward/agreement-service"),
                "agreement.balance.changed", AGREEMENT, null, "application/json", null,
                JSON.readTree("{\"agreementId\": \"%s\", \"balance\": 4, \"received\": 12}".formatted(AGREEMENT)));
        JsonNode data = JSON.readTree(ThinPayload.of(agreementEvent, BASE_URLS, JSON)).path("data");
        assertThat(data.path("links").fieldNames()).toIterable().containsExactly("agreement");
        assertThat(data.path("balance").asInt()).isEqualTo(4);
        assertThat(data.has("transferCounts")).isFalse();
    }
}

package org.homeward.identification.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.Reconciled;
import org.homeward.identification.RemainsHandover;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint by every role of DESIGN.md 6, inside and outside scope, with the exact status, and what
 * each one sees of a case: no field leaks past its reader's entitlement.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseAccessTest {

    /** The readers of the table, in and out of the case's scope. */
    enum Reader {
        LAB("lab-ua-kyiv", "UA", "forensic-examiner"),
        OTHER_LAB("lab-ru-rostov", "RU", "forensic-examiner"),
        RECEIVING("org-ua-coordination", "UA", "coordinator"),
        SENDING("org-ru-coordination", "RU", "coordinator"),
        THIRD_PARTY("org-fr-coordination", "FR", "coordinator"),
        MEDIATOR("org-tr-mfa", null, "mediator"),
        ESCORT("org-icrc", null, "intermediary"),
        OTHER_INTERMEDIARY("org-other-ngo", null, "intermediary"),
        OBSERVER("org-press", null, "observer"),
        AUDITOR("org-audit", null, "auditor"),
        OPERATOR("org-ops", null, "operator");

        final String organisation;
        final String party;
        final String role;

        Reader(String organisation, String party, String role) {
            this.organisation = organisation;
            this.party = party;
            this.role = role;
        }

        String token() {
            return TestTokens.bearerOf("someone-of-" + organisation, organisation, party, role);
        }
    }

    private String caseId;

    @BeforeEach
    void aReceivedCase() {
        caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
    }

    /** Expected statuses, one per reader in {@link Reader} order. */
    private static int[] expect(int... statuses) {
        assertThat(statuses).hasSize(Reader.values().length);
        return statuses;
    }

    @Test
    void everyReadByEveryRole() {
        String today = LocalDate.now().toString();
        Map<String, int[]> reads = new LinkedHashMap<>();
        //                                                         LAB  OLAB RECV SEND 3RD  MED  ESC  ONGO OBS  AUD  OPS
        reads.put("/api/v1/cases/" + caseId,                expect(200, 404, 200, 200, 404, 200, 200, 404, 403, 403, 403));
        reads.put("/api/v1/cases/" + caseId + "/history",   expect(200, 404, 200, 200, 404, 200, 200, 404, 403, 403, 403));
        reads.put("/api/v1/cases/" + caseId + "/examinations", expect(200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        reads.put("/api/v1/cases/" + caseId + "/custody",   expect(200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        reads.put("/api/v1/cases/" + caseId + "/proposals", expect(200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        reads.put("/api/v1/cases/" + caseId + "/family-notifications",
                                                            expect(200, 404, 200, 403, 404, 403, 403, 403, 403, 403, 403));
        reads.put("/api/v1/cases",                          expect(200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403));
        reads.put("/api/v1/case-statistics",                expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403));
        reads.put("/api/v1/identified-dead?from=" + today + "&to=" + today,
                                                            expect(403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403));
        List<String> wrong = new ArrayList<>();
        reads.forEach((path, statuses) -> {
            for (Reader reader : Reader.values()) {
                int status = given().header("Authorization", reader.token()).get(path).then().extract().statusCode();
                if (status != statuses[reader.ordinal()]) {
                    wrong.add("GET " + path + " as " + reader + ": " + status + ", expected " + statuses[reader.ordinal()]);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyWriteByEveryRoleThatMayNotChangesNothing() {
        Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
        writes.put("/examinations", Map.of("kind", "ODONTOLOGY", "examiner", "X", "examinedOn", "2025-06-14",
                "method", "m", "findings", "f"));
        writes.put("/custody", Map.of("item", "REMAINS", "heldBy", "X", "location", "Y", "heldFrom", "2025-06-12T12:00:00Z"));
        writes.put("/proposals", Map.of("method", "DNA", "evidence", "e",
                "establishedIdentity", Map.of("surname", "X", "nationality", "UA")));
        writes.put("/closure", Map.of("outcome", "UNIDENTIFIABLE", "reason", "r"));
        writes.put("/assignment", Map.of("organisation", "lab-ua-dnipro", "reason", "r"));
        writes.put("/return", Map.of("returnedTo", "FAMILY", "recipient", "r", "place", "p"));
        writes.put("/family-notifications", Map.of("toldBy", "X", "toldAt", "2025-06-20T10:00:00Z", "means", "LETTER"));
        Map<String, int[]> statuses = new LinkedHashMap<>();
        //                                          LAB  OLAB RECV SEND 3RD  MED  ESC  ONGO OBS  AUD  OPS   (0: entitled, not tried here)
        statuses.put("/examinations",        expect(0,   404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        statuses.put("/custody",             expect(0,   404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        statuses.put("/proposals",           expect(0,   404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        statuses.put("/closure",             expect(0,   404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        statuses.put("/assignment",          expect(403, 403, 0,   403, 404, 403, 403, 403, 403, 403, 403));
        statuses.put("/return",              expect(403, 403, 0,   403, 404, 403, 403, 403, 403, 403, 403));
        statuses.put("/family-notifications", expect(0,  404, 0,   403, 404, 403, 403, 403, 403, 403, 403));
        List<String> wrong = new ArrayList<>();
        writes.forEach((path, body) -> {
            for (Reader reader : Reader.values()) {
                int expected = statuses.get(path)[reader.ordinal()];
                if (expected == 0) {
                    continue;
                }
                int status = given().header("Authorization", reader.token()).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/cases/" + caseId + path).then().extract().statusCode();
                if (status != expected) {
                    wrong.add("POST " + path + " as " + reader + ": " + status + ", expected " + expected);
                }
            }
        });
        assertThat(wrong).isEmpty();
        given().header("Authorization", Reader.LAB.token()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("assignedOrganisation", equalTo("lab-ua-kyiv"));
        given().header("Authorization", Reader.LAB.token()).get("/api/v1/cases/" + caseId + "/examinations").then()
                .body("size()", equalTo(0));
        given().header("Authorization", Reader.LAB.token()).get("/api/v1/cases/" + caseId + "/custody").then()
                .body("size()", equalTo(0));
    }

    @Test
    void eachReaderSeesOnlyTheFieldsItIsEntitledTo() {
        String examiner = TestTokens.bearerOf("examiner-a", "lab-ua-kyiv", "UA", "forensic-examiner");
        String second = TestTokens.bearerOf("examiner-b", "lab-ua-kyiv", "UA", "forensic-examiner");
        given().header("Authorization", examiner).contentType(ContentType.JSON)
                .body(Map.of("kind", "DOCUMENTS", "examiner", "Dr. A", "examinedOn", "2025-06-14", "method", "m",
                        "findings", "Military ID found in the pocket"))
                .post("/api/v1/cases/" + caseId + "/examinations").then().statusCode(201);
        String proposal = given().header("Authorization", examiner).contentType(ContentType.JSON)
                .body(Map.of("method", "FINGERPRINTS", "evidence", "Military ID, and the prints",
                        "establishedIdentity", Map.of("surname", "Шевчук", "nationality", "UA"),
                        "missingPersonId", Reconciled.byFingerprints(caseId, examiner)))
                .post("/api/v1/cases/" + caseId + "/proposals").then().statusCode(201).extract().path("id");
        given().header("Authorization", second).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision").then().statusCode(200);

        Map<Reader, String> seen = new LinkedHashMap<>();
        for (Reader reader : List.of(Reader.LAB, Reader.RECEIVING, Reader.SENDING, Reader.MEDIATOR, Reader.ESCORT)) {
            seen.put(reader, given().header("Authorization", reader.token()).get("/api/v1/cases/" + caseId).then()
                    .statusCode(200).body("status", equalTo("IDENTIFIED")).extract().asString());
            String listed = given().header("Authorization", reader.token()).queryParam("status", "IDENTIFIED")
                    .queryParam("size", 100).get("/api/v1/cases").then().statusCode(200).extract().asString();
            JsonPath list = JsonPath.from(listed);
            assertThat(list.getList("items.id", String.class)).as(reader.name()).contains(caseId);
            boolean entitled = reader == Reader.LAB || reader == Reader.RECEIVING;
            assertThat(listed.contains("Шевчук")).as(reader + " sees the established identity in lists").isEqualTo(entitled);
            assertThat(listed.contains(RemainsHandover.surname(0))).as(reader + " sees claims in lists").isEqualTo(entitled);
        }
        assertThat(seen.get(Reader.LAB)).contains("Шевчук", RemainsHandover.surname(0), "SN-100000");
        assertThat(seen.get(Reader.RECEIVING)).contains("Шевчук", RemainsHandover.surname(0), "DOCUMENTS")
                .doesNotContain("Military ID");
        for (Reader reader : List.of(Reader.SENDING, Reader.MEDIATOR, Reader.ESCORT)) {
            assertThat(seen.get(reader)).as(reader.name()).doesNotContain("Шевчук", RemainsHandover.surname(0),
                    "SN-100000", "Олександр", "Military ID");
        }
        for (Reader reader : List.of(Reader.THIRD_PARTY, Reader.OTHER_INTERMEDIARY, Reader.OTHER_LAB)) {
            String listed = given().header("Authorization", reader.token()).queryParam("size", 100)
                    .get("/api/v1/cases").then().statusCode(200).extract().asString();
            assertThat(JsonPath.from(listed).getList("items.id", String.class)).as(reader.name()).doesNotContain(caseId);
        }
        String statistics = given().header("Authorization", Reader.OBSERVER.token()).get("/api/v1/case-statistics")
                .then().statusCode(200).extract().asString();
        assertThat(statistics).doesNotContain(caseId).doesNotContain("Шевчук");
    }
}

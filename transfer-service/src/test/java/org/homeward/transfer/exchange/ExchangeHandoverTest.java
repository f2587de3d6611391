package org.homeward.transfer.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.homeward.transfer.readmodel.AgreementEventsFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An exchange list meets the handover, through the API against the real database and broker: a prisoners' manifest
 * of a listed term takes only persons offered on its list, qualifying and verified by the escort (each refusal a row
 * error, nothing stored); the stored manifest schedules them (their verified consent stands on it); the
 * reconciliation releases the received (entry, matched request, the detaining party's record, its counts) and returns
 * the missing; a cancelled transfer frees its persons; identification-service's CONFLICT check flags the entry.
 * Parties of this test alone (PY holds, QY receives).
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class ExchangeHandoverTest {

    private static final String DETAINING = TestTokens.bearerOf("nib-officer", "org-py-nib", "PY", "coordinator");
    private static final String RECEIVING = TestTokens.bearerOf("qy-officer", "org-qy-coordination", "QY", "coordinator");
    private static final String ICRC = TestTokens.bearerOf("icrc-delegate", "org-icrc", null, "intermediary");
    private static final String HEADER = "tag,surname,firstNames,patronymic,rank,dateOfBirth,serviceNumber,category,"
            + "nationality,healthNotes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private record Listed(String agreement, String term, String list) {
    }

    private static Listed youngList() {
        UUID agreement = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(),
                AgreementEventsFixture.activeWithPrisonerLists(agreement, young, UUID.randomUUID(), "PY", "QY"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(RECEIVING)
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
        String list = as(DETAINING).body(Map.of("agreementId", agreement.toString(), "termId", young.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(201).extract().path("id");
        return new Listed(agreement.toString(), young.toString(), list);
    }

    private static String held(String surname, String firstNames, String born, String number) {
        return as(DETAINING).body(Map.of("surname", surname, "firstNames", firstNames, "script", "Cyrl",
                        "dateOfBirth", born, "rank", "Private", "partyOfOrigin", "QY", "capturedOn", "2025-01-10",
                        "capturePlace", "Front", "internmentPlace", "Camp 9", "serviceNumber", number))
                .post("/api/v1/prisoners").then().statusCode(201).extract().path("id");
    }

    private static String plan(Listed listed) {
        return as(DETAINING).header("Idempotency-Key", "plan-" + UUID.randomUUID())
                .body(Map.of("agreementId", listed.agreement(), "termIds", List.of(listed.term()), "kind", "PRISONERS",
                        "fromParty", "PY", "toParty", "QY", "escortOrganisation", "org-icrc",
                        "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv"),
                        "scheduledAt", "2025-06-11T06:00:00Z"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse upload(String transfer, String... rows) {
        return given().header("Authorization", DETAINING).contentType("text/csv; charset=UTF-8")
                .body(HEADER + "\n" + String.join("\n", rows) + "\n").put("/api/v1/transfers/" + transfer + "/manifest")
                .then();
    }

    private static String row(String tag, String surname, String firstNames, String born, String number) {
        return String.join(",", tag, surname, firstNames, "", "Private", born, number, "AGED_18_TO_25", "", "");
    }

    private static JsonPath offers(String list) {
        return as(DETAINING).queryParam("kind", "OFFER").queryParam("size", 100)
                .get("/api/v1/exchange-lists/" + list + "/entries").then().statusCode(200).extract().jsonPath();
    }

    private static String offerOf(String list, String prisoner, String field) {
        return offers(list).getString("items.find { it.prisonerId == '" + prisoner + "' }." + field);
    }

    private static void verify(String list, String prisoner, boolean consents) {
        as(ICRC).body(Map.of("decision", consents ? "VERIFIED" : "DECLINES_REPATRIATION", "reason", "in person"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOf(list, prisoner, "id") + "/verification")
                .then().statusCode(200);
    }

    @Test
    void aListedTermsManifestTakesOnlyVerifiedOffersAndItsReceiptReleasesThem() {
        Listed listed = youngList();
        String list = listed.list();
        String n = UUID.randomUUID().toString().substring(0, 6);
        String a = held("Шевченко", "Тарас", "2000-06-03", "A-" + n);
        String b = held("Ткаченко", "Олег", "2001-06-03", "B-" + n);
        String c = held("Мороз", "Ігор", "2002-06-02", "C-" + n);
        String d = held("Лисенко", "Андрій", "2007-06-03", "D-" + n);    // 17 on the reference date
        String e = held("Савченко", "Юрій", "2003-03-03", "E-" + n);
        String f = held("Руденко", "Максим", "2002-02-02", "F-" + n);
        String k = held("Кузьменко", "Сергій", "2004-04-04", "K-" + n);
        as(DETAINING).body(Map.of("prisonerIds", List.of(a, b, c, d, e, f, k)))
                .post("/api/v1/exchange-lists/" + list + "/offers").then().statusCode(200);
        // The receiving party asked for A (in Latin letters): the request is matched to his offer.
        String request = as(RECEIVING).header("Idempotency-Key", "ask-" + n)
                .body(Map.of("requests", List.of(Map.of("surname", "Shevchenko", "firstNames", "Taras", "script", "Latn",
                        "dateOfBirth", "2000-06-03", "serviceNumber", "A-" + n))))
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(201)
                .body("[0].status", equalTo("MATCHED")).extract().path("[0].id");
        verify(list, a, true);
        verify(list, c, false);
        verify(list, e, true);
        verify(list, f, true);
        verify(list, k, true);

        String transfer = plan(listed);
        // Every refusal at once, by row: not verified, declines, not eligible, not on the list, someone else's number.
        upload(transfer, row("P-1", "Шевченко", "Тарас", "2000-06-03", "A-" + n),
                row("P-2", "Ткаченко", "Олег", "2001-06-03", "B-" + n),
                row("P-3", "Мороз", "Ігор", "2002-06-02", "C-" + n),
                row("P-4", "Лисенко", "Андрій", "2007-06-03", "D-" + n),
                row("P-5", "Невідомий", "Іван", "2001-01-01", "X-" + n),
                row("P-6", "Бондар", "Іван", "2003-03-03", "E-" + n),
                row("P-7", "Shevchenko", "Taras", "2000-06-03", "A-" + n))
                .statusCode(422)
                .body("violations.find { it.field == 'rows[2].serviceNumber' }.message", containsString("Not yet verified"))
                .body("violations.find { it.field == 'rows[3].serviceNumber' }.message", containsString("Declines repatriation"))
                .body("violations.find { it.field == 'rows[4].serviceNumber' }.message", containsString("AGED_18_TO_25"))
                .body("violations.find { it.field == 'rows[5].serviceNumber' }.message", containsString("Not on the agreed exchange list"))
                .body("violations.find { it.field == 'rows[6].serviceNumber' }.message", containsString("Does not match the record"))
                .body("violations.find { it.field == 'rows[7].serviceNumber' }.message", containsString("same prisoner as item 1"))
                .body("violations.field", org.hamcrest.Matchers.not(hasItem("rows[1].serviceNumber")));
        assertThat(offerOf(list, a, "status")).isEqualTo("ICRC_VERIFIED");

        // The verified two go; the escort's verification on the list stands as their consent on the manifest.
        upload(transfer, row("P-1", "Shevchenko", "Taras", "2000-06-03", "A-" + n),
                row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n))
                .statusCode(200).body("consentsConfirmed", equalTo(2));
        assertThat(offerOf(list, a, "status")).isEqualTo("SCHEDULED");
        assertThat(offerOf(list, a, "scheduledTransferId")).isEqualTo(transfer);
        // On one transfer, not on two.
        upload(plan(listed), row("P-1", "Шевченко", "Тарас", "2000-06-03", "A-" + n)).statusCode(422)
                .body("violations[0].message", containsString("Scheduled on another transfer already"));
        // A replaced manifest without E frees him; with him again, he is scheduled again.
        upload(transfer, row("P-1", "Шевченко", "Тарас", "2000-06-03", "A-" + n)).statusCode(200);
        assertThat(offerOf(list, e, "status")).isEqualTo("ICRC_VERIFIED");
        upload(transfer, row("P-1", "Шевченко", "Тарас", "2000-06-03", "A-" + n),
                row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n)).statusCode(200).body("consentsConfirmed", equalTo(2));
        // E changes his mind before leaving (GC III Art. 109): the withdrawal holds for the list too, so a replaced
        // manifest does not confirm his consent again; the escort confirms it when he consents again.
        as(ICRC).body(Map.of("tags", List.of("P-2"))).post("/api/v1/transfers/" + transfer + "/manifest/consent-withdrawals")
                .then().statusCode(200).body("consentsConfirmed", equalTo(1));
        upload(transfer, row("P-1", "Шевченко", "Тарас", "2000-06-03", "A-" + n),
                row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n)).statusCode(200).body("consentsConfirmed", equalTo(1));
        as(ICRC).body(Map.of("tags", List.of("P-2"))).post("/api/v1/transfers/" + transfer + "/manifest/consents")
                .then().statusCode(200).body("consentsConfirmed", equalTo(2));

        // The counts are of every prisoner PY holds from QY (the other test's too): compared before and after.
        JsonPath before = as(DETAINING).get("/api/v1/exchange-lists/" + list).then().statusCode(200).extract().jsonPath();
        as(DETAINING).body(Map.of("count", 2, "dispatchedAt", "2025-06-11T07:00:00Z"))
                .post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(200);
        as(RECEIVING).body(Map.of("count", 1, "receivedAt", "2025-06-11T11:00:00Z"))
                .post("/api/v1/transfers/" + transfer + "/receipt").then().statusCode(200);
        as(RECEIVING).body(Map.of("received", List.of("P-1"), "missing", List.of("P-2"), "extra", List.of()))
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(200);

        // A came home: his offer, the request matched to it and the detaining party's record say so.
        assertThat(offerOf(list, a, "status")).isEqualTo("RELEASED");
        as(RECEIVING).get("/api/v1/exchange-lists/" + list + "/entries/" + request + "/history").then().statusCode(200)
                .body("[-1].to", equalTo("RELEASED"));
        as(DETAINING).get("/api/v1/prisoners/" + a).then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("releasedOn", equalTo("2025-06-11"));
        // E did not arrive: he stands verified again, free to go with another transfer.
        assertThat(offerOf(list, e, "status")).isEqualTo("ICRC_VERIFIED");
        JsonPath after = as(DETAINING).get("/api/v1/exchange-lists/" + list).then().statusCode(200).extract().jsonPath();
        assertThat(after.getInt("progress.eligibleHeld")).isEqualTo(before.getInt("progress.eligibleHeld"));
        assertThat(after.getInt("progress.released")).isEqualTo(before.getInt("progress.released") + 1);
        assertThat(after.getInt("progress.remaining")).isEqualTo(before.getInt("progress.remaining") - 1);
        assertThat(after.getInt("progress.declined")).isEqualTo(before.getInt("progress.declined")).isPositive();
        List<String> released = KafkaTestClient.shared().readUntil("homeward.transfer.events",
                read -> read.stream().anyMatch(r -> "PY-QY".equals(r.key())
                        && r.value().contains("transfer.prisoners-held.released")), Duration.ofSeconds(30))
                .stream().filter(r -> "PY-QY".equals(r.key())).map(r -> r.value())
                .filter(v -> v.contains("transfer.prisoners-held.released")).toList();
        // Counts only, to the detaining party: his release is one of them.
        JsonNode counts = read(released.get(released.size() - 1)).path("data");
        assertThat(counts.path("released").asInt()).isPositive();
        assertThat(counts.path("accessScope").path("parties").toString()).isEqualTo("[\"PY\"]");
        assertThat(released.get(released.size() - 1)).doesNotContain("Шевченко", a);

        // One who dies while scheduled leaves the list, and a manifest naming him again is refused.
        String other = plan(listed);
        upload(other, row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n),
                row("P-3", "Руденко", "Максим", "2002-02-02", "F-" + n),
                row("P-4", "Кузьменко", "Сергій", "2004-04-04", "K-" + n)).statusCode(200);
        assertThat(offerOf(list, f, "status")).isEqualTo("SCHEDULED");
        // K withdraws his consent on the manifest and is taken off it: on the list he declines repatriation.
        as(ICRC).body(Map.of("tags", List.of("P-4"))).post("/api/v1/transfers/" + other + "/manifest/consent-withdrawals")
                .then().statusCode(200);
        upload(other, row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n),
                row("P-3", "Руденко", "Максим", "2002-02-02", "F-" + n)).statusCode(200);
        assertThat(offerOf(list, k, "status")).isEqualTo("DECLINES_REPATRIATION");
        as(DETAINING).body(Map.of("diedOn", "2025-06-12", "place", "Camp 9")).post("/api/v1/prisoners/" + f + "/death")
                .then().statusCode(200);
        assertThat(offerOf(list, f, "status")).isEqualTo("DIED");
        // The stored manifest still carries him: it is not dispatched so.
        as(DETAINING).body(Map.of("count", 2)).post("/api/v1/transfers/" + other + "/dispatch").then().statusCode(422)
                .body("detail", containsString("died in captivity"));
        upload(other, row("P-2", "Савченко", "Юрій", "2003-03-03", "E-" + n),
                row("P-3", "Руденко", "Максим", "2002-02-02", "F-" + n)).statusCode(422)
                .body("violations[0].field", equalTo("rows[2].serviceNumber"))
                .body("violations[0].message", containsString("Died in captivity"));
        // Cancelling a transfer frees whom it scheduled.
        assertThat(offerOf(list, e, "status")).isEqualTo("SCHEDULED");
        as(DETAINING).body(Map.of("reason", "crossing closed")).post("/api/v1/transfers/" + other + "/cancellation")
                .then().statusCode(200);
        assertThat(offerOf(list, e, "status")).isEqualTo("ICRC_VERIFIED");
    }

    @Test
    void aConflictingIdentityCheckOfAReleasedPersonFlagsHisEntry() {
        Listed listed = youngList();
        String list = listed.list();
        String n = UUID.randomUUID().toString().substring(0, 6);
        String a = held("Гончар", "Василь", "2001-02-02", "G-" + n);
        String b = held("Вовк", "Тарас", "2002-03-03", "V-" + n);
        as(DETAINING).body(Map.of("prisonerIds", List.of(a, b))).post("/api/v1/exchange-lists/" + list + "/offers")
                .then().statusCode(200);
        verify(list, a, true);
        verify(list, b, true);
        String transfer = plan(listed);
        upload(transfer, row("P-1", "Гончар", "Василь", "2001-02-02", "G-" + n),
                row("P-2", "Вовк", "Тарас", "2002-03-03", "V-" + n)).statusCode(200);
        as(DETAINING).body(Map.of("count", 2)).post("/api/v1/transfers/" + transfer + "/dispatch").then().statusCode(200);
        as(RECEIVING).body(Map.of("count", 2)).post("/api/v1/transfers/" + transfer + "/receipt").then().statusCode(200);
        as(RECEIVING).body(Map.of("received", List.of("P-1", "P-2"), "missing", List.of(), "extra", List.of()))
                .post("/api/v1/transfers/" + transfer + "/reconciliation").then().statusCode(200);
        Map<String, String> itemOfTag = new java.util.HashMap<>();
        KafkaTestClient.shared().readUntil("homeward.transfer.manifest-items",
                        read -> read.stream().filter(r -> r.value().contains(transfer)).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(transfer)).map(r -> read(r.value()).path("data"))
                .forEach(data -> itemOfTag.put(data.path("tag").asText(), data.path("itemId").asText()));
        String itemId = itemOfTag.get("P-1");
        UUID check = UUID.randomUUID();

        KafkaTestClient.shared().send("homeward.identification.events", check.toString(),
                checkCompleted(check, 2, itemId, transfer, listed.agreement(), "CONFLICT", "CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(offerOf(list, a, "identityConflict")).isEqualTo("true"));
        String offer = offerOf(list, a, "id");
        as(RECEIVING).get("/api/v1/exchange-lists/" + list + "/entries/" + offer + "/history").then().statusCode(200)
                .body("[-1].reason", containsString("came out CONFLICT")).body("[-1].to", equalTo("RELEASED"));
        // An older event, late, changes nothing: seen once B's check, sent after it under the same key (so on the same
        // partition, applied after it), flags B.
        KafkaTestClient.shared().send("homeward.identification.events", check.toString(),
                checkCompleted(check, 1, itemId, transfer, listed.agreement(), "NO_MATCH", "DONE"));
        UUID checkOfB = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.identification.events", check.toString(),
                checkCompleted(checkOfB, 1, itemOfTag.get("P-2"), transfer, listed.agreement(), "CONFLICT", "AWAITING_DECISION"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(offerOf(list, b, "identityConflict")).isEqualTo("true"));
        assertThat(offerOf(list, a, "identityConflict")).isEqualTo("true");
        // A newer one that withdraws the check lifts the flag.
        KafkaTestClient.shared().send("homeward.identification.events", check.toString(),
                checkCompleted(check, 3, itemId, transfer, listed.agreement(), "CONFLICT", "WITHDRAWN"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(offerOf(list, a, "identityConflict")).isEqualTo("false"));
        as(RECEIVING).get("/api/v1/exchange-lists/" + list + "/entries/" + offer + "/history").then().statusCode(200)
                .body("findAll { it.reason != null && it.reason.contains('identity check') }.size()", equalTo(2));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** identification-service's event, checked against its producer's schema (DESIGN.md 4). */
    private static String checkCompleted(UUID check, long sequence, String itemId, String transfer, String agreement,
                                         String outcome, String status) {
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/homeward/identification-service",
                 "type": "identification.prisoner-check.completed", "subject": "%s", "time": "2025-06-11T12:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"checkId": "%s", "sequence": %d, "itemId": "%s", "transferId": "%s", "agreementId": "%s",
                          "fromParty": "PY", "toParty": "QY", "outcome": "%s", "status": "%s",
                          "accessScope": {"parties": ["QY"], "organisations": []}}}
                """.formatted(UUID.randomUUID(), check, check, sequence, itemId, transfer, agreement, outcome, status);
        try {
            JsonNode schema = JSON.readTree(Files.readString(Path.of(
                    "../identification-service/src/main/resources/events/identification.prisoner-check.completed.json")));
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(JSON.readTree(event))).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }
}

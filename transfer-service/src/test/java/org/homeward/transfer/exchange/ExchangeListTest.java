package org.homeward.transfer.exchange;

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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A round of negotiation on the exchange lists of two all-for-all terms, through the API against the real
 * database and broker: the detaining party offers (eligibility computed on the reference date), the receiving
 * party requests as it knows the persons (another script, a swapped date), linkage matches or sends to review,
 * the records answer the dead, the detaining party answers the rest, the escort verifies, and the counts say
 * where each term stands. Two parties of this test alone (PX holds, QX receives), so its counts are its own.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "transfer"))
class ExchangeListTest {

    private static final String DETAINING = TestTokens.bearerOf("nib-officer", "org-px-nib", "PX", "coordinator");
    private static final String RECEIVING = TestTokens.bearerOf("qx-officer", "org-qx-coordination", "QX", "coordinator");
    private static final String ICRC = TestTokens.bearerOf("icrc-delegate", "org-icrc", null, "intermediary");
    private static final String MEDIATOR = TestTokens.bearer("org-tr-mfa", null, "mediator");

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private static String agreementWithLists(UUID young, UUID wounded) {
        UUID agreement = UUID.randomUUID();
        KafkaTestClient.shared().send("homeward.agreement.events", agreement.toString(),
                AgreementEventsFixture.activeWithPrisonerLists(agreement, young, wounded, "PX", "QX"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(RECEIVING)
                .get("/api/v1/agreement-views/" + agreement).then().statusCode(200).body("status", equalTo("ACTIVE")));
        return agreement.toString();
    }

    private static String held(String surname, String firstNames, String script, String born, String number,
                               String captured) {
        Map<String, Object> p = new HashMap<>(Map.of("surname", surname, "firstNames", firstNames, "script", script,
                "dateOfBirth", born, "rank", "Private", "partyOfOrigin", "QX", "capturedOn", captured,
                "capturePlace", "Front", "internmentPlace", "Camp 9"));
        if (number != null) {
            p.put("serviceNumber", number);
        }
        return as(DETAINING).body(p).post("/api/v1/prisoners").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> asked(String surname, String firstNames, String script, String born,
                                             String number) {
        Map<String, Object> r = new HashMap<>(Map.of("surname", surname, "firstNames", firstNames, "script", script));
        if (born != null) {
            r.put("dateOfBirth", born);
        }
        if (number != null) {
            r.put("serviceNumber", number);
        }
        return r;
    }

    private static String statusOf(JsonPath entries, String field, String value) {
        return entries.getString("find { it." + field + " == '" + value + "' }.status");
    }

    @Test
    void aRoundOfNegotiationEndsInCountsThatSayWhereTheTermStands() {
        UUID young = UUID.randomUUID();
        String agreement = agreementWithLists(young, UUID.randomUUID());
        String list = as(RECEIVING).body(Map.of("agreementId", agreement, "termId", young.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(201).body("referenceDate", equalTo("2025-06-02"))
                .body("detainingParty", equalTo("PX")).body("round", equalTo(1)).extract().path("id");
        as(DETAINING).body(Map.of("agreementId", agreement, "termId", young.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(200).body("id", equalTo(list));

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String a = held("Шевченко", "Тарас", "Cyrl", "2000-06-03", "A-" + suffix, "2025-01-10");
        String b = held("Ткаченко", "Олег", "Cyrl", "2007-06-03", null, "2025-01-10");   // 17 on the day
        String c = held("Мороз", "Ігор", "Cyrl", "1999-06-02", null, "2025-01-10");      // 26 on the day
        String d = held("Лисенко", "Андрій", "Cyrl", "1999-06-03", "D-" + suffix, "2025-01-10"); // 25 on the day
        String e = held("Савченко", "Юрій", "Cyrl", "2001-01-01", null, "2025-06-10");   // captured after it
        String f = held("Коваленко", "Петро", "Cyrl", "2001-04-05", null, "2025-01-10");
        String h = held("Гончаренко", "Василь", "Cyrl", "2002-02-02", "H-" + suffix, "2025-01-10");
        as(DETAINING).body(Map.of("diedOn", "2025-05-01", "place", "Camp 9")).post("/api/v1/prisoners/" + h + "/death")
                .then().statusCode(200);

        // Only the detaining party offers, and only prisoners it holds from the receiving party.
        as(RECEIVING).body(Map.of("prisonerIds", List.of(a))).post("/api/v1/exchange-lists/" + list + "/offers")
                .then().statusCode(403);
        as(DETAINING).body(Map.of("prisonerIds", List.of(h))).post("/api/v1/exchange-lists/" + list + "/offers")
                .then().statusCode(422).body("violations.field", hasItem("prisonerIds[0]"));
        JsonPath offers = as(DETAINING).body(Map.of("prisonerIds", List.of(a, b, c, d, e, f)))
                .post("/api/v1/exchange-lists/" + list + "/offers").then().statusCode(200).extract().jsonPath();
        assertThat(statusOf(offers, "prisonerId", a)).isEqualTo("OFFERED");
        assertThat(statusOf(offers, "prisonerId", b)).isEqualTo("NOT_ELIGIBLE");
        assertThat(offers.getString("find { it.prisonerId == '" + b + "' }.reason")).startsWith("AGED_18_TO_25: aged 17");
        assertThat(statusOf(offers, "prisonerId", c)).isEqualTo("NOT_ELIGIBLE");
        assertThat(statusOf(offers, "prisonerId", d)).isEqualTo("OFFERED");
        assertThat(offers.getString("find { it.prisonerId == '" + e + "' }.reason")).startsWith("HELD_ON_REFERENCE_DATE");
        assertThat(offers.getString("find { it.prisonerId == '" + a + "' }.surnameLatin")).isEqualTo("Shevchenko");
        as(DETAINING).body(Map.of("prisonerIds", List.of(a))).post("/api/v1/exchange-lists/" + list + "/offers")
                .then().statusCode(422);

        // The receiving party asks as it knows them: in Latin letters, a swapped date, the dead, the unknown.
        Map<String, Object> roundOne = Map.of("requests", List.of(
                asked("Shevchenko", "Taras", "Latn", "2000-06-03", "A " + suffix),
                asked("Kovalenko", "Petro", "Latn", "2001-05-04", null),
                asked("Honcharenko", "Vasyl", "Latn", "2002-02-02", "H-" + suffix),
                asked("Невідомий", "Іван", "Cyrl", "1990", null)));
        JsonPath requests = as(RECEIVING).header("Idempotency-Key", "round-1-" + list).body(roundOne)
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(201).extract().jsonPath();
        // Sent again under its key (a lost answer): the same entries, none added.
        assertThat(as(RECEIVING).header("Idempotency-Key", "round-1-" + list).body(roundOne)
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(201).extract().jsonPath()
                .getList("id", String.class)).isEqualTo(requests.getList("id", String.class));
        as(RECEIVING).queryParam("kind", "REQUEST").get("/api/v1/exchange-lists/" + list + "/entries").then()
                .statusCode(200).body("items.size()", equalTo(4));
        assertThat(requests.getList("status", String.class))
                .containsExactly("MATCHED", "REQUESTED", "DIED", "REQUESTED");
        String offerOfA = offers.getString("find { it.prisonerId == '" + a + "' }.id");
        assertThat(requests.getString("[0].matchedEntryId")).isEqualTo(offerOfA);
        assertThat(requests.getString("[2].reason")).isEqualTo("died in captivity on 2025-05-01");
        as(DETAINING).body(Map.of("requests", List.of(asked("X", "Y", "Latn", null, null))))
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(403);
        as(RECEIVING).body(Map.of("requests", List.of(asked("X", "Y", "Latn", "2001-02-30", null))))
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(422)
                .body("violations.field", hasItem("requests[0].dateOfBirth"));

        // The swapped date is a probable match: the detaining party confirms it, and only it.
        String review = as(DETAINING).get("/api/v1/exchange-lists/" + list + "/match-reviews").then().statusCode(200)
                .body("outcome", hasItem("PROBABLE")).extract()
                .path("find { it.requestId == '" + requests.getString("[1].id") + "' }.id");
        as(RECEIVING).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/exchange-lists/" + list + "/match-reviews/" + review + "/decision").then().statusCode(403);
        as(DETAINING).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/exchange-lists/" + list + "/match-reviews/" + review + "/decision").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));

        // The round closes; the detaining party answers the unknown in the next one, with its reason.
        as(RECEIVING).post("/api/v1/exchange-lists/" + list + "/rounds").then().statusCode(200).body("round", equalTo(2));
        String unknown = requests.getString("[3].id");
        as(DETAINING).body(Map.of("status", "RELEASED", "reason", "x"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + unknown + "/answer").then().statusCode(422);
        as(DETAINING).body(Map.of("status", "NOT_HELD", "reason", "No such prisoner in our records"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + unknown + "/answer").then().statusCode(200)
                .body("status", equalTo("NOT_HELD"));
        List<Map<String, Object>> history = as(RECEIVING)
                .get("/api/v1/exchange-lists/" + list + "/entries/" + unknown + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).extracting(change -> change.get("to")).containsExactly("REQUESTED", "NOT_HELD");
        assertThat(history).extracting(change -> change.get("round")).containsExactly(1, 2);
        assertThat(history.get(1).get("byOrganisation")).isEqualTo("org-px-nib");

        // The escort verifies identity and free will; one declines repatriation; the ineligible is not verified.
        String offerOfD = offers.getString("find { it.prisonerId == '" + d + "' }.id");
        String offerOfB = offers.getString("find { it.prisonerId == '" + b + "' }.id");
        as(ICRC).body(Map.of("decision", "VERIFIED"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOfA + "/verification").then().statusCode(200)
                .body("status", equalTo("ICRC_VERIFIED"));
        as(ICRC).body(Map.of("decision", "DECLINES_REPATRIATION", "reason", "Asked to stay, Art. 109"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOfD + "/verification").then().statusCode(200)
                .body("status", equalTo("DECLINES_REPATRIATION"));
        as(ICRC).body(Map.of("decision", "VERIFIED"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOfB + "/verification").then().statusCode(409);
        as(DETAINING).body(Map.of("decision", "VERIFIED"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOfB + "/verification").then().statusCode(403);

        // Eligible held on the reference date: A, D and F (B, C too young or old, E captured after, H dead before).
        as(MEDIATOR).get("/api/v1/exchange-lists/" + list).then().statusCode(200)
                .body("progress.eligibleHeld", equalTo(3)).body("progress.offered", equalTo(3))
                .body("progress.verified", equalTo(1)).body("progress.declined", equalTo(1))
                .body("progress.released", equalTo(0)).body("progress.remaining", equalTo(2))
                .body("progress.complete", equalTo(false));
        as(MEDIATOR).get("/api/v1/exchange-lists/" + list + "/entries").then().statusCode(403);
        as(TestTokens.bearer("org-zz", "ZZ", "coordinator")).get("/api/v1/exchange-lists/" + list).then().statusCode(404);
        as(ICRC).queryParam("kind", "REQUEST").get("/api/v1/exchange-lists/" + list + "/entries").then().statusCode(200)
                .body("items.status", hasItem("MATCHED"));

        // The public topic heard each step, in counts only, the last one as the API tells it.
        List<com.fasterxml.jackson.databind.JsonNode> told = KafkaTestClient.shared().readUntil("homeward.transfer.events",
                        read -> read.stream().anyMatch(r -> list.equals(r.key()) && r.value().contains("\"declined\":1")),
                        Duration.ofSeconds(30)).stream().filter(r -> list.equals(r.key())).map(r -> read(r.value())).toList();
        assertThat(told).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("transfer.exchange-list.progressed");
            assertThat(schema().validate(event)).isEmpty();
            assertThat(event.toString()).doesNotContain("Шевченко", "Shevchenko", "Kovalenko", a, d);
        });
        assertThat(told.stream().map(event -> event.path("data").path("sequence").asLong()).toList())
                .isSorted().doesNotHaveDuplicates();
        com.fasterxml.jackson.databind.JsonNode last = told.get(told.size() - 1).path("data");
        assertThat(last.path("eligibleHeld").asLong()).isEqualTo(3);
        assertThat(last.path("remaining").asLong()).isEqualTo(2);
        assertThat(last.path("accessScope").path("organisations").toString()).contains("org-tr-mfa", "org-icrc");
    }

    private static com.networknt.schema.JsonSchema schema() {
        try (java.io.InputStream schema = ExchangeListTest.class.getResourceAsStream(
                "/events/transfer.exchange-list.progressed.json")) {
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCommissionsDecisionCountsOnlyWhenMadeByTheReferenceDateAndTheLatestStands() {
        UUID wounded = UUID.randomUUID();
        String agreement = agreementWithLists(UUID.randomUUID(), wounded);
        String list = as(DETAINING).body(Map.of("agreementId", agreement, "termId", wounded.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(201).body("referenceDate", equalTo("2025-06-07"))
                .extract().path("id");
        String inTime = held("Wound", "One", "Latn", "1990-01-01", null, "2025-01-10");
        String late = held("Wound", "Two", "Latn", "1990-01-01", null, "2025-01-10");
        String recovered = held("Wound", "Three", "Latn", "1990-01-01", null, "2025-01-10");
        finding(inTime, true, "2025-06-07");
        finding(late, true, "2025-06-08");
        finding(recovered, true, "2025-03-01");
        finding(recovered, false, "2025-05-01");
        JsonPath offers = as(DETAINING).body(Map.of("prisonerIds", List.of(inTime, late, recovered)))
                .post("/api/v1/exchange-lists/" + list + "/offers").then().statusCode(200).extract().jsonPath();
        assertThat(statusOf(offers, "prisonerId", inTime)).isEqualTo("OFFERED");
        assertThat(statusOf(offers, "prisonerId", late)).isEqualTo("NOT_ELIGIBLE");
        assertThat(statusOf(offers, "prisonerId", recovered)).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void requestsUploadedAsASpreadsheetAreCheckedWholeAndMatchedAsTyped() {
        UUID young = UUID.randomUUID();
        String agreement = agreementWithLists(young, UUID.randomUUID());
        String list = as(RECEIVING).body(Map.of("agreementId", agreement, "termId", young.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(201).extract().path("id");
        String n = UUID.randomUUID().toString().substring(0, 6);
        // Captured after the reference date (not eligible): the other test's counts of PX's prisoners stay its own.
        String a = held("Бондаренко", "Іван", "Cyrl", "2001-08-09", "S-" + n, "2025-06-10");
        as(DETAINING).body(Map.of("prisonerIds", List.of(a))).post("/api/v1/exchange-lists/" + list + "/offers")
                .then().statusCode(200);
        String header = "surname,firstNames,patronymic,script,language,dateOfBirth,serviceNumber\n";
        // Every fault at once, by row and field; nothing stored.
        given().header("Authorization", RECEIVING).contentType("text/csv; charset=UTF-8")
                .body(header + "Bondarenko,Ivan,,Latn,,2001-08-09,S-" + n + "\n,Petro,,Greek,,1999-13-01,\n")
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(422)
                .body("violations.field", hasItem("rows[2].surname")).body("violations.field", hasItem("rows[2].script"))
                .body("violations.field", hasItem("rows[2].dateOfBirth"));
        as(RECEIVING).queryParam("kind", "REQUEST").get("/api/v1/exchange-lists/" + list + "/entries").then()
                .statusCode(200).body("items.size()", equalTo(0));
        given().header("Authorization", RECEIVING).contentType("text/csv; charset=UTF-8").body("surname\nX\n")
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(422)
                .body("violations.field", hasItem("columns.firstNames"));
        // Then as typed: in Latin letters, matched to the offer across scripts (and told why he will not come under
        // this term); sent again under its key, once.
        String csv = header + "Bondarenko,Ivan,,Latn,,2001-08-09,S-" + n + "\nМельник,Олег,,Cyrl,uk,1999,\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", RECEIVING).header("Idempotency-Key", "csv-" + n)
                    .contentType("text/csv; charset=UTF-8").body(csv)
                    .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(201)
                    .body("status", equalTo(List.of("NOT_ELIGIBLE", "REQUESTED")))
                    .body("[0].reason", org.hamcrest.Matchers.startsWith("HELD_ON_REFERENCE_DATE"));
        }
        as(RECEIVING).queryParam("kind", "REQUEST").get("/api/v1/exchange-lists/" + list + "/entries").then()
                .statusCode(200).body("items.size()", equalTo(2));
        // Only the receiving party requests.
        given().header("Authorization", DETAINING).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(403);
    }

    /**
     * What the records say of an offered prisoner later reaches his entries: a request for a man offered not
     * eligible learns why; a verified offer is still matched by a request of a later round; a commission's decision
     * recorded after the offer re-judges it; a death takes him off the list.
     */
    @Test
    void entriesFollowTheRecordsOfThePrisonersTheyName() {
        UUID wounded = UUID.randomUUID();
        String agreement = agreementWithLists(UUID.randomUUID(), wounded);
        String list = as(DETAINING).body(Map.of("agreementId", agreement, "termId", wounded.toString()))
                .post("/api/v1/exchange-lists").then().statusCode(201).extract().path("id");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String unfit = held("Rudenko", "Oleh", "Latn", "1980-02-02", "U-" + suffix, "2025-01-10");
        String verified = held("Zinchenko", "Maksym", "Latn", "1981-03-03", "V-" + suffix, "2025-01-10");
        String late = held("Kravets", "Denys", "Latn", "1982-04-04", "L-" + suffix, "2025-01-10");
        String dying = held("Polishchuk", "Roman", "Latn", "1983-05-05", "P-" + suffix, "2025-01-10");
        finding(verified, true, "2025-05-01");
        finding(dying, true, "2025-05-01");
        JsonPath offers = as(DETAINING).body(Map.of("prisonerIds", List.of(unfit, verified, late, dying)))
                .post("/api/v1/exchange-lists/" + list + "/offers").then().statusCode(200).extract().jsonPath();
        assertThat(offers.getList("status", String.class))
                .containsExactly("NOT_ELIGIBLE", "OFFERED", "NOT_ELIGIBLE", "OFFERED");
        String offerOfVerified = offers.getString("find { it.prisonerId == '" + verified + "' }.id");
        as(ICRC).body(Map.of("decision", "VERIFIED"))
                .post("/api/v1/exchange-lists/" + list + "/entries/" + offerOfVerified + "/verification").then()
                .statusCode(200);
        as(RECEIVING).post("/api/v1/exchange-lists/" + list + "/rounds").then().statusCode(200);

        JsonPath requests = as(RECEIVING).body(Map.of("requests", List.of(
                        asked("Rudenko", "Oleh", "Latn", "1980-02-02", "U-" + suffix),
                        asked("Zinchenko", "Maksym", "Latn", "1981-03-03", "V-" + suffix),
                        asked("Polishchuk", "Roman", "Latn", "1983-05-05", "P-" + suffix))))
                .post("/api/v1/exchange-lists/" + list + "/requests").then().statusCode(201).extract().jsonPath();
        assertThat(requests.getString("[0].status")).isEqualTo("NOT_ELIGIBLE");
        assertThat(requests.getString("[0].reason")).startsWith("SERIOUSLY_WOUNDED_OR_SICK");
        assertThat(requests.getString("[1].status")).isEqualTo("MATCHED");
        assertThat(requests.getString("[1].matchedEntryId")).isEqualTo(offerOfVerified);
        assertThat(requests.getString("[2].status")).isEqualTo("MATCHED");

        // A decision dated before the reference date but recorded after the offer: the offer is judged again, and
        // the request matched to it follows; a death takes the offer off the list, and its request with it.
        finding(late, true, "2025-06-01");
        finding(unfit, true, "2025-06-01");
        String offerOfLate = offers.getString("find { it.prisonerId == '" + late + "' }.id");
        String offerOfDying = offers.getString("find { it.prisonerId == '" + dying + "' }.id");
        as(DETAINING).body(Map.of("diedOn", "2025-06-20", "place", "Camp 9"))
                .post("/api/v1/prisoners/" + dying + "/death").then().statusCode(200);
        JsonPath after = as(ICRC).queryParam("kind", "OFFER").get("/api/v1/exchange-lists/" + list + "/entries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getString("items.find { it.id == '" + offerOfLate + "' }.status")).isEqualTo("OFFERED");
        assertThat(after.getString("items.find { it.id == '" + offerOfDying + "' }.status")).isEqualTo("DIED");
        assertThat(after.getString("items.find { it.id == '" + offerOfVerified + "' }.status")).isEqualTo("ICRC_VERIFIED");
        assertThat(after.getString("items.find { it.prisonerId == '" + unfit + "' }.status")).isEqualTo("MATCHED");
        JsonPath asked = as(ICRC).queryParam("kind", "REQUEST").get("/api/v1/exchange-lists/" + list + "/entries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(asked.getString("items.find { it.id == '" + requests.getString("[0].id") + "' }.status"))
                .isEqualTo("MATCHED");
        assertThat(asked.getString("items.find { it.id == '" + requests.getString("[2].id") + "' }.status"))
                .isEqualTo("DIED");
        // Eligible held on 2025-06-07: unfit (decided since), verified, late and dying (he died after it).
        as(MEDIATOR).get("/api/v1/exchange-lists/" + list).then().statusCode(200)
                .body("progress.eligibleHeld", equalTo(4)).body("progress.died", equalTo(1))
                .body("progress.offered", equalTo(4)).body("progress.verified", equalTo(1))
                .body("progress.remaining", equalTo(3));
    }

    private static void finding(String prisoner, boolean wounded, String decidedOn) {
        as(DETAINING).body(Map.of("seriouslyWoundedOrSick", wounded, "decidedOn", decidedOn,
                        "commissionReference", "MMC-" + decidedOn))
                .post("/api/v1/prisoners/" + prisoner + "/medical-findings").then().statusCode(201);
    }
}

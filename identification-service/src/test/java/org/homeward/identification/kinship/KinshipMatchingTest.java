package org.homeward.identification.kinship;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.ReleasedPrisoner;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.KinshipCalculator;
import org.homeward.identification.kinship.engine.KinshipModel;
import org.homeward.identification.kinship.engine.Loci;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.PedFormat;
import org.homeward.identification.kinship.engine.PedtoolsFiles;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.engine.UndisputedRule;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.homeward.identification.kinship.KinshipRequests.COORDINATOR;
import static org.homeward.identification.kinship.KinshipRequests.EXAMINER;
import static org.homeward.identification.kinship.KinshipRequests.donor;
import static org.homeward.identification.kinship.KinshipRequests.donorRequest;
import static org.homeward.identification.kinship.KinshipRequests.donorWithProfile;
import static org.homeward.identification.kinship.KinshipRequests.loci;
import static org.homeward.identification.kinship.KinshipRequests.person;
import static org.homeward.identification.kinship.KinshipRequests.propose;
import static org.homeward.identification.kinship.KinshipRequests.recordCaseProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * DNA profiles to identifications through the API and the background matching, on real PostgreSQL:
 * synthetic families drawn from the European table, the right family found for each body, numbers equal to
 * the engine's, commingled fragments re-associated, results scoped and audited, genotypes sealed at rest,
 * and a withdrawn consent erasing what rested on it.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class KinshipMatchingTest {

    private static final String SECOND_EXAMINER = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String OTHER_LAB = TestTokens.bearerOf("examiner-other", "lab-ua-dnipro", "UA", "forensic-examiner");
    private static final String RU_LAB = TestTokens.bearerOf("examiner-ru", "lab-ru-rostov", "RU", "forensic-examiner");
    private static final List<String> LOCI = new ArrayList<>(Loci.CODIS_CORE);
    /** Ratios are compared as doubles, not the floats JsonPath reads by default. */
    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    private static AlleleFrequencies europe;
    private static KinshipCalculator engine;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void population() throws Exception {
        LOCI.addAll(List.of("Penta D", "Penta E", "SE33"));
        try (var in = KinshipMatchingTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            europe = AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        engine = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
    }

    @Test
    void eachBodyFindsItsFamilyAndAnExaminerProposesItWithTheNumbersAttached() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20250611L, LOCI);
        // Person A: both parents typed (one pedigree). Person B: father and a full brother. Person C: his razor.
        StrProfile fatherA = simulate.founder();
        StrProfile motherA = simulate.founder();
        StrProfile bodyA = simulate.child(fatherA, motherA);
        StrProfile fatherB = simulate.founder();
        StrProfile motherB = simulate.founder();
        StrProfile bodyB = simulate.child(fatherB, motherB);
        StrProfile brotherB = simulate.child(fatherB, motherB);
        StrProfile bodyC = simulate.founder();
        StrProfile unrelated = simulate.founder();

        String personA = person("Андрій");
        String personB = person("Богдан");
        String personC = person("Василь");
        donorWithProfile(personA, "PARENT", fatherA);
        donorWithProfile(personA, "PARENT", motherA);
        String fatherOfB = donorWithProfile(personB, "PARENT", fatherB);
        String brotherOfB = donorWithProfile(personB, "FULL_SIBLING", brotherB);
        for (int decoy = 0; decoy < 8; decoy++) {
            donorWithProfile(person("Дмитро"), "PARENT", simulate.founder());
        }

        RemainsHandover handover = RemainsHandover.ruToUa(5);
        List<String> cases = OpenedCases.of(handover, 5);
        String caseA = cases.get(0);
        String caseB = cases.get(1);
        String caseC = cases.get(2);
        String caseUnrelated = cases.get(3);
        String fragmentOfA = cases.get(4);
        recordCaseProfile(caseA, bodyA);
        recordCaseProfile(caseB, bodyB);
        recordCaseProfile(caseC, bodyC);
        recordCaseProfile(caseUnrelated, unrelated);
        // The same person's second fragment, a degraded sample typed from the genotyping software's table.
        given().header("Authorization", EXAMINER).contentType("text/tab-separated-values; charset=UTF-8")
                .body(labTable("PM-" + fragmentOfA.substring(0, 8), simulate.degrade(bodyA, 0.3)))
                .put("/api/v1/cases/" + fragmentOfA + "/dna-profile").then().statusCode(200);
        // Person C's reference comes after the remains were typed: the family's search finds them.
        donorWithProfile(personC, "PERSONAL_EFFECTS", bodyC);

        JsonPath a = awaitCandidates(caseA, personA);
        assertThat(a.getString("[0].reference")).isEqualTo("PEDIGREE");
        assertThat(a.getList("[0].donorIds")).hasSize(2);
        double expectedA = engine.trio(bodyA, fatherA, motherA).total();
        assertThat(a.getDouble("[0].lr")).isCloseTo(expectedA, within(expectedA * 1e-9));
        assertThat(a.getInt("[0].lociCompared")).isEqualTo(LOCI.size());
        double prior = a.getDouble("[0].prior");
        assertThat(a.getDouble("[0].posterior")).isCloseTo(expectedA * prior / (expectedA * prior + 1 - prior), within(1e-12));
        assertThat(a.getBoolean("[0].undisputed")).isTrue();
        assertThat(a.getList("[0].disputedBecause")).isEmpty();
        // Each parent compared on its own fits; the numbers say what they rest on.
        assertThat(a.getList("[0].references.relationship")).containsExactly("PARENT", "PARENT");
        assertThat(a.getList("[0].references.lr", Double.class)).allSatisfy(lr -> assertThat(lr).isGreaterThan(1));
        assertThat(a.getString("[0].basis.frequencyTable")).isEqualTo("europe-norstr-2023.csv");
        try (var table = KinshipMatchingTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            assertThat(a.getString("[0].basis.frequencyTableSha256")).isEqualTo(java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(table.readAllBytes())));
        }
        assertThat(a.getString("[0].basis.mutationModel")).isEqualTo("PROPORTIONAL");
        assertThat(a.getInt("[0].basis.lociCompared")).isEqualTo(LOCI.size());
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseA).then().statusCode(200)
                .body("status", equalTo("CANDIDATE_FOUND"));
        // The identification board shows the family beside the (absent) reconciliation, never combined with it.
        JsonPath board = given().header("Authorization", EXAMINER).queryParam("agreementId", handover.agreementId.toString())
                .queryParam("size", 100).get("/api/v1/reconciliation-board").then().statusCode(200).extract().jsonPath();
        String rowA = "items.find { it.caseId == '" + caseA + "' }";
        assertThat(board.getMap(rowA).get("reconciliation")).isNull();
        assertThat(board.getMap(rowA).get("samePerson")).isNull();
        assertThat(board.<String, Object>getMap(rowA + ".dna")).containsEntry("missingPersonId", personA)
                .containsEntry("candidateId", a.getString("[0].id")).containsEntry("undisputed", true);
        // Another laboratory recomputes the candidate from the pedtools files the report exports.
        JsonPath exported = given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseA + "/kinship-candidates/" + a.getString("[0].id") + "/report/pedtools")
                .then().statusCode(200).extract().jsonPath().using(EXACT);
        PedtoolsFiles.Loaded loaded = PedtoolsFiles.read(exported.getString("ped"), exported.getString("frequencies"));
        Map<String, StrProfile> parents = new HashMap<>(loaded.typed());
        StrProfile poi = parents.remove(PedFormat.MISSING);
        double recomputed = new KinshipCalculator(new KinshipModel(loaded.frequencies(), 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)))
                .pedigree(loaded.pedigree(), PedFormat.MISSING, poi, parents).total();
        assertThat(recomputed).isCloseTo(expectedA, within(expectedA * 1e-9));
        assertThat(exported.getDouble("autosomalLr")).isCloseTo(expectedA, within(expectedA * 1e-9));
        assertThat(poi.loci()).hasSize(LOCI.size());
        assertThat(exported.getString("recompute")).contains("missingPersonLR(x, missing = \"MP\")")
                .contains("model = \"proportional\"");
        given().header("Authorization", OTHER_LAB)
                .get("/api/v1/cases/" + caseA + "/kinship-candidates/" + a.getString("[0].id") + "/report/pedtools")
                .then().statusCode(404);

        JsonPath b = awaitCandidates(caseB, personB);
        // Father and brother in one pedigree, as an examiner would state it by hand.
        Pedigree familyB = new Pedigree(List.of(new Pedigree.Member(fatherOfB, null, null, null),
                new Pedigree.Member("mother", null, null, null),
                new Pedigree.Member(Relation.MISSING, fatherOfB, "mother", null),
                new Pedigree.Member(brotherOfB, fatherOfB, "mother", null)));
        double expectedB = engine.pedigree(familyB, Relation.MISSING, bodyB, Map.of(fatherOfB, fatherB, brotherOfB, brotherB))
                .total();
        assertThat(b.getDouble("[0].lr")).isCloseTo(expectedB, within(expectedB * 1e-9));

        JsonPath c = awaitCandidates(caseC, personC);
        assertThat(c.getString("[0].reference")).isEqualTo("PERSONAL_EFFECTS");
        assertThat(c.getDouble("[0].lr")).isCloseTo(engine.pairwise(bodyC, bodyC, Relation.IDENTITY).total(),
                within(1e-9 * c.getDouble("[0].lr")));

        // Commingled remains: the fragment is proposed for re-association with case A, both ways.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseA + "/reassociations").then().statusCode(200)
                .body("otherCaseId", hasItem(fragmentOfA)));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + fragmentOfA + "/reassociations").then()
                .statusCode(200).body("otherCaseId", hasItem(caseA));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseUnrelated + "/kinship-candidates").then()
                .statusCode(200).body("$", hasSize(0));

        // Only the identifying laboratory's examiners see matching results.
        given().header("Authorization", OTHER_LAB).get("/api/v1/cases/" + caseA + "/kinship-candidates").then().statusCode(404);
        given().header("Authorization", RU_LAB).get("/api/v1/missing-persons/" + personA + "/kinship-candidates").then()
                .statusCode(404);
        given().header("Authorization", COORDINATOR).get("/api/v1/cases/" + caseA + "/kinship-candidates").then().statusCode(403);
        // The party's other laboratory may read the person's candidates, but not the remains another examines.
        given().header("Authorization", OTHER_LAB).get("/api/v1/missing-persons/" + personA + "/kinship-candidates").then()
                .statusCode(200).body("$", hasSize(0));
        given().header("Authorization", EXAMINER).get("/api/v1/missing-persons/" + personA + "/kinship-candidates").then()
                .statusCode(200).body("caseId", hasItem(caseA));

        // The examiner proposes with the candidate attached; a second examiner confirms.
        String candidate = a.getString("[0].id");
        String proposal = given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "DNA", "evidence", "Trio with both parents", "kinshipCandidateId", candidate,
                        "establishedIdentity", Map.of("surname", "Коваленко", "nationality", "UA")))
                .post("/api/v1/cases/" + caseA + "/proposals").then().statusCode(201)
                .body("kinshipCandidateId", equalTo(candidate)).body("evidence", containsString("LR "))
                .body("evidence", containsString("SHA-256")).body("evidence", containsString("europe-norstr-2023.csv"))
                .body("evidence", containsString(personA)).extract().path("id");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "VISUAL", "evidence", "x", "kinshipCandidateId", candidate,
                        "establishedIdentity", Map.of("surname", "Коваленко", "nationality", "UA")))
                .post("/api/v1/cases/" + caseA + "/proposals").then().statusCode(422);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("method", "DNA", "evidence", "x", "kinshipCandidateId", c.getString("[0].id"),
                        "establishedIdentity", Map.of("surname", "Коваленко", "nationality", "UA")))
                .post("/api/v1/cases/" + caseA + "/proposals").then().statusCode(404);
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Trio LR checked by hand"))
                .post("/api/v1/cases/" + caseA + "/proposals/" + proposal + "/decision").then().statusCode(200);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseA).then().body("status", equalTo("IDENTIFIED"));

        // Genotypes are sealed at rest, locus by locus; nothing waits in the job table.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select loci::text from dna_profile where subject_id = '" + caseA + "'")) {
            assertThat(rows.next()).isTrue();
            String stored = rows.getString(1);
            assertThat(stored).contains("D3S1358").doesNotContain(bodyA.at("D3S1358").toString())
                    .doesNotContain("\"" + bodyA.at("FGA").first() + "\"");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from kinship_job") == 0);

        // A withdrawn consent erases the brother's profile and every candidate resting on it; the family is
        // matched again with the father alone.
        // One examiner records it, a second confirms it: then it takes effect.
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("reason", "The family withdrew consent")).post("/api/v1/donors/" + brotherOfB
                        + "/consent-withdrawal").then().statusCode(200).body("status", equalTo("CONSENTED"));
        given().header("Authorization", SECOND_EXAMINER).post("/api/v1/donors/" + brotherOfB
                + "/consent-withdrawal/confirmation").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", EXAMINER).get("/api/v1/donors/" + brotherOfB + "/dna-profile").then().statusCode(404);
        assertThat(count("select count(*) from kinship_candidate where donor_ids::text like '%" + brotherOfB + "%'")).isZero();
        // (The seed is fixed: the father alone clears the reporting threshold, so the family reappears.)
        assertThat(engine.pairwise(bodyB, fatherB, Relation.PARENT).total()).isGreaterThan(1000);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseB + "/kinship-candidates").then().statusCode(200)
                .body("[0].personId", equalTo(personB)).body("[0].reference", equalTo("RELATIVE"))
                .body("[0].donorIds", equalTo(List.of(fatherOfB))));
        String audit = given().header("Authorization", TestTokens.bearer("org-audit", null, "auditor"))
                .queryParam("organisation", "lab-ua-kyiv").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertThat(audit).contains("kinship.candidates.case.read").contains("dna-profile.case.record")
                .contains("donor.consent-withdrawn.erased");
    }

    @Test
    void aProposalRestsOnItsCandidateUntilTheEvidenceGoes() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251107L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        StrProfile body = simulate.child(father, mother);
        String person = person("Олег");
        donorWithProfile(person, "PARENT", father);
        String motherDonor = donorWithProfile(person, "PARENT", mother);
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, body);
        String candidate = awaitCandidates(caseId, person).getString("[0].id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId).then().body("status", equalTo("CANDIDATE_FOUND")));

        // The family gains a reference: the candidate is computed again, and keeps its identity; a proposal that
        // quoted the old numbers is rejected, saying why.
        String early = propose(caseId, candidate);
        String sibling = "REF-" + person.substring(0, 8);
        String brother = given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(donorRequest(person, "FULL_SIBLING")).post("/api/v1/donors").then().statusCode(201).extract().path("id");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", sibling, "loci", loci(simulate.child(father, mother))))
                .put("/api/v1/donors/" + brother + "/dna-profile").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates").then().statusCode(200)
                .body("[0].donorIds", hasSize(3)).body("[0].id", equalTo(candidate)));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(200)
                .body("find { it.id == '" + early + "' }.status", equalTo("REJECTED"))
                .body("find { it.id == '" + early + "' }.decisionReason", containsString("computed again"));

        // A rejected proposal leaves the undisputed candidate standing: the case still waits for a proposal.
        String first = propose(caseId, candidate);
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "Wrong surname in the proposal"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + first + "/decision").then().statusCode(200);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then()
                .body("status", equalTo("CANDIDATE_FOUND"));

        // A donor withdraws consent: the open proposal resting on the erased candidate is rejected, saying why.
        String second = propose(caseId, candidate);
        // Told by the family, the coordination body records it: it takes effect at once.
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "The family withdrew consent")).post("/api/v1/donors/" + motherDonor
                        + "/consent-withdrawal").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/proposals").then().statusCode(200)
                .body("find { it.id == '" + second + "' }.status", equalTo("REJECTED"))
                .body("find { it.id == '" + second + "' }.decisionReason", containsString("withdrew consent"))
                .body("find { it.id == '" + second + "' }.kinshipCandidateId", equalTo(candidate));
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Too late"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + second + "/decision").then().statusCode(409);

        // An operator erases a candidate by hand (the register runbook): the proposal on it cannot be confirmed.
        String third = propose(caseId, awaitCandidates(caseId, person).getString("[0].id"));
        String standing = awaitCandidates(caseId, person).getString("[0].id");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from kinship_candidate where id = '" + standing + "'");
        }
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Checked"))
                .post("/api/v1/cases/" + caseId + "/proposals/" + third + "/decision").then().statusCode(409)
                .body("detail", containsString("erased"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then()
                .body("status", equalTo("CANDIDATE_FOUND"));
    }

    @Test
    void aPersonReleasedFromCaptivityIsNoLongerTheUndisputedIdentityOfABody() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251108L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        String suffix = Integer.toString((int) (Math.random() * 1_000_000_000), 36);
        String serviceNumber = "ЗСУ-" + suffix;
        String person = given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("surname", "Гнатюк-" + suffix, "firstNames", "Петро", "script", "Cyrl", "language", "uk",
                        "dateOfBirth", "1999-04-02", "serviceNumber", serviceNumber, "party", "UA",
                        "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"))
                .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
        donorWithProfile(person, "PARENT", father);
        donorWithProfile(person, "PARENT", mother);
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, simulate.child(father, mother));
        awaitCandidates(caseId, person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId).then().body("status", equalTo("CANDIDATE_FOUND")));

        // He comes home alive in a prisoner exchange (the body was his brother's, say): the candidate stays on
        // file, but is no longer undisputed, and the case waits for other evidence.
        UUID transfer = UUID.randomUUID();
        KafkaTestClient.shared().send(ReleasedPrisoner.TOPIC, transfer.toString(), ReleasedPrisoner.record(transfer,
                UUID.randomUUID(), "transfer.manifest-item.arrived", 1, "Гнатюк-" + suffix, "Петро", "1999-04-02",
                serviceNumber));
        String check = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", COORDINATOR)
                .queryParam("transferId", transfer.toString()).get("/api/v1/prisoner-checks").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id"), java.util.Objects::nonNull);
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON).body(Map.of("samePerson", true))
                .post("/api/v1/prisoner-checks/" + check + "/decision").then().statusCode(200);
        given().header("Authorization", COORDINATOR).get("/api/v1/missing-persons/" + person).then()
                .body("status", equalTo("RELEASED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/kinship-candidates").then()
                    .statusCode(200).body("[0].personId", equalTo(person)).body("[0].undisputed", equalTo(false));
            given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then()
                    .body("status", equalTo("PROFILED"));
        });
    }

    @Test
    void aPersonalEffectThatBelongedToSomeoneElseSendsTheFamilyToReview() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251109L, LOCI);
        StrProfile body = simulate.founder();
        // The family's razor was the body's (another man's, misattributed); its parents are not his.
        String person = person("Ігор");
        donorWithProfile(person, "PARENT", simulate.founder());
        donorWithProfile(person, "PARENT", simulate.founder());
        donorWithProfile(person, "PERSONAL_EFFECTS", body);
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, body);

        JsonPath found = awaitCandidates(caseId, person);
        assertThat(found.getString("[0].reference")).isEqualTo("PERSONAL_EFFECTS");
        assertThat(found.getDouble("[0].lr")).isGreaterThan(1e20);
        assertThat(found.getBoolean("[0].undisputed")).isFalse();
        assertThat(found.getList("[0].disputedBecause", String.class)).anySatisfy(reason -> assertThat(reason)
                .contains("review the family"));
        assertThat(found.getList("[0].references.findAll { it.relationship == 'PARENT' }.lr", Double.class))
                .allSatisfy(lr -> assertThat(lr).isLessThan(1));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("PROFILED"));
    }

    @Test
    void aYChromosomeNeverMatchesAWomanAndXAloneAgainstAManIsFlaggedNotExcluded() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251110L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        String daughter = personOfSex("Олена", "FEMALE");
        String son = personOfSex("Остап", "MALE");
        for (String person : List.of(daughter, son)) {
            donorWithProfile(person, "PARENT", father);
            donorWithProfile(person, "PARENT", mother);
        }
        List<String> cases = OpenedCases.of(RemainsHandover.ruToUa(2), 2);
        // A man's remains (Amelogenin X,Y) of the couple's child: never the daughter, whatever the ratio.
        Map<String, List<String>> male = new LinkedHashMap<>(loci(simulate.child(father, mother)));
        male.put("AMEL", List.of("X", "Y"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-M", "loci", male)).put("/api/v1/cases/" + cases.get(0) + "/dna-profile")
                .then().statusCode(200).body("setAside", contains("AMEL"));
        // X alone (AMELY may be deleted): the son stays a candidate, flagged.
        Map<String, List<String>> xOnly = new LinkedHashMap<>(loci(simulate.child(father, mother)));
        xOnly.put("AMEL", List.of("X"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-X", "loci", xOnly)).put("/api/v1/cases/" + cases.get(1) + "/dna-profile")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath ofMale = given().header("Authorization", EXAMINER).get("/api/v1/cases/" + cases.get(0)
                    + "/kinship-candidates").then().statusCode(200).extract().jsonPath();
            assertThat(ofMale.getList("findAll { it.personId == '" + daughter + "' }.sex")).containsExactly("Y_AGAINST_A_WOMAN");
            assertThat(ofMale.getList("findAll { it.personId == '" + daughter + "' }.undisputed")).containsExactly(false);
            assertThat(ofMale.getList("findAll { it.personId == '" + son + "' }.sex")).containsExactly("CONSISTENT");
            JsonPath ofXOnly = given().header("Authorization", EXAMINER).get("/api/v1/cases/" + cases.get(1)
                    + "/kinship-candidates").then().statusCode(200).extract().jsonPath();
            assertThat(ofXOnly.getList("findAll { it.personId == '" + son + "' }.sex")).containsExactly("X_ONLY_AGAINST_A_MAN");
            assertThat(ofXOnly.getList("findAll { it.personId == '" + daughter + "' }.sex")).containsExactly("CONSISTENT");
        });
        assertThat(given().header("Authorization", EXAMINER).get("/api/v1/cases/" + cases.get(0) + "/kinship-candidates")
                .then().extract().jsonPath().getList("findAll { it.personId == '" + daughter + "' }.disputedBecause[0]",
                        String.class)).anySatisfy(reason -> assertThat(reason).contains("Y chromosome"));
        given().header("Authorization", COORDINATOR).get("/api/v1/missing-persons/" + daughter).then()
                .body("sex", equalTo("FEMALE"));
    }

    private static String personOfSex(String firstName, String sex) {
        String surname = "Стать-" + Integer.toString((int) (Math.random() * 1_000_000_000), 36);
        return given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("surname", surname, "firstNames", firstName, "script", "Cyrl", "language", "uk", "sex", sex,
                        "party", "UA", "category", "MILITARY", "source", "FAMILY_REPORT", "reportedOn", "2025-06-01"))
                .post("/api/v1/missing-persons").then().statusCode(201).extract().path("personId");
    }

    @Test
    void brothersMissingTogetherAreWeighedOnTheSameReferencesAndNeitherIsUndisputed() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251111L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        String older = person("Богдан");
        String younger = person("Максим");
        // Both parents gave samples for the older brother; the mother gave hers again for the younger one,
        // typed on another kit (15 of the 23 loci).
        donorWithProfile(older, "PARENT", father);
        donorWithProfile(older, "PARENT", mother);
        Map<String, Genotype> fifteen = new java.util.TreeMap<>(mother.loci());
        fifteen.keySet().retainAll(LOCI.subList(0, 15));
        donorWithProfile(younger, "PARENT", new StrProfile(fifteen));
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, simulate.child(father, mother));
        // The remains are the younger brother's. The register does not know yet that the two are brothers, and
        // the older one's trio outweighs the younger one's single parent by far; but the same mother rests under
        // both files, so the older is disputed by a brother weighed on other references, never named.
        JsonPath before = awaitCandidates(caseId, older);
        assertThat(before.getBoolean("[0].undisputed")).isFalse();
        assertThat(before.getList("[0].disputedBecause", String.class)).contains(UndisputedRule.OTHER_REFERENCES);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then()
                .body("status", equalTo("PROFILED"));

        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON).body(Map.of("personId", younger))
                .post("/api/v1/missing-persons/" + older + "/full-siblings").then().statusCode(200)
                .body("fullSiblings", contains(younger));

        // Stated as brothers, each is weighed on the same references (the mother counted once, on her fuller
        // typing): the ratios are equal, the posterior is shared, and DNA alone names neither; other evidence must.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath found = given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId
                    + "/kinship-candidates").then().statusCode(200).extract().jsonPath().using(EXACT);
            assertThat(found.getList("personId", String.class)).containsExactlyInAnyOrder(older, younger);
            assertThat(found.getList("donorIds", List.class)).allSatisfy(donors -> assertThat(donors).hasSize(2));
            List<Double> lrs = found.getList("lr", Double.class);
            assertThat(lrs.get(0)).isCloseTo(lrs.get(1), within(lrs.get(0) * 1e-9));
            assertThat(found.getList("undisputed", Boolean.class)).containsOnly(false);
            assertThat(found.getList("posterior", Double.class)).allSatisfy(p -> assertThat(p).isLessThan(0.51));
            given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then()
                    .body("status", equalTo("PROFILED"));
        });
    }

    @Test
    void aFatherAndHisSonMissingTogetherLendEachOtherTheirReferences() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20251112L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        StrProfile son = simulate.child(father, mother);
        String fatherId = person("Петро");
        String sonId = person("Андрій");
        // The father's razor is in his file; the son's file has his mother's sample.
        donorWithProfile(fatherId, "PERSONAL_EFFECTS", father);
        donorWithProfile(sonId, "PARENT", mother);
        List<String> cases = OpenedCases.of(RemainsHandover.ruToUa(2), 2);
        recordCaseProfile(cases.get(0), son);
        recordCaseProfile(cases.get(1), father);
        JsonPath alone = awaitCandidates(cases.get(0), sonId);
        double motherOnly = alone.getDouble("[0].lr");
        assertThat(alone.getList("[0].donorIds")).hasSize(1);

        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON).body(Map.of("personId", sonId))
                .post("/api/v1/missing-persons/" + fatherId + "/children").then().statusCode(200)
                .body("children", contains(sonId));

        // Stated as father and son, the father's razor is the son's father's sample: the son is weighed on a trio.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath found = given().header("Authorization", EXAMINER).get("/api/v1/cases/" + cases.get(0)
                    + "/kinship-candidates").then().statusCode(200).extract().jsonPath().using(EXACT);
            assertThat(found.getString("[0].personId")).isEqualTo(sonId);
            assertThat(found.getList("[0].donorIds")).hasSize(2);
            assertThat(found.getDouble("[0].lr")).isGreaterThan(motherOnly * 1000);
            assertThat(found.getBoolean("[0].undisputed")).isTrue();
        });
        // The father's own remains are still his, his son a related rival far behind.
        JsonPath ofFather = awaitCandidates(cases.get(1), fatherId);
        assertThat(ofFather.getString("[0].reference")).isEqualTo("PERSONAL_EFFECTS");
        assertThat(ofFather.getBoolean("[0].undisputed")).isTrue();
    }


    /**
     * A body recovered months after death, read with allele drop-out (0.3): loci where one allele did not show
     * are weighed as readings, so the parents are not excluded by an allele that merely dropped out, and the
     * stored ratio is the engine's with the drop-out, not the ratio of the profile taken as read.
     */
    @Test
    void aDegradedBodyIsWeighedWithItsDropOut() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20250613L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        StrProfile body = simulate.child(father, mother);
        StrProfile read = simulate.dropOut(body, 0.3);
        assertThat(read.loci().entrySet()).as("loci where an allele dropped out")
                .anySatisfy(e -> assertThat(e.getValue().homozygous() && !body.at(e.getKey()).homozygous()).isTrue());
        String person = person("Євген");
        donorWithProfile(person, "PARENT", father);
        donorWithProfile(person, "PARENT", mother);
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, read);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200)
                .body("dropout", equalTo(0.3f));

        JsonPath candidates = awaitCandidates(caseId, person);
        double expected = engine.trio(read, father, mother).total();
        double asRead = engine.trio(read.withDropout(0), father, mother).total();
        assertThat(candidates.getDouble("[0].lr")).isCloseTo(expected, within(expected * 1e-9));
        assertThat(Math.abs(expected - asRead)).as("drop-out changes the ratio").isGreaterThan(expected * 0.01);
        JsonPath report = given().header("Authorization", EXAMINER).accept(ContentType.JSON)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates/" + candidates.getString("[0].id") + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("model.dropOut")).contains("the remains' sample d = 0.3");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-X", "loci", loci(read), "dropout", 0.95))
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(400);
    }

    @Test
    void anExaminerChecksANumberByHandThroughTheApi() {
        // forrel's parent AA / child AA with p(A) = 0.05: LR 20.
        Map<String, Object> forrel = new LinkedHashMap<>();
        forrel.put("candidate", Map.of("loci", Map.of("L1", List.of("1", "1"))));
        forrel.put("relationship", "PARENT");
        forrel.put("reference", Map.of("loci", Map.of("L1", List.of("1"))));
        forrel.put("mutation", Map.of("model", "NONE"));
        forrel.put("frequencyTable", "locus,allele,frequency\nL1,1,0.05\nL1,2,0.95\n");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(forrel)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(200)
                .body("lr", equalTo(20.0f)).body("perLocus[0].locus", equalTo("L1")).body("method", equalTo("closed-form"));
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON).body(forrel)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(403);

        // A degraded candidate read as allele 1 alone (drop-out 0.25) against a parent {1, 2}, worked by hand in
        // DegradedAndThetaTest: 0.1875 / 0.0975. Then a silent allele (0.01) explaining a parent 1/1 and a child
        // 2/2: s / ((p'1 + 2s)(p'2 + 2s)). Then θ in a trio, which is a pedigree likelihood.
        String three = "locus,allele,frequency\nL1,1,0.2\nL1,2,0.4\nL1,3,0.4\n";
        Map<String, Object> degraded = new LinkedHashMap<>();
        degraded.put("candidate", Map.of("loci", Map.of("L1", List.of("1")), "dropout", 0.25));
        degraded.put("relationship", "PARENT");
        degraded.put("reference", Map.of("loci", Map.of("L1", List.of("1", "2"))));
        degraded.put("mutation", Map.of("model", "NONE"));
        degraded.put("frequencyTable", three);
        assertThat(given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(degraded)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(200).body("method", equalTo("pedigree"))
                .extract().jsonPath().using(EXACT).getDouble("lr")).isCloseTo(0.1875 / 0.0975, within(1e-9));
        Map<String, Object> silent = new LinkedHashMap<>(degraded);
        silent.put("candidate", Map.of("loci", Map.of("L1", List.of("2", "2"))));
        silent.put("reference", Map.of("loci", Map.of("L1", List.of("1", "1"))));
        silent.put("silentAlleleFrequency", 0.01);
        assertThat(given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(silent)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(200)
                .body("silentAlleleFrequency", equalTo(0.01f)).extract().jsonPath().using(EXACT).getDouble("lr"))
                .isCloseTo(0.01 / ((0.2 * 0.99 + 0.02) * (0.4 * 0.99 + 0.02)), within(1e-9));
        Map<String, Object> trio = new LinkedHashMap<>();
        trio.put("candidate", Map.of("loci", Map.of("vWA", List.of("16", "17"))));
        trio.put("relationship", "TRIO");
        trio.put("father", Map.of("loci", Map.of("vWA", List.of("16", "18"))));
        trio.put("mother", Map.of("loci", Map.of("vWA", List.of("17"))));
        trio.put("theta", 0.02);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(trio)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(200)
                .body("method", equalTo("pedigree, theta 0.02")).body("theta", equalTo(0.02f));
        degraded.put("candidate", Map.of("loci", Map.of("L1", List.of("1")), "dropout", 1.5));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(degraded)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(400);
        silent.put("silentAlleleFrequency", 0.5);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(silent)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(400);

        // On the service's own table, with its mutation model and a prior.
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("candidate", Map.of("loci", Map.of("VWA", List.of("16", "17"), "PENTA_E", List.of("12"))));
        pair.put("relationship", "PARENT");
        pair.put("reference", Map.of("loci", Map.of("vWA", List.of("17", "18"), "Penta E", List.of("12", "13"))));
        pair.put("prior", 0.01);
        JsonPath answer = given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(pair)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(200).body("lociCompared", equalTo(2))
                .body("mutation.kind", equalTo("PROPORTIONAL")).extract().jsonPath().using(EXACT);
        StrProfile candidate = StrProfile.parse(Map.of("vWA", List.of("16", "17"), "Penta E", List.of("12")), europe.loci(), "c");
        StrProfile reference = StrProfile.parse(Map.of("vWA", List.of("17", "18"), "Penta E", List.of("12", "13")), europe.loci(), "r");
        double expected = engine.pairwise(candidate, reference, Relation.PARENT).total();
        assertThat(answer.getDouble("lr")).isCloseTo(expected, within(expected * 1e-9));
        assertThat(answer.getDouble("posterior")).isCloseTo(expected * 0.01 / (expected * 0.01 + 0.99), within(1e-9));

        // dvir's example2 through the joint endpoint.
        Map<String, Object> joint = Map.of(
                "frequencyTable", "locus,allele,frequency\n" + String.join("", java.util.stream.IntStream.rangeClosed(1, 10)
                        .mapToObj(i -> "L1," + i + ",0.1\n").toList()),
                "mutation", Map.of("model", "NONE"),
                "families", List.of(
                        Map.of("name", "F1", "missing", List.of("M1", "M2"),
                                "members", List.of(Map.of("id", "M1", "sex", "MALE"), Map.of("id", "R1", "sex", "FEMALE"),
                                        Map.of("id", "M2", "father", "M1", "mother", "R1", "sex", "MALE")),
                                "references", Map.of("R1", Map.of("loci", Map.of("L1", List.of("2", "2"))))),
                        Map.of("name", "F2", "missing", List.of("M3"),
                                "members", List.of(Map.of("id", "R2", "sex", "MALE"), Map.of("id", "MO2", "sex", "FEMALE"),
                                        Map.of("id", "M3", "father", "R2", "mother", "MO2", "sex", "FEMALE")),
                                "references", Map.of("R2", Map.of("loci", Map.of("L1", List.of("3", "3")))))),
                "victims", Map.of("V1", Map.of("sex", "MALE", "profile", Map.of("loci", Map.of("L1", List.of("1", "1")))),
                        "V2", Map.of("sex", "MALE", "profile", Map.of("loci", Map.of("L1", List.of("1", "2")))),
                        "V3", Map.of("sex", "FEMALE", "profile", Map.of("loci", Map.of("L1", List.of("3", "4"))))));
        JsonPath ranked = given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(joint)
                .post("/api/v1/kinship/joint-identification").then().statusCode(200)
                .body("assignments", hasSize(10)).extract().jsonPath().using(EXACT);
        assertThat(ranked.getDouble("assignments[0].lr")).isCloseTo(250, within(1e-9));
        assertThat(ranked.getMap("assignments[0].victims")).isEqualTo(Map.of("F1:M1", "V1", "F1:M2", "V2", "F2:M3", "V3"));
        assertThat(ranked.getDouble("pairwise.V2.'F1:M2'")).isCloseTo(5, within(1e-9));
    }

    @Test
    void badProfilesAndPedigreesAreRefusedAndChangeNothing() {
        RemainsHandover handover = RemainsHandover.ruToUa(1);
        String caseId = OpenedCases.of(handover, 1).get(0);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-1", "loci", Map.of("D3S1358", List.of("15", "OL"), "D99S9", List.of("10"))))
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("loci.D3S1358")).body("violations.field", not(hasItem("loci.D99S9")));
        // A third allele is a mixture, not a reference: refused naming the locus, never dropped.
        given().header("Authorization", EXAMINER).contentType("text/csv; charset=UTF-8")
                .body("Sample Name,Marker,Allele 1,Allele 2,Allele 3\nA,D3S1358,15,16,\nA,TPOX,8,10,11\n")
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(400)
                .body("violations.field", contains("loci.TPOX")).body("detail", not(containsString("11")));
        given().header("Authorization", EXAMINER).contentType("text/csv; charset=UTF-8")
                .body("Sample Name,Marker,Allele 1,Allele 2\nA,D3S1358,15,16\nB,vWA,17,18\n")
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(400).body("violations.field", hasItem("table"));
        given().header("Authorization", EXAMINER).contentType("text/csv; charset=UTF-8")
                .body(new byte[]{'S', 'a', (byte) 0xC3, '\n'})
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(400);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(404);
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId).then().body("status", equalTo("RECEIVED"));
        given().header("Authorization", OTHER_LAB).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-1", "loci", Map.of("D3S1358", List.of("15", "16"))))
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(404);
        // Markers the table lacks (D6S1043), Y markers and Amelogenin are typed by the kit: set aside and listed.
        given().header("Authorization", EXAMINER).contentType("text/csv; charset=UTF-8")
                .body("Sample Name,Marker,Allele 1,Allele 2\nA,THO1,6,9.3\nA,D6S1043,11,19\nA,DYS391,10,\n"
                        + "A,Yindel,2,\nA,AMEL,X,Y\n")
                .put("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200)
                .body("lociTyped", equalTo(1)).body("setAside", contains("D6S1043", "DYS391", "Yindel", "AMEL"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/dna-profile").then().statusCode(200)
                .body("loci.keySet()", contains("TH01"));

        // A donor's profile must come from a sample given with consent.
        String person = person("Євген");
        String donor = donor(person, "PARENT");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "SOMETHING-ELSE", "loci", Map.of("D3S1358", List.of("15", "16"))))
                .put("/api/v1/donors/" + donor + "/dna-profile").then().statusCode(422)
                .body("violations.field", hasItem("sampleId"));
        donor(person, "PARENT");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(donorRequest(person, "PARENT"))
                .post("/api/v1/donors").then().statusCode(422).body("detail", containsString("PARENT"));

        // A pedigree with a loop is refused with 422; a question must be one question.
        Map<String, Object> looped = new LinkedHashMap<>();
        looped.put("candidate", Map.of("loci", Map.of("vWA", List.of("16", "17"))));
        looped.put("pedigree", Map.of("missing", "child", "typed", Map.of("f", Map.of("loci", Map.of("vWA", List.of("16")))),
                "members", List.of(Map.of("id", "f"), Map.of("id", "m"), Map.of("id", "son", "father", "f", "mother", "m"),
                        Map.of("id", "daughter", "father", "f", "mother", "m"),
                        Map.of("id", "child", "father", "son", "mother", "daughter"))));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(looped)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(422).body("detail", containsString("loop"));
        looped.put("relationship", "PARENT");
        looped.put("reference", Map.of("loci", Map.of("vWA", List.of("16"))));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(looped)
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(422).body("violations.field", hasItem("relationship"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("loci", Map.of("vWA", List.of("16"))), "relationship", "COUSIN_TWICE_REMOVED",
                        "reference", Map.of("loci", Map.of("vWA", List.of("16")))))
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(422);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("candidate", Map.of("loci", Map.of("vWA", List.of("16"))), "relationship", "PARENT",
                        "reference", Map.of("loci", Map.of("vWA", List.of("16"))), "theta", 0.7))
                .post("/api/v1/kinship/likelihood-ratio").then().statusCode(400);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static JsonPath awaitCandidates(String caseId, String expectedPerson) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates").then().statusCode(200)
                .body("[0].personId", equalTo(expectedPerson)).body("[0].rank", equalTo(1)));
        return given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/kinship-candidates").then()
                .extract().jsonPath().using(EXACT);
    }

    private static String labTable(String sample, StrProfile profile) {
        StringBuilder table = new StringBuilder("Sample Name\tMarker\tAllele 1\tAllele 2\n");
        profile.loci().forEach((locus, g) -> table.append(sample).append('\t').append(locus).append('\t')
                .append(g.first()).append('\t').append(g.homozygous() ? "" : g.second()).append('\n'));
        return table.toString();
    }

}

package org.homeward.identification.kinship;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.kinship.application.HaplotypeDatabaseCsv;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.KinshipCalculator;
import org.homeward.identification.kinship.engine.KinshipModel;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.Loci;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MaternalLineComparison;
import org.homeward.identification.kinship.lineage.MtDatabase;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLineComparison;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YMutationRates;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.homeward.identification.kinship.KinshipRequests.EXAMINER;
import static org.homeward.identification.kinship.KinshipRequests.donor;
import static org.homeward.identification.kinship.KinshipRequests.donorWithProfile;
import static org.homeward.identification.kinship.KinshipRequests.person;
import static org.homeward.identification.kinship.KinshipRequests.propose;
import static org.homeward.identification.kinship.KinshipRequests.recordCaseProfile;

/**
 * Y-STR haplotypes and mtDNA sequences through the API and the background matching, on real PostgreSQL, with the
 * synthetic databases the test profile loads: the father's Y and the mother's mitochondria multiply into the
 * candidate's ratio with the very numbers the models give, a parent of another line sends the family to review
 * instead of silently matching, bad values and places off the line are refused, reads are audited, and a withdrawn
 * consent erases the typing.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class LineageMatchingTest {

    private static final String RU_LAB = TestTokens.bearerOf("examiner-ru", "lab-ru-rostov", "RU", "forensic-examiner");
    private static final String SECOND_EXAMINER = TestTokens.bearerNamed("examiner-melnyk", "Микола Мельник",
            "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String DATABASE = "src/test/resources/kinship/synthetic-y-haplotypes.csv";
    private static final String SEQUENCES = "src/test/resources/kinship/synthetic-mtdna.csv";
    private static final String READ = "16024-16365 73-340";
    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final List<String> LOCI = new ArrayList<>(Loci.CODIS_CORE);

    private static AlleleFrequencies europe;
    private static HaplotypeDatabase haplotypes;
    private static MtDatabase sequences;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void populations() throws Exception {
        LOCI.addAll(List.of("Penta D", "Penta E", "SE33"));
        try (var in = LineageMatchingTest.class.getResourceAsStream("/kinship/europe-norstr-2023.csv")) {
            europe = AlleleFrequencies.parseCsv("europe", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (Reader csv = Files.newBufferedReader(Path.of(DATABASE))) {
            haplotypes = HaplotypeDatabaseCsv.read("synthetic-y-haplotypes.csv", csv);
        }
        try (Reader csv = Files.newBufferedReader(Path.of(SEQUENCES))) {
            sequences = HaplotypeDatabaseCsv.readMtDna("synthetic-mtdna.csv", csv);
        }
    }

    @Test
    void theFathersYMultipliesIntoTheRatioAndAFatherOfAnotherLineSendsTheFamilyToReview() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261207L, LOCI);
        StrProfile fatherA = simulate.founder();
        StrProfile bodyA = simulate.child(fatherA, simulate.founder());
        StrProfile fatherB = simulate.founder();
        StrProfile bodyB = simulate.child(fatherB, simulate.founder());
        String personA = person("Тарас");
        String personB = person("Степан");
        String fatherOfA = donorWithProfile(personA, "PARENT", fatherA);
        String fatherOfB = donorWithProfile(personB, "PARENT", fatherB);
        List<String> cases = OpenedCases.of(RemainsHandover.ruToUa(2), 2);
        String caseA = cases.get(0);
        String caseB = cases.get(1);
        recordCaseProfile(caseA, bodyA);
        recordCaseProfile(caseB, bodyB);

        // A's line: father and son share the haplotype (DYS385 written in either order is one call).
        Map<String, String> lineA = haplotype("15", "11-14");
        recordCaseHaplotype(caseA, lineA);
        Map<String, String> fathersCall = new LinkedHashMap<>(lineA);
        fathersCall.put("DYS385", "14-11");
        recordDonorHaplotype(fatherOfA, personA, "FATHER", fathersCall).statusCode(200)
                .body("markers", equalTo(13)).body("linePlace", equalTo("FATHER"));
        // B's father differs by two repeats at DYS19: two steps cannot arise in the one meiosis between them.
        recordCaseHaplotype(caseB, haplotype("14", "12-13"));
        recordDonorHaplotype(fatherOfB, personB, "FATHER", haplotype("16", "12-13")).statusCode(200);

        JsonPath a = awaitLineage(caseA, personA, "Y_STR");
        YHaplotype bodyY = YHaplotype.of(lineA);
        PaternalLineComparison.Result expected = PaternalLineComparison.compare(bodyY, YHaplotype.of(fathersCall),
                PaternalLine.FATHER, YMutationRates.uniform(YMutationRates.DEFAULT_RATE),
                haplotypes.frequencyOf(bodyY, 0.95));
        assertThat(a.getString("[0].lineage[0].method")).isEqualTo("Y_STR");
        assertThat(a.getString("[0].lineage[0].donorId")).isEqualTo(fatherOfA);
        assertThat(a.getInt("[0].lineage[0].meioses")).isEqualTo(1);
        assertThat(a.getInt("[0].lineage[0].compared")).isEqualTo(13);
        assertThat(a.getInt("[0].lineage[0].mismatches")).isZero();
        assertThat(a.getBoolean("[0].lineage[0].excludes")).isFalse();
        assertThat(a.getString("[0].lineage[0].database")).isEqualTo("synthetic-y-haplotypes.csv");
        assertThat(a.getString("[0].lineage[0].databaseSha256")).hasSize(64);
        assertThat(a.getDouble("[0].lineage[0].databaseSize")).isEqualTo(400);
        assertThat(a.getDouble("[0].lineage[0].frequencyUpperBound")).isCloseTo(expected.frequency().upperBound(), within(1e-15));
        double lineageLr = a.getDouble("[0].lineage[0].lr");
        assertThat(lineageLr).isCloseTo(expected.likelihoodRatio(), within(expected.likelihoodRatio() * 1e-12));
        assertThat(lineageLr).isGreaterThan(1);
        double autosomal = a.getDouble("[0].autosomalLr");
        assertThat(a.getDouble("[0].lr")).isCloseTo(autosomal * lineageLr, within(autosomal * lineageLr * 1e-12));
        assertThat(a.getMap("[0].perLocus").keySet()).isNotEmpty().doesNotContain("DYS19");

        JsonPath b = awaitLineage(caseB, personB, "Y_STR");
        assertThat(b.getBoolean("[0].lineage[0].excludes")).isTrue();
        assertThat(b.getInt("[0].lineage[0].steps")).isEqualTo(2);
        assertThat(b.getDouble("[0].lineage[0].lr")).isZero();
        assertThat(b.getDouble("[0].lr")).isEqualTo(b.getDouble("[0].autosomalLr"));
        assertThat(b.getBoolean("[0].undisputed")).isFalse();
        assertThat(b.getList("[0].disputedBecause", String.class)).anyMatch(clause -> clause.contains("Y-STR"));

        // Read back as recorded (copies sorted), and audited.
        given().header("Authorization", EXAMINER).get("/api/v1/donors/" + fatherOfA + "/y-str-haplotype").then()
                .statusCode(200).body("loci.DYS385", equalTo("11-14")).body("loci.DYS19", equalTo("15"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseA + "/y-str-haplotype").then()
                .statusCode(200).body("paternalLine", nullValue()).body("recordedAt", notNullValue());
        assertThat(count("select count(*) from audit_log where action = 'lineage-profile.donor.read'"
                + " and resource_id = '" + fatherOfA + "'")).isEqualTo(1);
        // Sealed at rest: the stored calls are not the calls.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select markers::text from lineage_profile where subject_id = '"
                     + fatherOfA + "'")) {
            row.next();
            assertThat(row.getString(1)).contains("DYS385").doesNotContain("11-14").doesNotContain("\"15\"");
        }

        // A withdrawn consent erases the father's haplotype and the candidate resting on it.
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("reason", "The family withdrew consent")).post("/api/v1/donors/" + fatherOfA
                        + "/consent-withdrawal").then().statusCode(200);
        given().header("Authorization", SECOND_EXAMINER).post("/api/v1/donors/" + fatherOfA
                + "/consent-withdrawal/confirmation").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(count("select count(*) from lineage_profile where subject_id = '" + fatherOfA + "'")).isZero();
        given().header("Authorization", EXAMINER).get("/api/v1/donors/" + fatherOfA + "/y-str-haplotype").then()
                .statusCode(404);
        assertThat(count("select count(*) from kinship_candidate where donor_ids::text like '%" + fatherOfA + "%'")).isZero();
    }

    @Test
    void badCallsAndPlacesOffThePaternalLineAreRefusedAndNothingIsStored() throws Exception {
        String person = person("Остап");
        String brother = donor(person, "FULL_SIBLING");
        String razor = donor(person, "PERSONAL_EFFECTS");
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);

        Map<String, String> bad = haplotype("fourteen", "11-14");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-Y-1", "loci", bad)).put("/api/v1/cases/" + caseId + "/y-str-haplotype")
                .then().statusCode(400).body("violations.field", hasItem("loci.DYS19"))
                .body("violations.message", hasItem(containsString("repeat count")));
        Map<String, String> twice = new LinkedHashMap<>(haplotype("14", "11-14"));
        twice.put("dys19", "14");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-Y-1", "loci", twice)).put("/api/v1/cases/" + caseId + "/y-str-haplotype")
                .then().statusCode(400);
        recordDonorHaplotype(brother, person, "FATHER", haplotype("14", "11-14")).statusCode(422)
                .body("violations.field", hasItem("paternalLine")).body("detail", containsString("BROTHER"));
        recordDonorHaplotype(razor, person, "BROTHER", haplotype("14", "11-14")).statusCode(422)
                .body("violations.field", hasItem("paternalLine"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "REF-" + person.substring(0, 8), "loci", haplotype("14", "11-14")))
                .put("/api/v1/donors/" + brother + "/y-str-haplotype").then().statusCode(400)
                .body("violations.field", hasItem(containsString("paternalLine")));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "NOT-HIS", "paternalLine", "BROTHER", "loci", haplotype("14", "11-14")))
                .put("/api/v1/donors/" + brother + "/y-str-haplotype").then().statusCode(422)
                .body("violations.field", hasItem("sampleId"));
        assertThat(count("select count(*) from lineage_profile where subject_id in ('" + caseId + "', '" + brother
                + "', '" + razor + "')")).isZero();
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/y-str-haplotype").then().statusCode(404);

        // After a change the matching cannot see (a database, a policy), an operator queues the open cases again.
        String operator = TestTokens.bearer("ops-lineage", null, "operator");
        given().header("Authorization", operator).queryParam("party", "ua").post("/api/v1/ops/kinship-jobs/rematch")
                .then().statusCode(400);
        recordCaseProfile(caseId, new ProfileSimulator(europe, 7L, LOCI).founder());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from kinship_job where case_id = '"
                + caseId + "'") == 0);
        int queued = given().header("Authorization", operator).queryParam("party", "UA")
                .post("/api/v1/ops/kinship-jobs/rematch").then().statusCode(200).extract().path("cases");
        assertThat(queued).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from kinship_job where case_id = '"
                + caseId + "'") == 0);
        // Every party's open cases, audited (the count depends on what other tests left queued).
        int everywhere = given().header("Authorization", operator).post("/api/v1/ops/kinship-jobs/rematch").then()
                .statusCode(200).extract().path("cases");
        assertThat(count("select count(*) from audit_log where action = 'kinship.jobs.rematch' and resource_id = 'all:"
                + everywhere + "'")).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from kinship_job where case_id = '"
                + caseId + "'") == 0);

        // The brother as what he is: accepted.
        recordDonorHaplotype(brother, person, "BROTHER", haplotype("14", "11-14")).statusCode(200)
                .body("method", equalTo("Y_STR"));
    }

    @Test
    void everyReferenceOfTheLineIsWeighedAndAStatedBrotherIsLentTheFamilysReferences() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261209L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile body = simulate.child(father, simulate.founder());
        String elder = person("Олексій");
        String younger = person("Максим");
        given().header("Authorization", KinshipRequests.COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("personId", younger)).post("/api/v1/missing-persons/" + elder + "/full-siblings").then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String fathersDonor = donorWithProfile(elder, "PARENT", father);
        String brothersDonor = donor(elder, "FULL_SIBLING");
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, body);
        Map<String, String> line = haplotype("13", "12-15");
        recordCaseHaplotype(caseId, line);
        recordDonorHaplotype(fathersDonor, elder, "FATHER", line).statusCode(200);
        // The elder's file also holds a brother whose Y is three repeats off at DYS19: two meioses cannot do that.
        recordDonorHaplotype(brothersDonor, elder, "BROTHER", haplotype("16", "12-15")).statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates").then().statusCode(200)
                .body("personId", containsInAnyOrder(elder, younger))
                .body("find { it.personId == '" + elder + "' }.lineage", hasSize(2))
                .body("find { it.personId == '" + younger + "' }.lineage", hasSize(2)));
        JsonPath candidates = given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId
                + "/kinship-candidates").then().extract().jsonPath().using(EXACT);
        String ofElder = "find { it.personId == '" + elder + "' }";
        String ofYounger = "find { it.personId == '" + younger + "' }";
        // Both files weigh both references, the younger's lent by the elder's (typed on STRs or not): the father in the
        // ratio; the brother's excluding haplotype shown, not in the ratio, and sending both files to review.
        for (String of : List.of(ofElder, ofYounger)) {
            assertThat(candidates.getString(of + ".lineage.find { it.inRatio }.donorId")).isEqualTo(fathersDonor);
            assertThat(candidates.getBoolean(of + ".lineage.find { it.donorId == '" + brothersDonor + "' }.excludes"))
                    .isTrue();
            assertThat(candidates.getBoolean(of + ".lineage.find { it.donorId == '" + brothersDonor + "' }.inRatio"))
                    .isFalse();
            assertThat(candidates.getList(of + ".disputedBecause", String.class)).anyMatch(c -> c.contains("lineage"));
        }
        assertThat(candidates.getDouble(ofElder + ".lr")).isCloseTo(candidates.getDouble(ofYounger + ".lr"),
                within(candidates.getDouble(ofYounger + ".lr") * 1e-9));
        assertThat(candidates.getBoolean(ofYounger + ".undisputed")).isFalse(); // his brother shares the ratio
    }

    @Test
    void aPaternalUncleUnderTheThresholdIsFoundWhenTheYRaisesHimAboveIt() throws Exception {
        // The first seeded family whose uncle alone stays under LR 1,000 but, with a matching Y, reaches it.
        Map<String, String> line = haplotype("17", "13-16");
        YHaplotype y = YHaplotype.of(line);
        double yLr = PaternalLineComparison.compare(y, y, PaternalLine.PATERNAL_UNCLE,
                YMutationRates.uniform(YMutationRates.DEFAULT_RATE), haplotypes.frequencyOf(y, 0.95)).likelihoodRatio();
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(europe, 0,
                MutationModel.of(MutationModel.Kind.PROPORTIONAL, MutationModel.DEFAULT_RATE)));
        StrProfile uncle = null;
        StrProfile body = null;
        for (long seed = 1; seed < 500 && body == null; seed++) {
            ProfileSimulator simulate = new ProfileSimulator(europe, seed, LOCI);
            StrProfile grandfather = simulate.founder();
            StrProfile grandmother = simulate.founder();
            StrProfile candidateUncle = simulate.child(grandfather, grandmother);
            StrProfile candidateBody = simulate.child(simulate.child(grandfather, grandmother), simulate.founder());
            double autosomal = calculator.pairwise(candidateBody, candidateUncle, Relation.UNCLE_OR_AUNT).total();
            if (autosomal < 1000 && autosomal * yLr >= 1000 * 1.01) {
                uncle = candidateUncle;
                body = candidateBody;
            }
        }
        assertThat(body).as("a seeded family of the kind this test needs").isNotNull();
        String person = person("Гліб");
        String unclesDonor = donorWithProfile(person, "UNCLE_OR_AUNT", uncle);
        String caseId = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseId, body);
        recordCaseHaplotype(caseId, line);
        recordDonorHaplotype(unclesDonor, person, "PATERNAL_UNCLE", line).statusCode(200);

        JsonPath found = awaitLineage(caseId, person, "Y_STR");
        assertThat(found.getDouble("[0].autosomalLr")).isLessThan(1000);
        assertThat(found.getDouble("[0].lr")).isGreaterThanOrEqualTo(1000);
        assertThat(found.getInt("[0].lineage[0].meioses")).isEqualTo(3);
        assertThat(found.getDouble("[0].lineage[0].lr")).isCloseTo(yLr, within(yLr * 1e-9));
    }

    @Test
    void theMothersMitochondriaJoinTheRatioAndTwoDifferencesExcludeHerLine() throws Exception {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261208L, LOCI);
        StrProfile motherC = simulate.founder();
        StrProfile bodyC = simulate.child(simulate.founder(), motherC);
        StrProfile motherD = simulate.founder();
        StrProfile bodyD = simulate.child(simulate.founder(), motherD);
        String personC = person("Ярослав");
        String personD = person("Назар");
        String motherOfC = donorWithProfile(personC, "PARENT", motherC);
        String motherOfD = donorWithProfile(personD, "PARENT", motherD);
        List<String> cases = OpenedCases.of(RemainsHandover.ruToUa(2), 2);
        recordCaseProfile(cases.get(0), bodyC);
        recordCaseProfile(cases.get(1), bodyD);

        // C: the body shows a point heteroplasmy at 16093 his mother does not, and a longer HV2 C-stretch.
        List<String> bodyOfC = List.of("16093Y", "16129C", "16362C", "263A", "295A", "315.1C");
        recordSequence("/api/v1/cases/" + cases.get(0), Map.of("sampleId", "PM-MT-C", "range", READ, "variants", bodyOfC));
        List<String> mothersOfC = List.of("16129C", "16362C", "263A", "295A", "309.1C", "315.1C");
        recordSequence("/api/v1/donors/" + motherOfC, Map.of("sampleId", "REF-" + personC.substring(0, 8),
                "maternalLine", "MOTHER", "range", READ, "variants", mothersOfC));
        // D: his mother's sequence differs at two positions: her line is not his.
        recordSequence("/api/v1/cases/" + cases.get(1), Map.of("sampleId", "PM-MT-D", "range", READ,
                "variants", List.of("16129C", "263A")));
        recordSequence("/api/v1/donors/" + motherOfD, Map.of("sampleId", "REF-" + personD.substring(0, 8),
                "maternalLine", "MOTHER", "range", READ, "variants", List.of("16129C", "16311C", "152C", "263A")));

        JsonPath c = awaitLineage(cases.get(0), personC, "MT_DNA");
        MaternalLineComparison.Result expected = MaternalLineComparison.compare(
                MtHaplotype.parse(READ, String.join(" ", bodyOfC)), MtHaplotype.parse(READ, String.join(" ", mothersOfC)),
                MaternalLine.MOTHER, 0.01, sequences, 0.95);
        assertThat(c.getString("[0].lineage[0].donorId")).isEqualTo(motherOfC);
        assertThat(c.getString("[0].lineage[0].place")).isEqualTo("MOTHER");
        assertThat(c.getString("[0].lineage[0].comparedRange")).isEqualTo("16024-16365 73-340");
        assertThat(c.getInt("[0].lineage[0].compared")).isEqualTo(342 + 268);
        assertThat(c.getInt("[0].lineage[0].mismatches")).isZero();
        assertThat(c.getInt("[0].lineage[0].sharedHeteroplasmies")).isEqualTo(1);
        assertThat(c.getInt("[0].lineage[0].ignoredLengthVariants")).isEqualTo(2);
        assertThat(c.getDouble("[0].lineage[0].databaseSize")).isEqualTo(expected.frequency().size());
        assertThat(c.getDouble("[0].lineage[0].lr")).isCloseTo(expected.likelihoodRatio(),
                within(expected.likelihoodRatio() * 1e-12));
        assertThat(c.getDouble("[0].lr")).isCloseTo(c.getDouble("[0].autosomalLr") * expected.likelihoodRatio(),
                within(c.getDouble("[0].lr") * 1e-12));

        JsonPath d = awaitLineage(cases.get(1), personD, "MT_DNA");
        assertThat(d.getInt("[0].lineage[0].mismatches")).isEqualTo(2);
        assertThat(d.getBoolean("[0].lineage[0].excludes")).isTrue();
        assertThat(d.getDouble("[0].lr")).isEqualTo(d.getDouble("[0].autosomalLr"));
        assertThat(d.getList("[0].disputedBecause", String.class)).anyMatch(clause -> clause.contains("mtDNA"));

        // The report: the same numbers, with what they rest on and who decided, as JSON and as PDF.
        String candidateC = c.getString("[0].id");
        String proposal = propose(cases.get(0), candidateC);
        given().header("Authorization", SECOND_EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRM", "reason", "Kinship result reviewed"))
                .post("/api/v1/cases/" + cases.get(0) + "/proposals/" + proposal + "/decision").then().statusCode(200);
        JsonPath report = given().header("Authorization", EXAMINER).accept(ContentType.JSON)
                .get("/api/v1/cases/" + cases.get(0) + "/kinship-candidates/" + candidateC + "/report").then()
                .statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(report.getDouble("lr")).isEqualTo(c.getDouble("[0].lr"));
        assertThat(report.getString("hypotheses.h1")).contains(personC);
        assertThat(report.getList("pedigree.role")).containsExactly("REMAINS", "MISSING_PERSON", "REFERENCE");
        assertThat(report.getList("pedigree[2].typedBy", String.class)).containsExactly("STR (" + LOCI.size()
                + " loci)", "MT_DNA");
        assertThat(report.getString("pedigree[2].relationship")).isEqualTo("PARENT");
        String locus = report.getString("loci[0].locus");
        assertThat(report.getList("loci[0].remains", String.class)).containsExactly(bodyC.at(locus).first(),
                bodyC.at(locus).second());
        assertThat(report.getString("loci[0].references[0].donorId")).isEqualTo(motherOfC);
        assertThat(report.getList("loci[0].references[0].alleles", String.class))
                .containsExactly(motherC.at(locus).first(), motherC.at(locus).second());
        assertThat(report.getList("loci[0].frequencies.allele", String.class)).contains(bodyC.at(locus).first());
        assertThat(report.getList("stale")).isEmpty();
        assertThat(report.getString("referenceChecks[0].donorId")).isEqualTo(motherOfC);
        assertThat(report.getDouble("loci[0].lr")).isEqualTo(c.getDouble("[0].perLocus.'" + locus + "'"));
        assertThat(report.getString("model.dropOut")).startsWith("None: every profile was read exactly");
        assertThat(report.getString("lineage[0].method")).isEqualTo("MT_DNA");
        assertThat(report.getString("proposals[0].proposedBy")).isEqualTo("examiner-hnatiuk");
        assertThat(report.getString("proposals[0].decidedBy")).isEqualTo("examiner-melnyk");
        assertThat(report.getString("proposals[0].proposedByName")).isEqualTo("Олена Гнатюк");
        assertThat(report.getString("proposals[0].decidedByName")).isEqualTo("Микола Мельник");
        assertThat(report.getString("proposals[0].status")).isEqualTo("CONFIRMED");
        byte[] pdf = given().header("Authorization", EXAMINER).accept("application/pdf")
                .get("/api/v1/cases/" + cases.get(0) + "/kinship-candidates/" + candidateC + "/report").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(candidateC).contains("MT_DNA").contains("examiner-melnyk")
                    .contains("decided by Микола Мельник (examiner-melnyk)").contains("Олена Гнатюк")
                    .contains(locus + ": remains").doesNotContain("Ярослав");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Homeward kinship report");
        }
        given().header("Authorization", RU_LAB).get("/api/v1/cases/" + cases.get(0) + "/kinship-candidates/"
                + candidateC + "/report").then().statusCode(404);
        assertThat(count("select count(*) from audit_log where action like 'kinship.report.read.%' and resource_id = '"
                + candidateC + "'")).isEqualTo(2);
        // The genotypes it disclosed are audited on the donor, as a read of his profile is.
        assertThat(count("select count(*) from audit_log where action = 'kinship.report.genotypes' and resource_id = '"
                + motherOfC + "'")).isEqualTo(2);
        // Accept in its order of preference: PDF first, JSON at a lower weight, is a PDF.
        given().header("Authorization", EXAMINER).header("Accept", "application/pdf, application/json;q=0.1")
                .get("/api/v1/cases/" + cases.get(0) + "/kinship-candidates/" + candidateC + "/report").then()
                .statusCode(200).contentType("application/pdf").header("Vary", containsString("Accept"));

        given().header("Authorization", EXAMINER).get("/api/v1/donors/" + motherOfC + "/mtdna-sequence").then()
                .statusCode(200).body("range", equalTo("16024-16365 73-340")).body("maternalLine", equalTo("MOTHER"))
                .body("variants", equalTo(List.of("16129C", "16362C", "263A", "295A", "309.1C", "315.1C")));

        // Refused, nothing stored: a bad variant (named by index), a variant outside the range, a child of a man.
        String caseId = cases.get(1);
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-MT-X", "range", READ, "variants", List.of("263A", "16093X")))
                .put("/api/v1/cases/" + caseId + "/mtdna-sequence").then().statusCode(400)
                .body("violations.field", hasItem("variants[1]"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-MT-X", "range", READ, "variants", List.of("16519C")))
                .put("/api/v1/cases/" + caseId + "/mtdna-sequence").then().statusCode(400)
                .body("violations.field", hasItem("variants"));
        String child = donor(personD, "CHILD");
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "REF-" + personD.substring(0, 8), "maternalLine", "CHILD_OF_A_MISSING_WOMAN",
                        "range", READ, "variants", List.of("263A")))
                .put("/api/v1/donors/" + child + "/mtdna-sequence").then().statusCode(422)
                .body("violations.field", hasItem("maternalLine"));
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "REF-" + personD.substring(0, 8), "maternalLine", "SIBLING",
                        "range", READ, "variants", List.of("263A")))
                .put("/api/v1/donors/" + motherOfD + "/mtdna-sequence").then().statusCode(422)
                .body("detail", containsString("MOTHER"));
        given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/mtdna-sequence").then()
                .statusCode(200).body("variants", equalTo(List.of("16129C", "263A")));

        // Read beyond what the database's sequences were read over: compared and shown, but not weighed.
        StrProfile motherE = simulate.founder();
        String personE = person("Панас");
        String motherOfE = donorWithProfile(personE, "PARENT", motherE);
        String caseE = OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0);
        recordCaseProfile(caseE, simulate.child(simulate.founder(), motherE));
        recordSequence("/api/v1/cases/" + caseE, Map.of("sampleId", "PM-MT-E", "range", "16024-576",
                "variants", List.of("16129C", "263A")));
        recordSequence("/api/v1/donors/" + motherOfE, Map.of("sampleId", "REF-" + personE.substring(0, 8),
                "maternalLine", "MOTHER", "range", "16024-576", "variants", List.of("16129C", "263A")));
        JsonPath e = awaitLineage(caseE, personE, "MT_DNA");
        assertThat(e.getBoolean("[0].lineage[0].weighed")).isFalse();
        assertThat(e.getBoolean("[0].lineage[0].inRatio")).isFalse();
        assertThat(e.getDouble("[0].lineage[0].lr")).isEqualTo(1.0);
        assertThat(e.getInt("[0].lineage[0].mismatches")).isZero();
        assertThat(e.getDouble("[0].lr")).isEqualTo(e.getDouble("[0].autosomalLr"));
        assertThat(count("select count(*) from lineage_profile where subject_id = '" + child + "'")).isZero();
    }

    private static void recordSequence(String subject, Map<String, Object> body) {
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON).body(body)
                .put(subject + "/mtdna-sequence").then().statusCode(200).body("method", equalTo("MT_DNA"));
    }

    @Test
    void aFatherWhoIsNoKinToTheBrotherIsFlaggedWithTheRatiosAndThePlanSaysWhomToSampleNext() {
        ProfileSimulator simulate = new ProfileSimulator(europe, 20261211L, LOCI);
        StrProfile father = simulate.founder();
        StrProfile mother = simulate.founder();
        String person = person("Тимофій");
        String stranger = donorWithProfile(person, "PARENT", simulate.founder());
        String brother = donorWithProfile(person, "FULL_SIBLING", simulate.child(father, mother));
        JsonPath fit = given().header("Authorization", EXAMINER).get("/api/v1/missing-persons/" + person
                + "/reference-fit").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(fit.getString("[0].donorA")).isEqualTo(stranger);
        assertThat(fit.getString("[0].donorB")).isEqualTo(brother);
        assertThat(fit.getString("[0].stated")).isEqualTo("PARENT_CHILD");
        assertThat(fit.getBoolean("[0].flagged")).isTrue();
        assertThat(fit.getDouble("[0].bestLr")).isGreaterThanOrEqualTo(1000 * fit.getDouble("[0].statedLr"));
        given().header("Authorization", RU_LAB).get("/api/v1/missing-persons/" + person + "/reference-fit").then()
                .statusCode(404);

        // Planning: each reference's powers, and what to sample next (the other parent, beside the one typed, first).
        JsonPath plan = given().header("Authorization", EXAMINER).get("/api/v1/missing-persons/" + person
                + "/reference-planning").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(plan.getList("references.subject")).containsExactly(stranger, brother);
        assertThat(plan.getDouble("references[0].exclusionPower")).isGreaterThan(0.99); // a parent excludes
        assertThat(plan.getDouble("references[1].exclusionPower")).isZero(); // a brother never does
        assertThat(plan.getString("toSample[0].relationship")).isEqualTo("OTHER_PARENT");
        assertThat(plan.getInt("simulations")).isEqualTo(500);
        JsonPath again = given().header("Authorization", EXAMINER).get("/api/v1/missing-persons/" + person
                + "/reference-planning").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(again.getList("toSample.inclusionPower")).isEqualTo(plan.getList("toSample.inclusionPower"));
        given().header("Authorization", RU_LAB).get("/api/v1/missing-persons/" + person + "/reference-planning").then()
                .statusCode(404);
    }

    /** A haplotype on the database's loci, with the given DYS19 and DYS385 calls. */
    private static Map<String, String> haplotype(String dys19, String dys385) {
        Map<String, String> loci = new LinkedHashMap<>();
        loci.put("DYS19", dys19);
        loci.put("DYS389I", "13");
        loci.put("DYS389II", "29");
        loci.put("DYS390", "24");
        loci.put("DYS391", "10");
        loci.put("DYS392", "11");
        loci.put("DYS393", "13");
        loci.put("DYS437", "15");
        loci.put("DYS438", "12");
        loci.put("DYS439", "11");
        loci.put("DYS448", "19");
        loci.put("DYS456", "15");
        loci.put("DYS385", dys385);
        return loci;
    }

    private static void recordCaseHaplotype(String caseId, Map<String, String> loci) {
        given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "PM-Y-" + caseId.substring(0, 8), "loci", loci))
                .put("/api/v1/cases/" + caseId + "/y-str-haplotype").then().statusCode(200)
                .body("subjectKind", equalTo("CASE"));
    }

    private static io.restassured.response.ValidatableResponse recordDonorHaplotype(String donor, String person,
                                                                                    String place, Map<String, String> loci) {
        return given().header("Authorization", EXAMINER).contentType(ContentType.JSON)
                .body(Map.of("sampleId", "REF-" + person.substring(0, 8), "paternalLine", place, "loci", loci))
                .put("/api/v1/donors/" + donor + "/y-str-haplotype").then();
    }

    private static JsonPath awaitLineage(String caseId, String person, String method) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates").then().statusCode(200)
                .body("[0].personId", equalTo(person)).body("[0].lineage.method", equalTo(List.of(method))));
        return given().header("Authorization", EXAMINER).get("/api/v1/cases/" + caseId + "/kinship-candidates").then()
                .extract().jsonPath().using(EXACT);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

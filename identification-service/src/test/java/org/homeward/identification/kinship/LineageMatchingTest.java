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
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.kinship.application.HaplotypeDatabaseCsv;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.Loci;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.homeward.identification.kinship.KinshipRequests.EXAMINER;
import static org.homeward.identification.kinship.KinshipRequests.donor;
import static org.homeward.identification.kinship.KinshipRequests.donorWithProfile;
import static org.homeward.identification.kinship.KinshipRequests.person;
import static org.homeward.identification.kinship.KinshipRequests.recordCaseProfile;

/**
 * Y-STR haplotypes through the API and the background matching, on real PostgreSQL, with the synthetic haplotype
 * database the test profile loads: the father's Y multiplies into the candidate's ratio with the very numbers the
 * model gives, a father of another line sends the family to review instead of silently matching, bad calls and a
 * place off the paternal line are refused, reads are audited, and a withdrawn consent erases the haplotype.
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class LineageMatchingTest {

    private static final String SECOND_EXAMINER = TestTokens.bearerOf("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner");
    private static final String DATABASE = "src/test/resources/kinship/synthetic-y-haplotypes.csv";
    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final List<String> LOCI = new ArrayList<>(Loci.CODIS_CORE);

    private static AlleleFrequencies europe;
    private static HaplotypeDatabase haplotypes;

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
                .body("lociTyped", equalTo(13)).body("paternalLine", equalTo("FATHER"));
        // B's father differs by two repeats at DYS19: two steps cannot arise in the one meiosis between them.
        recordCaseHaplotype(caseB, haplotype("14", "12-13"));
        recordDonorHaplotype(fatherOfB, personB, "FATHER", haplotype("16", "12-13")).statusCode(200);

        JsonPath a = awaitLineage(caseA, personA);
        YHaplotype bodyY = YHaplotype.of(lineA);
        PaternalLineComparison.Result expected = PaternalLineComparison.compare(bodyY, YHaplotype.of(fathersCall),
                PaternalLine.FATHER, YMutationRates.uniform(YMutationRates.DEFAULT_RATE),
                haplotypes.frequencyOf(bodyY, 0.95));
        assertThat(a.getString("[0].lineage.method")).isEqualTo("Y_STR");
        assertThat(a.getString("[0].lineage.donorId")).isEqualTo(fatherOfA);
        assertThat(a.getInt("[0].lineage.meioses")).isEqualTo(1);
        assertThat(a.getInt("[0].lineage.lociCompared")).isEqualTo(13);
        assertThat(a.getInt("[0].lineage.mismatches")).isZero();
        assertThat(a.getBoolean("[0].lineage.excludes")).isFalse();
        assertThat(a.getString("[0].lineage.database")).isEqualTo("synthetic-y-haplotypes.csv");
        assertThat(a.getString("[0].lineage.databaseSha256")).hasSize(64);
        assertThat(a.getDouble("[0].lineage.databaseSize")).isEqualTo(400);
        assertThat(a.getDouble("[0].lineage.frequencyUpperBound")).isCloseTo(expected.frequency().upperBound(), within(1e-15));
        double lineageLr = a.getDouble("[0].lineage.lr");
        assertThat(lineageLr).isCloseTo(expected.likelihoodRatio(), within(expected.likelihoodRatio() * 1e-12));
        assertThat(lineageLr).isGreaterThan(1);
        double autosomal = a.getDouble("[0].autosomalLr");
        assertThat(a.getDouble("[0].lr")).isCloseTo(autosomal * lineageLr, within(autosomal * lineageLr * 1e-12));
        assertThat(a.getMap("[0].perLocus").keySet()).isNotEmpty().doesNotContain("DYS19");

        JsonPath b = awaitLineage(caseB, personB);
        assertThat(b.getBoolean("[0].lineage.excludes")).isTrue();
        assertThat(b.getInt("[0].lineage.steps")).isEqualTo(2);
        assertThat(b.getDouble("[0].lineage.lr")).isZero();
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

        // The brother as what he is: accepted.
        recordDonorHaplotype(brother, person, "BROTHER", haplotype("14", "11-14")).statusCode(200)
                .body("method", equalTo("Y_STR"));
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

    private static JsonPath awaitLineage(String caseId, String person) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", EXAMINER)
                .get("/api/v1/cases/" + caseId + "/kinship-candidates").then().statusCode(200)
                .body("[0].personId", equalTo(person)).body("[0].lineage.method", equalTo("Y_STR")));
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

package org.homeward.identification.kinship;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.identification.kinship.application.KinshipEngine;
import org.homeward.identification.kinship.application.ProfileKeyRotation;
import org.homeward.identification.kinship.engine.DnaSex;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.shared.Actor;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealed genotypes are bound to their row and move to a new profile key without downtime: the test profile
 * runs as just rotated (current key "test2", the old one retired as "test1").
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class ProfileKeyRotationTest {

    private static final StrProfile TYPED = new StrProfile(Map.of("D8S1179", new Genotype("13", "15"),
            "TH01", new Genotype("9.3", "9.3")));

    @Inject
    EntityManager entityManager;

    @Inject
    KinshipEngine engine;

    @Inject
    ProfileKeyRotation rotation;

    @ConfigProperty(name = "homeward.kinship.retired-profile-keys.test1")
    String retiredKey;

    @Test
    void valuesSealedWithTheRetiredKeyAreSealedAgainWithTheCurrentOneAndStillOpen() {
        FieldCipher retired = new FieldCipher(FieldKeys.single("test1", retiredKey, "retired"));
        UUID profile = persist(retired::seal);
        assertThat(sealedLoci(profile)).allMatch(value -> value.startsWith("v1:test1:"));

        rotation.resealAll();

        assertThat(sealedLoci(profile)).allMatch(value -> value.startsWith("v1:test2:"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.find(DnaProfile.class, profile)
                .open(engine::unseal))).isEqualTo(TYPED);
        assertThat(metric("homeward_kinship_sealed_values_not_current")).isZero();
    }

    @Test
    void aGenotypeCopiedToAnotherProfileDoesNotOpenThere() {
        UUID source = persist(engine::seal);
        UUID target = persist(engine::seal);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update dna_profile set loci = (select loci from dna_profile where id = ?1) where id = ?2")
                .setParameter(1, source).setParameter(2, target).executeUpdate());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> entityManager.find(DnaProfile.class, target)
                .open(engine::unseal))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("copied from another place");
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.find(DnaProfile.class, source)
                .open(engine::unseal))).isEqualTo(TYPED);
    }

    /** A profile of a case of its own (the database holds a profile to its case). */
    private UUID persist(java.util.function.BinaryOperator<String> seal) {
        UUID caseId = UUID.fromString(OpenedCases.of(RemainsHandover.ruToUa(1), 1).get(0));
        return QuarkusTransaction.requiringNew().call(() -> {
            DnaProfile profile = new DnaProfile(DnaProfile.SubjectKind.CASE, caseId, "UA", "S-rotation",
                    TYPED, DnaSex.NOT_TYPED, seal, new Actor("examiner", "lab-ua-kyiv"), Instant.now());
            entityManager.persist(profile);
            return profile.id();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> sealedLoci(UUID profile) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select l.value from dna_profile p, jsonb_each_text(p.loci) l where p.id = ?1")
                .setParameter(1, profile).getResultList());
    }

    private static double metric(String name) {
        Matcher gauge = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.Ee+-]+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }
}

package org.homeward.local.infra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Arrays;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (DESIGN.md 2), as ArchUnit rules each service's test applies to its own
 * classes: a plain domain, thin REST resources, and no copy of the platform's plumbing.
 */
public final class ServiceArchitecture {

    /** A domain may use the platform's rule types and its record linkage (plain Java both), nothing else of it. */
    private static final DescribedPredicate<JavaClass> PLATFORM_BEYOND_RULE_TYPES =
            resideInAPackage("org.homeward.platform..")
                    .and(DescribedPredicate.not(resideInAPackage("org.homeward.platform.domain..")))
                    .and(DescribedPredicate.not(resideInAPackage("org.homeward.platform.linkage..")))
                    .as("the platform beyond its rule types and record linkage");

    private final String servicePackage;
    private final JavaClasses classes;

    public ServiceArchitecture(String servicePackage) {
        this.servicePackage = servicePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** Domain packages use java.*, JPA annotations and the platform's rule types, nothing else of note. */
    public void domainIsPlain(String... domainPackages) {
        noClasses().that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "org.jboss..", "io.vertx..", "org.eclipse.microprofile..", "io.smallrye..",
                        "org.apache.kafka..", "io.quarkus..", "com.fasterxml.jackson..", "jakarta.enterprise..",
                        "jakarta.inject..", "jakarta.transaction..", "io.micrometer..",
                        servicePackage + "..api..", servicePackage + "..messaging..", servicePackage + "..application..",
                        servicePackage + "..readmodel..")
                .orShould().dependOnClassesThat(PLATFORM_BEYOND_RULE_TYPES)
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Resources delegate: no Kafka, no persistence in an api package (the service's, or a feature's). */
    public void restResourcesStayThin() {
        noClasses().that().resideInAPackage(servicePackage + "..api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive..",
                        "jakarta.persistence..", "org.hibernate..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Package by feature (DESIGN.md 9): no class of {@code feature} (a subpackage of the service, with its
     * own subpackages) uses a class of the features named.
     */
    public void featureDoesNotUse(String feature, String... others) {
        noClasses().that().resideInAPackage(featurePackage(feature))
                .should().dependOnClassesThat().resideInAnyPackage(
                        Arrays.stream(others).map(this::featurePackage).toArray(String[]::new))
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * {@code feature} reaches {@code other} only through the types named (and their nested types): the other
     * feature's published face, so that its tables and use cases can change without the first one noticing.
     */
    public void featureUsesOnlyThrough(String feature, String other, Class<?>... door) {
        noClasses().that().resideInAPackage(featurePackage(feature))
                .should().dependOnClassesThat(resideInAPackage(featurePackage(other))
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(door)))
                        .as("are classes of " + other + " other than " + Arrays.toString(door)))
                .allowEmptyShould(true)
                .check(classes);
    }

    /** {@code feature} uses nothing of the service outside itself (the platform and libraries only). */
    public void featureIsSelfContained(String feature) {
        noClasses().that().resideInAPackage(featurePackage(feature))
                .should().dependOnClassesThat(resideInAPackage(servicePackage + "..")
                        .and(DescribedPredicate.not(resideInAPackage(featurePackage(feature))))
                        .as("are the service's classes outside " + feature))
                .allowEmptyShould(true)
                .check(classes);
    }

    private String featurePackage(String feature) {
        return servicePackage + "." + feature + "..";
    }

    /** Plumbing lives once, in the platform library: no service class carries one of its names. */
    public void noPlumbingCopies() {
        noClasses().that().resideInAPackage(servicePackage + "..")
                .should().haveSimpleNameStartingWith("Outbox").orShould().haveSimpleNameStartingWith("Inbox")
                .orShould().haveSimpleNameStartingWith("Problem").orShould().haveSimpleNameStartingWith("Idempotent")
                .orShould().haveSimpleNameStartingWith("Audit").orShould().haveSimpleNameStartingWith("DeadLetter")
                .allowEmptyShould(true)
                .check(classes);
    }
}

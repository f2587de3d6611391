package org.homeward.local.infra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (DESIGN.md 2), as ArchUnit rules each service's test applies to its own
 * classes: a plain domain, thin REST resources, and no copy of the platform's plumbing.
 */
public final class ServiceArchitecture {

    private static final DescribedPredicate<JavaClass> PLATFORM_BEYOND_RULE_TYPES =
            resideInAPackage("org.homeward.platform..").and(DescribedPredicate.not(resideInAPackage("org.homeward.platform.domain..")))
                    .as("the platform beyond its rule types");

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
                        servicePackage + ".api..", servicePackage + ".messaging..", servicePackage + ".application..",
                        servicePackage + ".readmodel..")
                .orShould().dependOnClassesThat(PLATFORM_BEYOND_RULE_TYPES)
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Resources delegate: no Kafka, no persistence in the api package. */
    public void restResourcesStayThin() {
        noClasses().that().resideInAPackage(servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive..",
                        "jakarta.persistence..", "org.hibernate..")
                .allowEmptyShould(true)
                .check(classes);
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

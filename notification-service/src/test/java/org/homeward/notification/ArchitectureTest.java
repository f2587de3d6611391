package org.homeward.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the domain package free of REST, messaging and framework code (DESIGN.md 2). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.notification");

    @Test
    void domainDependsOnNoRestMessagingOrFramework() {
        noClasses().that().resideInAPackage("org.homeward.notification")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        "org.eclipse.microprofile.reactive..", "io.smallrye..", "org.apache.kafka..",
                        "io.quarkus..", "com.fasterxml.jackson..",
                        "org.homeward.notification.api..", "org.homeward.notification.web..")
                .check(CLASSES);
    }

    @Test
    void restResourcesStayThin() {
        noClasses().that().resideInAPackage("org.homeward.notification.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(CLASSES);
    }
}

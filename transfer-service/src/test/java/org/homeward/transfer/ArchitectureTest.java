package org.homeward.transfer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the domain packages (transfers, manifest rules) free of REST, messaging and framework code (DESIGN.md 2). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.transfer");

    @Test
    void domainDependsOnNoRestMessagingOrFramework() {
        noClasses().that().resideInAnyPackage("org.homeward.transfer", "org.homeward.transfer.manifest")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        "org.eclipse.microprofile.reactive..", "io.smallrye..", "org.apache.kafka..",
                        "io.quarkus..", "com.fasterxml.jackson..",
                        "org.homeward.transfer.api..", "org.homeward.transfer.messaging..",
                        "org.homeward.transfer.application..", "org.homeward.transfer.web..")
                .check(CLASSES);
    }

    @Test
    void manifestFormatsAreOnlyFormats() {
        noClasses().that().resideInAPackage("org.homeward.transfer.manifest.format..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..",
                        "org.hibernate..", "io.quarkus..", "org.homeward.transfer.application..",
                        "org.homeward.transfer.web..", "org.homeward.transfer.messaging..")
                .check(CLASSES);
    }

    @Test
    void restResourcesStayThin() {
        noClasses().that().resideInAPackage("org.homeward.transfer.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(CLASSES);
    }
}

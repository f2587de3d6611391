package org.homeward.transfer;

import org.homeward.local.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of DESIGN.md 2, with the rules every service shares (ServiceArchitecture). */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = new ServiceArchitecture("org.homeward.transfer");

    @Test
    void domainDependsOnNoRestMessagingFrameworkOrPlumbing() {
        SERVICE.domainIsPlain("org.homeward.transfer", "org.homeward.transfer.manifest",
                "org.homeward.transfer.prisoners", "org.homeward.transfer.exchange");
    }

    @Test
    void restResourcesStayThin() {
        SERVICE.restResourcesStayThin();
    }

    @Test
    void plumbingLivesInThePlatformLibraryOnly() {
        SERVICE.noPlumbingCopies();
    }

    @Test
    void manifestFormatsAreOnlyFormats() {
        noClasses().that().resideInAPackage("org.homeward.transfer.manifest.format..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..",
                        "org.hibernate..", "io.quarkus..", "org.homeward.transfer.application..",
                        "org.homeward.transfer.messaging..")
                .check(SERVICE.classes());
    }
}

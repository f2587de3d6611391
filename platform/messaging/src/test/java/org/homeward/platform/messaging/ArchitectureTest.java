package org.homeward.platform.messaging;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The messaging library knows no service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.platform.messaging");

    @Test
    void thePlatformDependsOnNoService() {
        noClasses().that().resideInAPackage("org.homeward.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.homeward.agreement..", "org.homeward.transfer..",
                        "org.homeward.identification..", "org.homeward.notification..")
                .check(CLASSES);
    }
}

package org.homeward.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The library knows no service, and its rule types stay plain Java that domain code may throw. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.platform");

    @Test
    void thePlatformDependsOnNoService() {
        noClasses().that().resideInAPackage("org.homeward.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.homeward.agreement..", "org.homeward.transfer..",
                        "org.homeward.identification..", "org.homeward.notification..")
                .check(CLASSES);
    }

    @Test
    void ruleTypesArePlainJava() {
        classes().that().resideInAPackage("org.homeward.platform.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.homeward.platform.domain..")
                .check(CLASSES);
    }
}

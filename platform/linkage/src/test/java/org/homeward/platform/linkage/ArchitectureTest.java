package org.homeward.platform.linkage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Linkage is plain Java that any service's domain may use: the JDK, ICU4J, Commons Text and the rule types. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.platform.linkage");

    @Test
    void linkageIsPlainJava() {
        classes().that().resideInAPackage("org.homeward.platform.linkage..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ibm.icu..",
                        "org.apache.commons.text..", "org.homeward.platform.domain..", "org.homeward.platform.linkage..")
                .check(CLASSES);
    }
}

package org.homeward.identification;

import org.homeward.identification.kinship.KinshipResults;
import org.homeward.local.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md 2, with the rules every service shares (ServiceArchitecture), and the rooms of
 * this service (DESIGN.md 9): three features, {@code cases}, {@code register} and {@code kinship}, each with
 * its domain, {@code application} and {@code api}; {@code intake} routes the transfer records to the first two;
 * {@code retention} erases closed subjects past their retention; {@code shared} holds the little all of them use.
 */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = new ServiceArchitecture("org.homeward.identification");

    @Test
    void domainDependsOnNoRestMessagingFrameworkOrPlumbing() {
        SERVICE.domainIsPlain("org.homeward.identification.cases", "org.homeward.identification.register",
                "org.homeward.identification.kinship", "org.homeward.identification.kinship.engine",
                "org.homeward.identification.kinship.lineage",
                "org.homeward.identification.retention");
    }

    @Test
    void theKinshipEngineIsPlainJavaThatUsesNoOtherFeature() {
        SERVICE.featureIsSelfContained("kinship.engine");
        SERVICE.featureIsSelfContained("kinship.lineage");
    }

    @Test
    void theRegisterKnowsNothingOfCasesKinshipOrIntake() {
        SERVICE.featureDoesNotUse("register", "cases", "kinship", "intake");
    }

    @Test
    void casesReadKinshipResultsThroughOneInterfaceOnly() {
        SERVICE.featureUsesOnlyThrough("cases", "kinship", KinshipResults.class);
    }

    @Test
    void casesUseNothingOfTheRegisterOrIntake() {
        SERVICE.featureDoesNotUse("cases", "register", "intake");
    }

    @Test
    void intakeOpensCasesAndChecksPrisonersButDoesNoKinship() {
        SERVICE.featureDoesNotUse("intake", "kinship");
    }

    @Test
    void sharedBelongsToNoFeature() {
        SERVICE.featureDoesNotUse("shared", "cases", "register", "kinship", "intake", "retention");
    }

    /** Erasure works on the database's own terms (functions of the schema's owner), not through the features. */
    @Test
    void retentionUsesNoOtherFeature() {
        SERVICE.featureDoesNotUse("retention", "cases", "register", "kinship", "intake");
    }

    @Test
    void restResourcesStayThin() {
        SERVICE.restResourcesStayThin();
    }

    @Test
    void plumbingLivesInThePlatformLibraryOnly() {
        SERVICE.noPlumbingCopies();
    }
}

package org.homeward.identification;

import org.homeward.identification.dvi.ReconciliationResults;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.local.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md 2, with the rules every service shares (ServiceArchitecture), and the rooms of
 * this service (DESIGN.md 9): four features, {@code cases}, {@code register}, {@code kinship} and {@code dvi}
 * (identification beyond DNA), each with its domain, {@code application} and {@code api}; {@code intake} routes the transfer records to the first two;
 * {@code retention} erases closed subjects past their retention; {@code shared} holds the little all of them use.
 */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = new ServiceArchitecture("org.homeward.identification");

    @Test
    void domainDependsOnNoRestMessagingFrameworkOrPlumbing() {
        SERVICE.domainIsPlain("org.homeward.identification.cases", "org.homeward.identification.register",
                "org.homeward.identification.kinship", "org.homeward.identification.kinship.engine",
                "org.homeward.identification.kinship.lineage",
                "org.homeward.identification.dvi", "org.homeward.identification.dvi.comparison",
                "org.homeward.identification.retention");
    }

    @Test
    void theKinshipEngineIsPlainJavaThatUsesNoOtherFeature() {
        SERVICE.featureIsSelfContained("kinship.engine");
        SERVICE.featureIsSelfContained("kinship.lineage");
    }

    @Test
    void theRegisterKnowsNothingOfCasesKinshipOrIntake() {
        SERVICE.featureDoesNotUse("register", "cases", "kinship", "intake", "dvi");
    }

    @Test
    void casesReadKinshipResultsAndTheReconciliationThroughOneInterfaceEach() {
        SERVICE.featureUsesOnlyThrough("cases", "kinship", KinshipResults.class);
        SERVICE.featureUsesOnlyThrough("cases", "dvi", ReconciliationResults.class);
    }

    @Test
    void dviRecordsReadKinshipResultsThroughOneInterfaceOnly() {
        SERVICE.featureUsesOnlyThrough("dvi", "kinship", KinshipResults.class);
        SERVICE.featureDoesNotUse("dvi", "intake");
        SERVICE.featureDoesNotUse("kinship", "dvi");
    }

    @Test
    void casesUseNothingOfTheRegisterOrIntake() {
        SERVICE.featureDoesNotUse("cases", "register", "intake");
    }

    @Test
    void intakeOpensCasesAndChecksPrisonersButDoesNoKinship() {
        SERVICE.featureDoesNotUse("intake", "kinship", "dvi");
    }

    @Test
    void sharedBelongsToNoFeature() {
        SERVICE.featureDoesNotUse("shared", "cases", "register", "kinship", "intake", "retention", "dvi");
    }

    /** Erasure works on the database's own terms (functions of the schema's owner), not through the features. */
    @Test
    void retentionUsesNoOtherFeature() {
        SERVICE.featureDoesNotUse("retention", "cases", "register", "kinship", "intake", "dvi");
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

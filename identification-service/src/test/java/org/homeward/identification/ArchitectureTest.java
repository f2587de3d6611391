package org.homeward.identification;

import org.homeward.local.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md 2, with the rules every service shares (ServiceArchitecture). */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = new ServiceArchitecture("org.homeward.identification");

    @Test
    void domainDependsOnNoRestMessagingFrameworkOrPlumbing() {
        SERVICE.domainIsPlain("org.homeward.identification", "org.homeward.identification.register",
                "org.homeward.identification.kinship");
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

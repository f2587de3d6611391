package org.homeward.agreement;

import org.homeward.local.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md 2, with the rules every service shares (ServiceArchitecture). */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = new ServiceArchitecture("org.homeward.agreement");

    @Test
    void domainDependsOnNoRestMessagingFrameworkOrPlumbing() {
        SERVICE.domainIsPlain("org.homeward.agreement", "org.homeward.agreement.fulfilment");
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

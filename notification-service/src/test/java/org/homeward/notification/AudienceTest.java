package org.homeward.notification;

import org.homeward.platform.domain.AccessScope;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceTest {

    private static final AccessScope UA_RU = new AccessScope(Set.of("UA", "RU"), Set.of("org-icrc"));

    @Test
    void observersHearOfCountEventsWhateverTheirScopeButNeverOfPrisonerChecksOrTransfers() {
        for (String type : new String[] {"agreement.term.fulfilled", "agreement.balance.changed",
                "identification.case.opened", "identification.case.returned", "identification.identification.confirmed"}) {
            assertThat(Audience.COUNTS_ONLY.mayReceive(type, UA_RU, null, "org-press")).as(type).isTrue();
        }
        for (String type : new String[] {"identification.prisoner-check.completed", "transfer.transfer.received",
                "agreement.agreement.activated"}) {
            assertThat(Audience.COUNTS_ONLY.mayReceive(type, UA_RU, null, "org-press")).as(type).isFalse();
        }
    }

    @Test
    void onlyObserversAreToldOnlyTheCountsOfCaseEvents() {
        assertThat(Audience.COUNTS_ONLY.isToldOnlyCounts("identification.case.opened")).isTrue();
        assertThat(Audience.COUNTS_ONLY.isToldOnlyCounts("identification.identification.confirmed")).isTrue();
        assertThat(Audience.COUNTS_ONLY.isToldOnlyCounts("agreement.balance.changed")).isFalse();
        assertThat(Audience.SCOPED.isToldOnlyCounts("identification.case.opened")).isFalse();
    }

    @Test
    void scopedSubscribersHearWhatTheirPartyOrOrganisationMaySee() {
        assertThat(Audience.SCOPED.mayReceive("identification.case.opened", UA_RU, "UA", "org-ua")).isTrue();
        assertThat(Audience.SCOPED.mayReceive("identification.case.opened", UA_RU, "FR", "org-fr")).isFalse();
        assertThat(Audience.SCOPED.mayReceive("identification.case.opened", UA_RU, null, "org-icrc")).isTrue();
    }
}

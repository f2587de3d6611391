package org.homeward.notification;

import org.homeward.platform.security.Roles;

import java.util.Set;

/**
 * What identification-service's API lets an organisation with given roles read of a case, applied to the
 * case's events (the same rule as its CaseAccess and Visibility): the assigned laboratory's examiners and the
 * receiving party's coordinators everything, including the method and the identification once confirmed; the
 * sending party's coordinators, and mediators and intermediaries named in the case's scope, the case and its
 * state; anyone else who may read the case statistics the counts only. Prisoner checks are the coordinators'.
 */
final class CaseReaders {

    private static final String CASE_EVENTS = "identification.case.";
    private static final String IDENTIFICATION_EVENTS = "identification.identification.";
    private static final String PRISONER_CHECK_EVENTS = "identification.prisoner-check.";
    /** The roles that may read the case statistics (identification-service's StatisticsResource). */
    private static final Set<String> STATISTICS_READERS = Set.of(Roles.FORENSIC_EXAMINER, Roles.COORDINATOR,
            Roles.MEDIATOR, Roles.INTERMEDIARY, Roles.OBSERVER, Roles.AUDITOR);

    private CaseReaders() {
    }

    static boolean isCaseEvent(String type) {
        return type.startsWith(CASE_EVENTS) || type.startsWith(IDENTIFICATION_EVENTS);
    }

    /** The sight of a subscriber already in the event's access scope. */
    static Sight sight(EventFacts event, String organisation, String party, Set<String> roles) {
        if (event.type().startsWith(PRISONER_CHECK_EVENTS)) {
            return roles.contains(Roles.COORDINATOR) ? Sight.FULL : Sight.NONE;
        }
        if (!isCaseEvent(event.type())) {
            return Sight.FULL;
        }
        if (roles.contains(Roles.FORENSIC_EXAMINER) && organisation.equals(event.assignedOrganisation())) {
            return Sight.FULL;
        }
        if (roles.contains(Roles.COORDINATOR) && party != null && party.equals(event.toParty())) {
            return Sight.FULL;
        }
        if (roles.contains(Roles.COORDINATOR) && party != null && party.equals(event.fromParty())) {
            return Sight.STATUS;
        }
        if ((roles.contains(Roles.MEDIATOR) || roles.contains(Roles.INTERMEDIARY))
                && event.scope().organisations().contains(organisation)) {
            return Sight.STATUS;
        }
        return roles.stream().anyMatch(STATISTICS_READERS::contains) ? Sight.COUNTS : Sight.NONE;
    }
}

package org.homeward.agreement;

/** How a non-party organisation takes part in an agreement. */
public enum OrganisationRole {
    MEDIATOR,
    INTERMEDIARY
}

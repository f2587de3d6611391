package org.homeward.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A mediator or intermediary organisation named on an agreement, by its {@code org} identifier. */
@Embeddable
public record OrganisationRef(@Column(name = "organisation_id") String organisationId,
                              @Enumerated(EnumType.STRING) @Column(name = "role") OrganisationRole role) {
}

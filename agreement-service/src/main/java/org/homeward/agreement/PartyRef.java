package org.homeward.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A party to an agreement: an ISO 3166-1 alpha-2 code and the name the agreement uses for it. */
@Embeddable
public record PartyRef(@Column(name = "code", length = 2) String code,
                       @Column(name = "name") String name) {
}

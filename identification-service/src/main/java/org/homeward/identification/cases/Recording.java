package org.homeward.identification.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.homeward.identification.shared.Actor;

import java.time.Instant;

/** Who put a piece of case work on record, for which organisation, and when: kept with every such record. */
@Embeddable
public record Recording(@Column(name = "recorded_by") String subject,
                        @Column(name = "recorded_by_organisation") String organisation,
                        @Column(name = "recorded_at") Instant at) {

    public static Recording of(Actor actor, Instant now) {
        return new Recording(actor.subject(), actor.organisation(), now);
    }
}

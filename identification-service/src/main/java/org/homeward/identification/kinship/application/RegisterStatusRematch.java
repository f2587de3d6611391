package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.identification.register.PersonStatusChanged;

import java.time.Clock;
import java.time.Instant;

/**
 * A person no longer missing is never an undisputed candidate (and one missing again may be): the person's
 * family is matched again, in the transaction that changed the register entry.
 */
@ApplicationScoped
public class RegisterStatusRematch {

    private final KinshipWork work;
    private final Clock clock;

    public RegisterStatusRematch(KinshipWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    void personStatusChanged(@Observes PersonStatusChanged change) {
        work.enqueue(KinshipWork.Kind.PERSON, change.personId(), change.party(), Instant.now(clock));
    }
}
